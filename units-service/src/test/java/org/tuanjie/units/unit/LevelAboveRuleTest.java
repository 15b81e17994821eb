package org.tuanjie.units.unit;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tuanjie.units.unit.UnitExceptions.OwnRootUnit;
import org.tuanjie.units.unit.UnitExceptions.UnitNotFound;

class LevelAboveRuleTest {

    private final Unit county = Unit.root("513221000000", UnitKind.COUNTY, UnitNames.of("汶川县"));
    private final Unit township = Unit.under(county, "513221100000", UnitKind.TOWNSHIP, UnitNames.of("威州镇"));
    private final Unit village = Unit.under(township, "513221100001", UnitKind.VILLAGE, UnitNames.of("阿尔村"));
    private final Unit otherTownship = Unit.under(county, "513221101000", UnitKind.TOWNSHIP, UnitNames.of("绵虒镇"));

    @Test
    void shouldNotLetATownshipManageItself() {
        assertThrows(OwnRootUnit.class, () -> LevelAboveRule.requireLevelAbove(township, township.path()));
    }

    @Test
    void shouldNotLetTheCountyManageItself() {
        assertThrows(OwnRootUnit.class, () -> LevelAboveRule.requireLevelAbove(county, county.path()));
    }

    @Test
    void letsTheLevelAboveManageAUnit() {
        assertSame(township, LevelAboveRule.requireLevelAbove(township, county.path()));
        assertSame(village, LevelAboveRule.requireLevelAbove(village, township.path()));
        assertSame(village, LevelAboveRule.requireLevelAbove(village, county.path()));
    }

    @Test
    void aUnitOutsideTheReachIsMissingNotForbidden() {
        assertThrows(UnitNotFound.class, () -> LevelAboveRule.requireLevelAbove(village, otherTownship.path()));
        assertThrows(UnitNotFound.class, () -> LevelAboveRule.requireLevelAbove(county, township.path()));
    }
}
