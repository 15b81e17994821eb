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

/** Closing, moving, renaming and reopening are the level above's, as {@link UnitPolicy} states it. */
class LevelAboveRuleTest {

    private final Unit county = Unit.root("513221000000", UnitKind.COUNTY, UnitNames.of("汶川县"));
    private final Unit township = Unit.under(county, "513221100000", UnitKind.TOWNSHIP, UnitNames.of("威州镇"));
    private final Unit village = Unit.under(township, "513221100001", UnitKind.VILLAGE, UnitNames.of("阿尔村"));
    private final Unit otherTownship = Unit.under(county, "513221101000", UnitKind.TOWNSHIP, UnitNames.of("绵虒镇"));

    @Test
    void shouldNotLetATownshipManageItself() {
        assertTrue(UnitPolicy.SEES_UNIT.holds(adminOf(township), township));
        assertFalse(UnitPolicy.LEVEL_ABOVE.holds(adminOf(township), township));
    }

    @Test
    void shouldNotLetTheCountyManageItself() {
        assertFalse(UnitPolicy.LEVEL_ABOVE.holds(adminOf(county), county));
    }

    @Test
    void letsTheLevelAboveManageAUnit() {
        assertTrue(UnitPolicy.LEVEL_ABOVE.holds(adminOf(county), township));
        assertTrue(UnitPolicy.LEVEL_ABOVE.holds(adminOf(township), village));
        assertTrue(UnitPolicy.LEVEL_ABOVE.holds(adminOf(county), village));
    }

    @Test
    void aUnitOutsideTheReachIsMissingNotForbidden() {
        assertFalse(UnitPolicy.SEES_UNIT.holds(adminOf(otherTownship), village));
        assertFalse(UnitPolicy.SEES_UNIT.holds(adminOf(township), county));
    }

    private static Reach adminOf(Unit unit) {
        return new Reach(unit.unitPath(), Optional.of(unit.code()), "admin-" + unit.code(), Set.of("admin"), Set.of());
    }
}
