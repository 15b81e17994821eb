package org.tuanjie.units.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.units.unit.UnitExceptions.MoveWouldCreateCycle;
import org.tuanjie.units.unit.UnitExceptions.PlacementNotAllowed;
import org.tuanjie.units.unit.UnitExceptions.UnitAlreadyClosed;
import org.tuanjie.units.unit.UnitExceptions.UnitNotClosed;

class UnitTest {

    private final Unit province = Unit.root("510000000000", UnitKind.PROVINCE, UnitNames.of("四川省"));
    private final Unit prefecture = Unit.under(province, "513200000000", UnitKind.PREFECTURE, UnitNames.of("阿坝州"));
    private final Unit county = Unit.under(prefecture, "513221000000", UnitKind.COUNTY, UnitNames.of("汶川县"));
    private final Unit township = Unit.under(county, "513221100000", UnitKind.TOWNSHIP, UnitNames.of("威州镇"));

    @Test
    void buildsAPathOfCodesFromTheRoot() {
        assertEquals("/510000000000/513200000000/513221000000/513221100000/", township.path());
        assertEquals(3, township.depth());
        assertTrue(township.isWithin(county.path()));
    }

    @Test
    void shouldNotPlaceACountyUnderAVillage() {
        Unit village = Unit.under(township, "513221100001", UnitKind.VILLAGE, UnitNames.of("村"));
        assertThrows(PlacementNotAllowed.class,
                () -> Unit.under(village, "513222000000", UnitKind.COUNTY, UnitNames.of("县")));
    }

    @Test
    void rejectsARegionCodeOutsideItsParentsArea() {
        InvalidUnitCode e = assertThrows(InvalidUnitCode.class,
                () -> Unit.under(county, "513222100000", UnitKind.TOWNSHIP, UnitNames.of("别县的镇")));
        assertEquals("code.division.parent", e.reasonKey());
    }

    @Test
    void rejectsACodeOfAnotherLevelThanItsKind() {
        InvalidUnitCode e = assertThrows(InvalidUnitCode.class,
                () -> Unit.under(county, "513221100001", UnitKind.TOWNSHIP, UnitNames.of("其实是村")));
        assertEquals("code.kind", e.reasonKey());
    }

    @Test
    void organizationsNeedACreditCode() {
        assertThrows(InvalidUnitCode.class,
                () -> Unit.under(county, "513221100001", UnitKind.SCHOOL, UnitNames.of("学校")));
        Unit school = Unit.under(county, "12513221MB0000002N", UnitKind.SCHOOL, UnitNames.of("县中学"));
        assertEquals("12513221MB0000002N", school.code());
    }

    @Test
    void shouldNotMoveUnderItsOwnDescendant() {
        assertThrows(MoveWouldCreateCycle.class, () -> county.moveUnder(township));
    }

    @Test
    void aClosedUnitRefusesChangesAndChildren() {
        Unit village = Unit.under(township, "513221100002", UnitKind.VILLAGE, UnitNames.of("撤并村"));
        village.close(LocalDate.of(2026, 6, 30), "撤并", "office");
        assertThrows(UnitAlreadyClosed.class, () -> village.close(LocalDate.of(2026, 7, 1), "again", "office"));
        assertThrows(UnitAlreadyClosed.class, () -> village.rename(UnitNames.of("新名")));
        assertThrows(UnitAlreadyClosed.class, () -> Unit.under(village, "12513221MB0000002N", UnitKind.SCHOOL, UnitNames.of("校")));
    }

    @Test
    void aClosingIsRecordedWithItsDateReasonAndAuthor() {
        Unit village = Unit.under(township, "513221100003", UnitKind.VILLAGE, UnitNames.of("撤并村"));
        UnitHistoryEntry closing = village.close(LocalDate.of(2026, 6, 30), "撤乡并镇", "county-office");
        assertEquals(UnitStatusChange.CLOSED, closing.change());
        assertEquals(village.id(), closing.unitId());
        assertEquals(LocalDate.of(2026, 6, 30), closing.effectiveOn());
        assertEquals("撤乡并镇", closing.reason());
        assertEquals("county-office", closing.recordedBy());
    }

    @Test
    void reopensAClosedUnitAndRecordsWhy() {
        Unit village = Unit.under(township, "513221100004", UnitKind.VILLAGE, UnitNames.of("复设村"));
        village.close(LocalDate.of(2026, 6, 30), "撤并", "county-office");
        UnitHistoryEntry reopening = village.reopen(township, "撤并方案撤回", "county-office");
        assertFalse(village.isClosed());
        assertNull(village.closedOn());
        assertNull(village.closeReason());
        assertEquals(UnitStatusChange.REOPENED, reopening.change());
        assertEquals("撤并方案撤回", reopening.reason());
        assertNull(reopening.effectiveOn());
        village.rename(UnitNames.of("复设村委会")); // open again: changes are accepted
    }

    @Test
    void shouldNotReopenAnOpenUnit() {
        assertThrows(UnitNotClosed.class, () -> township.reopen(county, "无事可复", "county-office"));
    }

    @Test
    void shouldNotReopenWithoutAReason() {
        Unit village = Unit.under(township, "513221100005", UnitKind.VILLAGE, UnitNames.of("无由村"));
        village.close(LocalDate.of(2026, 6, 30), "撤并", "county-office");
        assertThrows(Problems.InvalidInput.class, () -> village.reopen(township, " ", "county-office"));
        assertTrue(village.isClosed());
    }

    @Test
    void shouldNotReopenUnderAClosedParent() {
        Unit otherTownship = Unit.under(county, "513221101000", UnitKind.TOWNSHIP, UnitNames.of("撤并乡"));
        Unit village = Unit.under(otherTownship, "513221101001", UnitKind.VILLAGE, UnitNames.of("撤并乡的村"));
        village.close(LocalDate.of(2026, 6, 30), "撤并", "county-office");
        otherTownship.close(LocalDate.of(2026, 6, 30), "撤乡并镇", "county-office");
        assertThrows(UnitAlreadyClosed.class, () -> village.reopen(otherTownship, "单独复设", "county-office"));
        assertTrue(village.isClosed());
    }

    @Test
    void onlyRegionsOfCountyLevelOrAboveMayBeRoots() {
        assertThrows(PlacementNotAllowed.class, () -> Unit.root("513221100000", UnitKind.TOWNSHIP, UnitNames.of("镇")));
    }

    @Test
    void refusesALanguageTagLongerThanAnyInUseWithoutRepeatingAllOfIt() {
        String tag = "zh" + "-abcdefgh".repeat(200); // of the tag's form, 1,802 characters
        Problems.InvalidInput e = assertThrows(Problems.InvalidInput.class,
                () -> new UnitNames(Map.of("zh", "汶川县", tag, "汶川")));
        Violation refused = e.violations().get(0);
        assertEquals("names", refused.field());
        assertEquals(tag.substring(0, UnitNames.TAG_MAX_LENGTH) + "…", refused.args()[0]);
        assertEquals(Map.of("zh", "汶川县", "zh-Hant-TW", "汶川縣"),
                new UnitNames(Map.of("zh", "汶川县", "zh-Hant-TW", "汶川縣")).byLanguage());
    }
}
