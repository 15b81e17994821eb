package org.tuanjie.units.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.units.dossier.ActivityKind;
import org.tuanjie.units.unit.UnitKind;

class IndicatorTableTest {

    @Test
    void acceptsATreeWhoseParentsAreWorthTheirChildren() {
        IndicatorTable.Checked checked = IndicatorTable.check(List.of(row("1", null, "10"), row("1.1", "1", "4"),
                row("1.2", "1", "6"), row("2", null, "5.5")), List.of(2, 3, 4, 5));
        assertNotNull(checked.table(), () -> "refused: " + checked.errors());
        assertEquals(new BigDecimal("15.5"), checked.table().totalPoints());
        assertEquals(List.of("1.1", "1.2", "2"), checked.table().leaves().stream().map(r -> r.code().value()).toList());
    }

    @Test
    void reportsEveryBrokenRuleOnTheLineItWasReadFrom() {
        IndicatorTable.Checked checked = IndicatorTable.check(List.of(row("1", null, "10"), row("1.1", "1", "4"),
                row("1.1", "1", "4"), row("2.1", "2", "3"), row("3", "3.1", "2"), row("3.1", "3", "2")),
                List.of(2, 3, 4, 5, 6, 7));
        assertNull(checked.table());
        assertEquals(List.of("2 points 10 8", "4 code 1.1", "5 parent_code 2", "6 parent_code", "7 parent_code"),
                checked.errors().stream().map(IndicatorTableTest::said).toList());
    }

    @Test
    void sumsPointsExactlyInHundredths() {
        IndicatorTable.Checked checked = IndicatorTable.check(List.of(row("1", null, "1"), row("1.1", "1", "0.33"),
                row("1.2", "1", "0.33"), row("1.3", "1", "0.33")), List.of(2, 3, 4, 5));
        assertEquals(List.of("2 points 1 0.99"), checked.errors().stream().map(IndicatorTableTest::said).toList());
    }

    @Test
    void appliesByUnitKindAndByDomainMembership() {
        IndicatorDefinition schools = new IndicatorDefinition(new IndicatorCode("4.1"), null, titles("进校园"), BigDecimal.ONE,
                Set.of(UnitKind.SCHOOL), Set.of("SCHOOLS"), MeasuredBy.SUITE, 0, Map.of(ActivityKind.PUBLICITY, 2));
        assertEquals(true, schools.appliesTo(UnitKind.SCHOOL, Set.of("SCHOOLS", "FAMILIES")));
        assertEquals(false, schools.appliesTo(UnitKind.SCHOOL, Set.of()), "a school outside the domain is not judged by it");
        assertEquals(false, schools.appliesTo(UnitKind.TOWNSHIP, Set.of("SCHOOLS")));
        assertEquals(true, row("5", null, "2").appliesTo(UnitKind.VILLAGE, Set.of()), "naming none: everyone");
    }

    @Test
    void refusesPointsItCannotAddExactly() {
        assertThrows(IllegalArgumentException.class, () -> row("1", null, "0.333"));
        assertThrows(IllegalArgumentException.class, () -> row("1", null, "0"));
        assertThrows(IllegalArgumentException.class, () -> row("1", "1", "2"), "its own parent");
    }

    private static String said(Violation v) {
        StringBuilder text = new StringBuilder(v.line() + " " + v.field());
        if (v.messageKey().equals("indicator.points-sum") || v.messageKey().equals("import.duplicate")
                || v.messageKey().equals("indicator.parent")) {
            for (Object arg : v.args()) {
                text.append(' ').append(arg);
            }
        }
        return text.toString();
    }

    private static IndicatorDefinition row(String code, String parent, String points) {
        return new IndicatorDefinition(new IndicatorCode(code), parent == null ? null : new IndicatorCode(parent),
                titles("指标" + code), new BigDecimal(points), Set.of(), Set.of(), MeasuredBy.REVIEWER, 0, Map.of());
    }

    private static IndicatorTitles titles(String zh) {
        return new IndicatorTitles(Map.of("zh", zh));
    }
}
