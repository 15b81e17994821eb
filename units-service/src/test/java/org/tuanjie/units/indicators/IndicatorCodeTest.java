package org.tuanjie.units.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

class IndicatorCodeTest {

    @Test
    void readsTheNumberingOfAnAcceptanceChecklist() {
        for (String code : List.of("3", "3.2", "3.2.1", "A2.1", "B3.1.4", "12.10.3.2.1")) {
            assertEquals(Optional.of(new IndicatorCode(code)), IndicatorCode.parse(code), code);
        }
    }

    @Test
    void keepsLettersInCapitalsSoOneCodeIsWrittenOneWay() {
        assertEquals("A2.1", IndicatorCode.parse(" a2.1 ").orElseThrow().value());
    }

    @Test
    void refusesWhatIsNoIndicatorCode() {
        for (String text : List.of("", " ", "3.", ".3", "3..2", "3-2", "3 2", "一.1", "1.2.3.4.5.6", "ABCDEFGHI.1")) {
            assertTrue(IndicatorCode.parse(text).isEmpty(), text);
        }
        assertTrue(IndicatorCode.parse(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new IndicatorCode("a2.1"));
    }

    @Test
    void anEntryIsFiledUnderOneToTenCodesEachCountedOnce() {
        assertEquals(List.of(new IndicatorCode("A2.1"), new IndicatorCode("3.1")),
                IndicatorCode.listOf(List.of("A2.1", "3.1", "a2.1"), "indicatorCodes"));
        assertEquals(List.of("indicatorCodes"), fields(() -> IndicatorCode.listOf(List.of(), "indicatorCodes")));
        List<String> eleven = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            eleven.add(Integer.toString(i));
        }
        assertEquals(List.of("indicatorCodes"), fields(() -> IndicatorCode.listOf(eleven, "indicatorCodes")));
        // eleven texts that are ten codes are ten codes
        eleven.set(10, "1");
        assertEquals(10, IndicatorCode.listOf(eleven, "indicatorCodes").size());
    }

    @Test
    void namesEveryCodeWithoutTheForm() {
        assertEquals(List.of("indicatorCodes[1]", "indicatorCodes[2]"),
                fields(() -> IndicatorCode.listOf(List.of("3.1", "3..1", "x y"), "indicatorCodes")));
    }

    private static List<String> fields(Runnable call) {
        Problems.InvalidInput refused = assertThrows(Problems.InvalidInput.class, call::run);
        return refused.violations().stream().map(Violation::field).toList();
    }
}
