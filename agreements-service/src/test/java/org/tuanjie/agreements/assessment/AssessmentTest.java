package org.tuanjie.agreements.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tuanjie.agreements.agreement.Agreement;

class AssessmentTest {

    private static Assessment.TargetScore score(String points) {
        return new Assessment.TargetScore("T", "MANUAL", 100, new BigDecimal(points), false, Map.of(), null);
    }

    @Test
    void fulfilledAtThePassMark() {
        Assessment a = Assessment.of(UUID.randomUUID(), List.of(score("60.00")), List.of(), 60, "i");
        assertEquals(Agreement.Result.FULFILLED, a.result());
    }

    @Test
    void deductionsCanFailIt() {
        Assessment a = Assessment.of(UUID.randomUUID(), List.of(score("62")),
                List.of(new Assessment.AdjustmentScore("D", "DEDUCTION", 3, true, null)), 60, "i");
        assertEquals(new BigDecimal("59.00"), a.total());
        assertEquals(Agreement.Result.NOT_FULFILLED, a.result());
    }

    @Test
    void aVetoFailsAPerfectScore() {
        Assessment a = Assessment.of(UUID.randomUUID(), List.of(score("100")),
                List.of(new Assessment.AdjustmentScore("V", "VETO", 0, true, "事件")), 60, "i");
        assertEquals(Agreement.Result.NOT_FULFILLED, a.result());
    }

    @Test
    void gradesClimbAtEachThresholdIncluded() {
        org.tuanjie.agreements.template.Grades grades = new org.tuanjie.agreements.template.Grades(90, 80);
        Map<String, Assessment.Grade> expected = Map.of("59.99", Assessment.Grade.FAIL, "60", Assessment.Grade.PASS,
                "79.99", Assessment.Grade.PASS, "80", Assessment.Grade.GOOD, "89.99", Assessment.Grade.GOOD,
                "90", Assessment.Grade.EXCELLENT, "100", Assessment.Grade.EXCELLENT);
        expected.forEach((total, grade) -> assertEquals(grade,
                Assessment.of(UUID.randomUUID(), List.of(score(total)), List.of(), 60, grades, "i").grade(), total));
        assertEquals(null, Assessment.of(UUID.randomUUID(), List.of(score("95")), List.of(), 60, "i").grade());
        // thresholds that do not climb from the pass mark are not thresholds
        assertEquals(false, new org.tuanjie.agreements.template.Grades(90, 60).climbFrom(60));
        assertEquals(false, new org.tuanjie.agreements.template.Grades(80, 85).climbFrom(60));
        assertEquals(false, new org.tuanjie.agreements.template.Grades(101, 85).climbFrom(60));
    }

    @Test
    void neverBelowZero() {
        Assessment a = Assessment.of(UUID.randomUUID(), List.of(score("2")),
                List.of(new Assessment.AdjustmentScore("D", "DEDUCTION", 10, true, null)), 60, "i");
        assertEquals(new BigDecimal("0.00"), a.total());
    }
}
