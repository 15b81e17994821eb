package org.tuanjie.units.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DivisionCodeTest {

    @ParameterizedTest
    @CsvSource({
            "510000000000, PROVINCE",   // 四川省
            "513200000000, PREFECTURE", // 阿坝藏族羌族自治州
            "513221000000, COUNTY",     // 汶川县
            "513221100000, TOWNSHIP",   // 威州镇
            "513221100001, VILLAGE",
            "540102003000, TOWNSHIP",   // 拉萨市城关区的一个街道
            "429004000000, COUNTY"})    // 仙桃市, a county-level city directly under Hubei
    void readsTheLevelOfRealCodes(String code, DivisionLevel level) {
        assertEquals(level, DivisionCode.parse(code).level());
    }

    @ParameterizedTest
    @ValueSource(strings = {"51320000000", "5132000000000", "51320000000A", "", "051321000000", "513200001000",
            "510000000001"})
    void rejectsMalformedCodes(String code) {
        assertFalse(DivisionCode.isValid(code));
    }

    @Test
    void rejectsALevelBelowAZeroLevel() {
        InvalidUnitCode e = assertThrows(InvalidUnitCode.class, () -> DivisionCode.parse("510000001000"));
        assertEquals("code.division.gap", e.reasonKey());
    }

    @Test
    void knowsWhichAreaContainsIt() {
        DivisionCode county = DivisionCode.parse("513221000000");
        assertTrue(DivisionCode.parse("513221100000").isWithin(county));
        assertFalse(DivisionCode.parse("513222100000").isWithin(county));
        assertFalse(county.isWithin(county));
        assertTrue(county.isWithin(DivisionCode.parse("510000000000")));
        assertEquals("5132", DivisionCode.parse("513200000000").significantPrefix());
    }
}
