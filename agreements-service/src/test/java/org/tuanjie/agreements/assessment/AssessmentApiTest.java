package org.tuanjie.agreements.assessment;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
    void withTasksServiceDownTheAssessmentIsRefusedAndNothingStored() {
        String unit = c.villages.get(1);
        String id = active(unit);
        Map<String, Object> request = Map.of("scores", Map.of("T3", Map.of("score", 25)));
        try {
            Agreements.tasksService("down");
            act("admin", c.county, id, "assessment", request, c.county).then().statusCode(503)
                    .body("type", equalTo("https://tuanjie.org/problems/tasks-unavailable"));
        } finally {
            Agreements.tasksService("up");
        }
        as("auditor", c.county).get("/agreements/" + id).then().body("state", equalTo("ACTIVE"));
        as("auditor", c.county).get("/agreements/" + id + "/assessment").then().statusCode(404);
        as("auditor", c.county).queryParam("agreementId", id).get("/audit").then()
                .body("items.action", not(hasItem("ASSESSED")));
    }
}
