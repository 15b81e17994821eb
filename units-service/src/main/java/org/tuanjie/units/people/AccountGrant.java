package org.tuanjie.units.people;

import java.util.Set;
import org.tuanjie.units.unit.DivisionLevel;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitKind;

/**
 * Roles given to, or taken from, the account of username {@code username} (null: one not made yet) of a person of
 * {@code unit}, by an admin whose own root unit is of kind {@code granterRootKind} (null when the caller's
 * {@code unit_code} names no unit here). The access policy decides on it: whether the unit is in the admin's
 * reach, whether the admin's level may grant these roles, and that the account is not the admin's own.
 */
public record AccountGrant(Unit unit, Set<AccountRole> roles, UnitKind granterRootKind, String username) {

    public AccountGrant {
        roles = Set.copyOf(roles);
    }

    /** Whether any role is an office role ({@link AccountRole#isOffice()}). */
    public boolean grantsOfficeRoles() {
        return roles.stream().anyMatch(AccountRole::isOffice);
    }

    /** Whether the granting admin's office is a county's or one above (prefecture, province). */
    public boolean granterIsCountyOrAbove() {
        return granterRootKind != null && granterRootKind.isRegion()
                && granterRootKind.level().compareTo(DivisionLevel.COUNTY) <= 0;
    }
}
