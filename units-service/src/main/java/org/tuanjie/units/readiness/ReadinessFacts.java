package org.tuanjie.units.readiness;

import java.time.LocalDate;
import java.util.List;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/**
 * The recorded facts of a readiness profile, consistent by construction: blank text counts as
 * absent, and a leading-group date needs its document number.
 */
public record ReadinessFacts(int staffCount, List<String> staffNames, boolean office, String officeLocation,
        String leadingGroupDocNo, LocalDate leadingGroupDate, boolean workPlan, boolean signage, boolean equipment,
        String principalLeaderName, String principalLeaderPhone, String liaisonName, String liaisonPhone) {

    public ReadinessFacts {
        staffNames = staffNames == null ? List.of()
                : staffNames.stream().filter(n -> n != null && !n.isBlank()).map(String::trim).toList();
        officeLocation = blankToNull(officeLocation);
        leadingGroupDocNo = blankToNull(leadingGroupDocNo);
        principalLeaderName = blankToNull(principalLeaderName);
        principalLeaderPhone = blankToNull(principalLeaderPhone);
        liaisonName = blankToNull(liaisonName);
        liaisonPhone = blankToNull(liaisonPhone);
        if (staffNames.size() > staffCount) {
            throw new Problems.InvalidInput(new Violation("staffNames", "readiness.staff-names"));
        }
        if (leadingGroupDate != null && leadingGroupDocNo == null) {
            throw new Problems.InvalidInput(new Violation("leadingGroupDocNo", "readiness.leading-group-doc"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
