package org.tuanjie.units.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.access.Reach;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitNames;

/**
 * DOMAIN.md: a unit's liaison works on its own unit's dossier, its leader may what a liaison may, an admin everything
 * in its jurisdiction; reach alone is not enough to act.
 */
class DossierRuleTest {

    private final Unit county = Unit.root("513221000000", UnitKind.COUNTY, UnitNames.of("汶川县"));
    private final Unit township = Unit.under(county, "513221100000", UnitKind.TOWNSHIP, UnitNames.of("威州镇"));
    private final Unit village = Unit.under(township, "513221100001", UnitKind.VILLAGE, UnitNames.of("阿尔村"));

    @Test
    void aLiaisonOrLeaderWorksOnTheirOwnUnitsDossier() {
        assertTrue(UnitPolicy.FILES_FOR_OWN_UNIT.holds(as("unit-liaison", village), village));
        assertTrue(UnitPolicy.FILES_FOR_OWN_UNIT.holds(as("unit-leader", township), township));
    }

    @Test
    void shouldNotLetATownshipsLiaisonOrLeaderFileForItsVillages() {
        assertTrue(UnitPolicy.SEES_UNIT.holds(as("unit-liaison", township), village));
        assertFalse(UnitPolicy.FILES_FOR_OWN_UNIT.holds(as("unit-liaison", township), village));
        assertFalse(UnitPolicy.FILES_FOR_OWN_UNIT.holds(as("unit-leader", township), village));
    }

    @Test
    void anAdminFilesForAnyUnitOfItsJurisdictionItsOwnIncluded() {
        assertTrue(UnitPolicy.FILES_FOR_OWN_UNIT.holds(as("admin", township), village));
        assertTrue(UnitPolicy.FILES_FOR_OWN_UNIT.holds(as("admin", township), township));
        assertTrue(UnitPolicy.FILES_FOR_OWN_UNIT.holds(as("admin", county), village));
    }

    @Test
    void aVillageSeesNothingAboveIt() {
        assertFalse(UnitPolicy.SEES_UNIT.holds(as("unit-liaison", village), township));
    }

    private static Reach as(String role, Unit unit) {
        return new Reach(unit.unitPath(), Optional.of(unit.code()), role + "-" + unit.code(), Set.of(role), Set.of());
    }
}
