package org.tuanjie.agreements.assessment;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.agreements.Agreements;
import org.tuanjie.testing.FakeCounty;

/**
 * Scores computed from the other services' numbers (their HTTP contracts served from memory), checked
 * against the same arithmetic done here by hand.
 */
@QuarkusTest
class AssessmentApiTest {

    private static FakeCounty c;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new FakeCounty("540125");
            issueWithin(c, publishedTemplate(c, 2026), c.county).then().statusCode(200);
        }
    }

    private String active(String unitCode) {
        String id = agreementOf(c, unitCode, 2026);
        act("unit-leader", unitCode, id, "sign", null, c.county).then().statusCode(200);
        act("admin", c.county, id, "countersign", null, c.county).then().statusCode(200);
        return id;
    }

    @Test
    void scoresAutomaticAndManualTargetsWithBonusAndDeduction() {
        String unit = c.villages.get(0);
        String id = active(unit);
        Agreements.taskFigures(c.id(unit), "PUBLICITY", 4, 3);
        c.readiness(unit, 75, false);
        Map<String, Object> request = Map.of(
                "scores", Map.of("T3", Map.of("score", 20, "comment", "开展宣传活动 2 次")),
                "adjustments", Map.of("B1", Map.of("points", 3), "D1", Map.of("points", 2), "V1", Map.of("triggered", false)));
        JsonPath result = act("inspector", c.county, id, "assessment", request, c.county).then().statusCode(200)
                .extract().jsonPath();
        double t1 = 40 * (3.0 / 4);  // tasks verified share
        double t2 = 30 * (75 / 100.0); // readiness score
        double t3 = 20;
        double expected = t1 + t2 + t3 + 3 - 2;
        assertEquals(expected, result.getDouble("total"), 0.001);
        assertEquals("FULFILLED", result.getString("result"));
        assertEquals(null, result.getString("grade"), "a template without thresholds gives no grade");
        assertEquals(t1, result.getDouble("targets.find { it.code == 'T1' }.score"), 0.001);
        assertEquals("3", result.getString("targets.find { it.code == 'T1' }.inputs.verified"));
        assertEquals(t2, result.getDouble("targets.find { it.code == 'T2' }.score"), 0.001);
        as("auditor", c.county).get("/agreements/" + id).then().body("state", equalTo("ASSESSED"))
                .body("result", equalTo("FULFILLED"));
        as("auditor", c.county).get("/agreements/" + id + "/assessment").then().statusCode(200)
                .body("assessedBy", equalTo("user-inspector-" + c.county));
        act("admin", c.county, id, "assessment", request, c.county).then().statusCode(409);
    }

    @Test
    void aVetoFailsWhateverTheScoreAndAUnitWithoutTasksGetsTheFullWeight() {
        String unit = c.schools.get(0);
        String id = active(unit);
        c.readiness(unit, 100, true);
        Map<String, Object> request = Map.of("scores", Map.of("T3", Map.of("score", 30)),
                "adjustments", Map.of("V1", Map.of("triggered", true, "comment", "发生负面事件")));
        act("admin", c.county, id, "assessment", request, c.county).then().statusCode(200)
                .body("total", equalTo(100.0f)).body("vetoed", equalTo(true)).body("result", equalTo("NOT_FULFILLED"));
    }

    /**
     * 等次 by the template's thresholds (优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ the pass mark 60), and a target scored by the
     * reviewer's score of its indicator on the unit's scorecard in units-service (none yet: the assessment waits).
     */
    @Test
    void gradesTheResultAndScoresATargetByItsIndicatorsReview() {
        Map<String, Object> body = Agreements.template(2027);
        body.put("grades", Map.of("excellent", 90, "good", 80));
        body.put("targets", List.of(
                Map.of("code", "M1", "title", "创建工作亮点", "weight", 50, "measure", "MANUAL"),
                Map.of("code", "R1", "title", "民族团结进步创建档案规范", "weight", 50, "measure", "INDICATOR_REVIEW",
                        "indicatorCode", "5.1a")));
        body.put("adjustments", List.of(Map.of("code", "V1", "title", "一票否决", "kind", "VETO", "maxPoints", 0)));
        // thresholds that do not climb from the pass mark, and a review target naming no indicator, are refused
        Map<String, Object> badGrades = new java.util.HashMap<>(body);
        badGrades.put("grades", Map.of("excellent", 70, "good", 75));
        as("admin", c.county).body(badGrades).post("/templates").then().statusCode(400).body("errors[0].field", equalTo("grades"));
        Map<String, Object> noIndicator = new java.util.HashMap<>(body);
        noIndicator.put("targets", List.of(Map.of("code", "M1", "title", "t", "weight", 50, "measure", "MANUAL"),
                Map.of("code", "R1", "title", "t", "weight", 50, "measure", "INDICATOR_REVIEW")));
        as("admin", c.county).body(noIndicator).post("/templates").then().statusCode(400)
                .body("errors[0].field", equalTo("targets[1].indicatorCode"));

        String template = as("admin", c.county).body(body).post("/templates").then().statusCode(201)
                .body("grades.excellent", equalTo(90)).body("targets[1].indicatorCode", equalTo("5.1A")).extract().path("id");
        as("admin", c.county).header("If-Match", "\"0\"").post("/templates/" + template + "/publish").then().statusCode(200);
        issueWithin(c, template, c.townships.get(1)).then().statusCode(200);

        String village = c.villages.get(1);
        String id = agreementOf(c, village, 2027);
        act("unit-leader", village, id, "sign", null, c.county).then().statusCode(200);
        act("admin", c.county, id, "countersign", null, c.county).then().statusCode(200);
        Map<String, Object> request = Map.of("scores", Map.of("M1", Map.of("score", 45)));
        c.reviewed(village, 2027, "5.1A", 10, null);
        act("inspector", c.county, id, "assessment", request, c.county).then().statusCode(409)
                .body("type", equalTo("/problems/review-missing"));
        as("auditor", c.county).get("/agreements/" + id).then().body("state", equalTo("ACTIVE"));

        c.reviewed(village, 2027, "5.1A", 10, 8);
        JsonPath good = act("inspector", c.county, id, "assessment", request, c.county).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(45 + 50 * (8 / 10.0), good.getDouble("total"), 0.001);
        assertEquals(40.0, good.getDouble("targets.find { it.code == 'R1' }.score"), 0.001);
        assertEquals("8", good.getString("targets.find { it.code == 'R1' }.inputs.reviewScore"));
        assertEquals("GOOD", good.getString("grade"));
        assertEquals("FULFILLED", good.getString("result"));

        // 优秀 at 90 and above; 不合格 with a veto, whatever the total
        String school = c.schools.get(1);
        String second = agreementOf(c, school, 2027);
        act("unit-leader", school, second, "sign", null, c.county).then().statusCode(200);
        act("admin", c.county, second, "countersign", null, c.county).then().statusCode(200);
        c.reviewed(school, 2027, "5.1A", 10, 10);
        act("inspector", c.county, second, "assessment", Map.of("scores", Map.of("M1", Map.of("score", 40))), c.county)
                .then().statusCode(200).body("total", equalTo(90.0f)).body("grade", equalTo("EXCELLENT"));
        issueWithin(c, template, c.townships.get(2)).then().statusCode(200);
        String vetoed = c.villages.get(2);
        String third = agreementOf(c, vetoed, 2027);
        act("unit-leader", vetoed, third, "sign", null, c.county).then().statusCode(200);
        act("admin", c.county, third, "countersign", null, c.county).then().statusCode(200);
        c.reviewed(vetoed, 2027, "5.1A", 10, 10);
        act("inspector", c.county, third, "assessment", Map.of("scores", Map.of("M1", Map.of("score", 50)),
                "adjustments", Map.of("V1", Map.of("triggered", true))), c.county)
                .then().statusCode(200).body("grade", equalTo("FAIL")).body("result", equalTo("NOT_FULFILLED"));
        as("auditor", c.county).get("/agreements/" + id + "/assessment").then().body("grade", equalTo("GOOD"));
    }

    @Test
    void manualScoresAreRequiredAndBounded() {
        String unit = c.schools.get(1);
        String id = active(unit);
        act("admin", c.county, id, "assessment", Map.of("scores", Map.of()), c.county).then().statusCode(400)
                .body("errors[0].field", equalTo("scores.T3"));
        act("admin", c.county, id, "assessment", Map.of("scores", Map.of("T3", Map.of("score", 31)),
                "adjustments", Map.of("B1", Map.of("points", 6))), c.county).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("scores.T3", "adjustments.B1"));
        java.util.Map<String, Object> nullItem = new java.util.HashMap<>();
        nullItem.put("B1", null); // found by the random bodies: a null item was a 500
        act("admin", c.county, id, "assessment", Map.of("scores", Map.of("T3", Map.of("score", 1)), "adjustments", nullItem),
                c.county).then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.startsWith("adjustments"));
        act("unit-leader", unit, id, "assessment", Map.of("scores", Map.of("T3", Map.of("score", 1))), c.county)
                .then().statusCode(403);
        as("auditor", c.county).get("/agreements/" + id).then().body("state", equalTo("ACTIVE"));
    }

    @Test
    void countsTheActivitiesOnFileInTheAgreementsYearUpToTheNumberRequired() {
        // a template of its own year, issued to township C only: the county's 2026 agreements stay as they are
        Map<String, Object> body = Agreements.template(2025);
        body.put("targets", List.of(
                Map.of("code", "A1", "title", "开展民族团结宣传活动不少于 4 次", "weight", 40, "measure", "ACTIVITIES_ON_FILE",
                        "activityKind", "PUBLICITY", "required", 4),
                Map.of("code", "A2", "title", "开展创建业务培训不少于 2 次", "weight", 30, "measure", "ACTIVITIES_ON_FILE",
                        "activityKind", "TRAINING", "required", 2),
                Map.of("code", "T3", "title", "创建亮点", "weight", 30, "measure", "MANUAL")));
        String template = as("admin", c.county).body(body).post("/templates").then().statusCode(201)
                .body("targets.find { it.code == 'A1' }.activityKind", equalTo("PUBLICITY"))
                .body("targets.find { it.code == 'A1' }.required", equalTo(4))
                .body("targets.find { it.code == 'T3' }", not(hasKey("activityKind")))
                .extract().path("id");
        as("admin", c.county).header("If-Match", "\"0\"").post("/templates/" + template + "/publish").then().statusCode(200);
        issueWithin(c, template, c.townships.get(2)).then().statusCode(200);
        String unit = c.villages.get(2);
        String id = agreementOf(c, unit, 2025);
        act("unit-leader", unit, id, "sign", null, c.county).then().statusCode(200);
        act("admin", c.county, id, "countersign", null, c.county).then().statusCode(200);

        // five publicity activities in 2025 (one more than required), one training; the rest is outside the year,
        // withdrawn, or the township's own
        c.onFile(unit, "PUBLICITY", "2025-01-01", "2025-05-12", "2025-07-01", "2025-09-30", "2025-12-31");
        c.onFile(unit, "PUBLICITY", "2024-12-31", "2026-01-01");
        c.onFile(unit, "TRAINING", "2025-04-02", "2024-12-31", "2026-01-01");
        c.withdrawnFromFile(unit, "TRAINING", "2025-08-08");
        c.onFile(unit, "DOCUMENT", "2025-03-01");
        c.onFile(c.townships.get(2), "TRAINING", "2025-06-18");

        Map<String, Object> request = Map.of("scores", Map.of("T3", Map.of("score", 20)));
        JsonPath result = act("inspector", c.county, id, "assessment", request, c.county).then().statusCode(200)
                .extract().jsonPath();
        double a1 = 40 * Math.min(1, 5 / 4.0);
        double a2 = 30 * (1 / 2.0);
        assertEquals(a1, result.getDouble("targets.find { it.code == 'A1' }.score"), 0.001);
        assertEquals(a2, result.getDouble("targets.find { it.code == 'A2' }.score"), 0.001);
        assertEquals(a1 + a2 + 20, result.getDouble("total"), 0.001);
        assertEquals("5", result.getString("targets.find { it.code == 'A1' }.inputs.activities"));
        assertEquals("4", result.getString("targets.find { it.code == 'A1' }.inputs.required"));
        assertEquals("1", result.getString("targets.find { it.code == 'A2' }.inputs.activities"));
        assertEquals("2025", result.getString("targets.find { it.code == 'A2' }.inputs.year"));
        assertEquals(true, result.getBoolean("targets.find { it.code == 'A2' }.automatic"));
    }

    @Test
    void anActivitiesTargetNamesItsKindAndNumberAndNoOtherTargetTakesThem() {
        Map<String, Object> body = Agreements.template(2024);
        body.put("targets", List.of(
                Map.of("code", "A1", "title", "开展宣传活动", "weight", 50, "measure", "ACTIVITIES_ON_FILE"),
                Map.of("code", "T2", "title", "创建工作基础完备", "weight", 50, "measure", "READINESS",
                        "activityKind", "TRAINING", "required", 3)));
        as("admin", c.county).body(body).post("/templates").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("targets[0].activityKind", "targets[0].required",
                        "targets[1].activityKind", "targets[1].required"));
        body.put("targets", List.of(Map.of("code", "A1", "title", "开展宣传活动", "weight", 100,
                "measure", "ACTIVITIES_ON_FILE", "activityKind", "PUBLICITY", "required", 0)));
        as("admin", c.county).body(body).post("/templates").then().statusCode(400)
                .body("errors[0].field", equalTo("targets[0].required"));
        body.put("targets", List.of(Map.of("code", "A1", "title", "开展宣传活动", "weight", 100,
                "measure", "ACTIVITIES_ON_FILE", "activityKind", "BANNERS", "required", 2)));
        as("admin", c.county).body(body).post("/templates").then().statusCode(400);
    }

    @Test
    void withTasksServiceDownTheAssessmentIsRefusedAndNothingStored() {
        String unit = c.villages.get(1);
        String id = active(unit);
        Map<String, Object> request = Map.of("scores", Map.of("T3", Map.of("score", 25)));
        try {
            Agreements.tasksService("down");
            act("admin", c.county, id, "assessment", request, c.county).then().statusCode(503)
                    .body("type", equalTo("/problems/tasks-unavailable"));
        } finally {
            Agreements.tasksService("up");
        }
        as("auditor", c.county).get("/agreements/" + id).then().body("state", equalTo("ACTIVE"));
        as("auditor", c.county).get("/agreements/" + id + "/assessment").then().statusCode(404);
        as("auditor", c.county).queryParam("agreementId", id).get("/audit").then()
                .body("items.action", not(hasItem("ASSESSED")));
    }
}
