package org.tuanjie.agreements.coverage.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.agreement.AgreementState;
import org.tuanjie.unitsclient.Jurisdiction;

/**
 * Who has signed: current agreements of a year in the caller's jurisdiction, grouped by township
 * (its villages, schools and venues rolled up) and by department (units outside any township).
 */
@ApplicationScoped
public class CoverageService {

    /** The most groups one coverage lists, in hierarchy order: the townships and departments of a prefecture. */
    public static final int GROUPS_LISTED = 1000;
    /** The most unsigned units one coverage lists, in hierarchy order; the others are counted all the same. */
    public static final int UNSIGNED_LISTED = 500;

    private static final Set<AgreementState> SIGNED = Set.of(AgreementState.SIGNED, AgreementState.ACTIVE,
            AgreementState.ASSESSED);

    @Inject
    EntityManager em;

    @Inject
    Jurisdiction jurisdiction;

    public Coverage coverage(int year, UUID within) {
        String root = within == null ? jurisdiction.rootPath() : jurisdiction.unit(within).pathText();
        List<Agreement> current = em.createQuery("""
                select a from Agreement a where a.year = :year and a.unitPath like :root
                  and a.state not in (:revoked, :superseded)
                order by a.unitPath""", Agreement.class)
                .setParameter("year", year).setParameter("root", Jurisdiction.likePrefix(root))
                .setParameter("revoked", AgreementState.REVOKED).setParameter("superseded", AgreementState.SUPERSEDED)
                .getResultList();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        List<Unsigned> unsigned = new ArrayList<>();
        for (Agreement a : current) {
            boolean township = a.townshipCode() != null;
            String key = township ? a.townshipCode() : a.unitCode();
            groups.putIfAbsent(key, new Group(key, township ? a.townshipName() : a.unitName(),
                    township ? "TOWNSHIP" : "DEPARTMENT", 0, 0, 0));
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            c[0]++;
            if (SIGNED.contains(a.state())) {
                c[1]++;
            } else if (unsigned.size() < UNSIGNED_LISTED) {
                unsigned.add(new Unsigned(a.id(), a.unitId(), a.unitCode(), a.unitName(), a.townshipCode(), a.state()));
            }
        }
        List<Group> rows = new ArrayList<>();
        groups.forEach((key, g) -> {
            long[] c = counts.get(key);
            if (rows.size() < GROUPS_LISTED) {
                rows.add(new Group(g.code(), g.name(), g.type(), c[0], c[1], Math.round(10000.0 * c[1] / c[0]) / 10000.0));
            }
        });
        long issued = current.size();
        long signed = current.stream().filter(a -> SIGNED.contains(a.state())).count();
        return new Coverage(year, issued, signed, issued == 0 ? 0 : Math.round(10000.0 * signed / issued) / 10000.0,
                rows, unsigned);
    }

    @Schema(name = "CoverageGroup")
    public record Group(@Schema(maxLength = Agreement.UNIT_CODE_MAX) String code,
            @Schema(maxLength = Agreement.UNIT_NAME_MAX) String name,
            @Schema(enumeration = {"TOWNSHIP", "DEPARTMENT"}) String type, @Schema(minimum = "1") long issued,
            @Schema(minimum = "0") long signed, double rate) {
    }

    @Schema(name = "UnsignedUnit")
    public record Unsigned(UUID agreementId, UUID unitId, @Schema(maxLength = Agreement.UNIT_CODE_MAX) String unitCode,
            @Schema(maxLength = Agreement.UNIT_NAME_MAX) String unitName,
            @Schema(maxLength = Agreement.UNIT_CODE_MAX) String townshipCode, AgreementState state) {
    }

    public record Coverage(@Schema(minimum = "2000", maximum = "2100") int year, @Schema(minimum = "0") long issued,
            @Schema(minimum = "0") long signed, double rate,
            @Schema(description = "Townships (their villages, schools and venues rolled up) and departments, in hierarchy "
                    + "order: the first " + GROUPS_LISTED + " at most (ask `within` a unit for the others)",
                    maxItems = GROUPS_LISTED) List<Group> groups,
            @Schema(description = "Units that have not signed, in hierarchy order: the first " + UNSIGNED_LISTED
                    + " at most (issued and signed count them all)", maxItems = UNSIGNED_LISTED) List<Unsigned> unsigned) {
    }
}
