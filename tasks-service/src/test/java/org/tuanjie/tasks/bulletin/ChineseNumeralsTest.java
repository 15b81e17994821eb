package org.tuanjie.tasks.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChineseNumeralsTest {

    @Test
    void countsAsHeadingsAreNumbered() {
        assertEquals("一", ChineseNumerals.of(1));
        assertEquals("九", ChineseNumerals.of(9));
        assertEquals("十", ChineseNumerals.of(10));
        assertEquals("十一", ChineseNumerals.of(11));
        assertEquals("二十", ChineseNumerals.of(20));
        assertEquals("二十三", ChineseNumerals.of(23));
        assertEquals("九十九", ChineseNumerals.of(99));
        assertEquals("100", ChineseNumerals.of(100));
        assertEquals("0", ChineseNumerals.of(0));
    }

    @Test
    void datesAsOfficialDocumentsWriteThem() {
        assertEquals("2026年3月19日", ChineseNumerals.date(LocalDate.of(2026, 3, 19)));
        assertEquals("2026年12月1日", ChineseNumerals.date(LocalDate.of(2026, 12, 1)));
    }
}
