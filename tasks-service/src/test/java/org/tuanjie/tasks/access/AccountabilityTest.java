package org.tuanjie.tasks.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.tuanjie.tasks.Flows.act;
import static org.tuanjie.tasks.Flows.finding;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.task;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;
import org.tuanjie.testing.Tokens;

/**
 * Separation of duties, written from DOMAIN.md's table and not from the policy: the supervised cannot
 * perform the supervisor's acts. Township A and its village A sit under the county; the county's
 * office assigns, township A's people are supervised by it, and a village is supervised by both.
 */
@QuarkusTest
class AccountabilityTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static FakeCounty c;
    private static String townshipA;
    private static String villageA;
    private static String townshipB;
    private static String countyInspection;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new FakeCounty("513241");
            townshipA = c.townships.get(0);
            villageA = c.villages.get(0);
            townshipB = c.townships.get(1);
            countyInspection = inspection(c.county, List.of(c.id(villageA), c.id(c.villages.get(1)), c.id(c.villages.get(2))));
        }
    }

    /** A county-assigned task of village A, submitted by the village's liaison. */
    private String submittedCountyTask() {
        String taskId = task(c.county, finding(c.county, countyInspection, c.id(villageA), "PUBLICITY"), TODAY.plusDays(30));
        act("unit-liaison", villageA, taskId, "start", null, 200);
        act("unit-liaison", villageA, taskId, "submit", Map.of("completionReport", "已制作宣传栏两块"), 200);
        return taskId;
    }

    private static String state(String taskId) {
        return as("auditor", c.county).get("/tasks/" + taskId).then().statusCode(200).extract().path("state");
    }

    @Test
    void nobodyInTheTownshipOrTheVillageSignsOffACountyTask() {
        String taskId = submittedCountyTask();
        act("inspector", townshipA, taskId, "verify", null, 403).then().body("type", type("not-permitted"));
        act("admin", townshipA, taskId, "verify", null, 403);
        act("inspector", villageA, taskId, "verify", null, 403);
        act("admin", villageA, taskId, "reject", Map.of("reason", "不合格"), 403);
        act("inspector", townshipA, taskId, "reject", Map.of("reason", "不合格"), 403);
        act("inspector", townshipB, taskId, "verify", null, 404);
        assertStateIs(taskId, "SUBMITTED");
        act("inspector", c.county, taskId, "verify", null, 200).then().body("state", equalTo("VERIFIED"));
    }

    @Test
    void aTownshipSignsOffItsVillagesTasksWhenItAssignedThem() {
        String own = inspection(townshipA, List.of(c.id(villageA)));
        String taskId = task(townshipA, finding(townshipA, own, c.id(villageA), "PROGRESS"), TODAY.plusDays(20));
        act("unit-liaison", villageA, taskId, "start", null, 200);
        act("unit-leader", villageA, taskId, "submit", Map.of("completionReport", "已建立领导机制"), 200);
        act("inspector", villageA, taskId, "verify", null, 403);
        act("inspector", townshipB, taskId, "verify", null, 404);
        act("inspector", townshipA, taskId, "verify", null, 200).then().body("state", equalTo("VERIFIED"));
    }

    @Test
    void theTownshipCannotDecideAnExtensionOfACountyTask() {
        String taskId = task(c.county, finding(c.county, countyInspection, c.id(villageA), "GUARANTEES"), TODAY.plusDays(10));
        String requestId = as("unit-liaison", villageA)
                .body(Map.of("reason", "设备采购周期长", "requestedDeadline", TODAY.plusDays(40).toString()))
                .post("/tasks/" + taskId + "/extensions").then().statusCode(201).extract().path("id");
        String path = "/tasks/" + taskId + "/extensions/" + requestId + "/decision";
        for (String[] who : new String[][] {{"admin", townshipA}, {"inspector", townshipA}, {"inspector", villageA}}) {
            as(who[0], who[1]).header("If-Match", "\"0\"").body(Map.of("approve", true)).post(path).then().statusCode(403);
        }
        as("auditor", c.county).get("/tasks/" + taskId).then().body("deadline", equalTo(TODAY.plusDays(10).toString()));
        as("inspector", c.county).header("If-Match", "\"0\"").body(Map.of("approve", true)).post(path).then().statusCode(200);
    }

    @Test
    void onlyTheResponsibleUnitWorksItsTask() {
        String taskId = task(c.county, finding(c.county, countyInspection, c.id(villageA), "PUBLICITY"), TODAY.plusDays(30));
        act("unit-liaison", townshipA, taskId, "start", null, 403);
        act("admin", c.county, taskId, "start", null, 403);
        Map<String, String> ask = Map.of("reason", "人手不足", "requestedDeadline", TODAY.plusDays(60).toString());
        as("unit-liaison", townshipA).body(ask).post("/tasks/" + taskId + "/extensions").then().statusCode(403);
        as("admin", c.county).body(ask).post("/tasks/" + taskId + "/extensions").then().statusCode(403);
        as("auditor", c.county).get("/tasks/" + taskId + "/extensions").then().body("", hasSize(0));
        act("unit-liaison", villageA, taskId, "start", null, 200);
    }

    @Test
    void aCooperatingUnitReadsTheTaskAndAddsItsContributionButCannotWorkOrJudgeIt() {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", c.id(villageA));
        body.put("category", "HIGHLIGHTS");
        body.put("title", "制作藏汉双语标识牌");
        body.put("measures", "村委会牵头，教育局配合");
        body.put("responsiblePerson", "扎西");
        body.put("cooperatingUnitIds", List.of(c.id(c.education)));
        body.put("deadline", TODAY.plusDays(30).toString());
        String taskId = as("admin", c.county).body(body).post("/tasks").then().statusCode(201).extract().path("id");

        as("unit-liaison", c.education).get("/tasks/" + taskId).then().statusCode(200);
        as("unit-liaison", c.education).get("/tasks/" + taskId + "/timeline").then().statusCode(200);
        as("unit-liaison", c.education).body(Map.of("note", "已提供双语翻译"))
                .post("/tasks/" + taskId + "/contributions").then().statusCode(201).body("type", equalTo("CONTRIBUTED"));
        as("auditor", c.county).get("/tasks/" + taskId + "/timeline").then()
                .body("findAll { it.type == 'CONTRIBUTED' }.detail.note", hasItem("已提供双语翻译"));

        act("unit-liaison", c.education, taskId, "start", null, 403);
        act("admin", c.education, taskId, "reassign", Map.of("unitId", c.id(c.education), "responsiblePerson", "李娜"), 403);
        act("unit-liaison", villageA, taskId, "start", null, 200);
        act("unit-liaison", villageA, taskId, "submit", Map.of("completionReport", "双语标识牌已安装"), 200);
        act("admin", c.education, taskId, "verify", null, 403);
        assertStateIs(taskId, "SUBMITTED");
        // the responsible unit itself is no co-operating unit, and an unrelated department sees nothing
        as("unit-liaison", villageA).body(Map.of("note", "x")).post("/tasks/" + taskId + "/contributions").then().statusCode(403);
        as("unit-liaison", c.publicity).get("/tasks/" + taskId).then().statusCode(404);
    }

    @Test
    void aTownshipCannotReviseOrAddToTheCountysInspection() {
        Map<String, Object> narrowed = new HashMap<>();
        narrowed.put("title", "只剩本乡");
        narrowed.put("startDate", "2026-03-19");
        narrowed.put("endDate", "2026-03-21");
        narrowed.put("groups", List.of(Map.of("name", "第一督查组", "leader", "张明", "members", List.of("李华"))));
        narrowed.put("unitIds", List.of(c.id(villageA)));
        String etag = as("auditor", c.county).get("/inspections/" + countyInspection).header("ETag");
        as("inspector", townshipA).header("If-Match", etag).body(narrowed).put("/inspections/" + countyInspection)
                .then().statusCode(403).body("type", type("not-permitted"));
        as("inspector", townshipA).body(Map.of("unitId", c.id(villageA), "category", "PUBLICITY", "severity", "LOW",
                "description", "补记问题")).post("/inspections/" + countyInspection + "/findings").then().statusCode(403);
        as("auditor", c.county).get("/inspections/" + countyInspection).then().body("units", hasSize(3))
                .body("title", equalTo("2026年3月民族团结进步创建工作督查"));
    }

    @Test
    void anOnDemandOverdueCheckActsAndCountsOnlyWithinTheCallersReach() {
        // the clock of the service is today's date in Asia/Shanghai: a deadline yesterday is overdue now
        String own = inspection(townshipA, List.of(c.id(villageA)));
        String inA = task(townshipA, finding(townshipA, own, c.id(villageA), "PROGRESS"), TODAY.minusDays(1));
        String ownB = inspection(townshipB, List.of(c.id(c.villages.get(1))));
        String inB = task(townshipB, finding(townshipB, ownB, c.id(c.villages.get(1)), "PROGRESS"), TODAY.minusDays(1));
        as("admin", townshipA).post("/tasks/overdue-check").then().statusCode(200).body("flagged", equalTo(1));
        as("auditor", c.county).get("/tasks/" + inA + "/urgings").then().body("", hasSize(1));
        as("auditor", c.county).get("/tasks/" + inB + "/urgings").then().body("", hasSize(0));
    }

    @Test
    void anIntegrationClientWritesOnlyWithTheScopeItWasGranted() {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", c.id(villageA));
        body.put("category", "ATMOSPHERE");
        body.put("title", "外部平台派发");
        body.put("measures", "补齐宣传标语");
        body.put("responsiblePerson", "卓玛");
        body.put("deadline", TODAY.plusDays(15).toString());
        given().auth().oauth2(Tokens.of("integration", c.county)).contentType(ContentType.JSON).body(body)
                .post("/tasks").then().statusCode(403);
        given().auth().oauth2(Tokens.withScope("integration", c.county, "tasks:read")).contentType(ContentType.JSON)
                .body(body).post("/tasks").then().statusCode(403);
        given().auth().oauth2(Tokens.withScope("integration", c.county, "profile tasks:write")).contentType(ContentType.JSON)
                .body(body).post("/tasks").then().statusCode(201);
        given().auth().oauth2(Tokens.of("integration", c.county)).get("/tasks").then().statusCode(200);
    }

    @Test
    void aDomainsLeadUnitReadsItsMembersTaskFiguresAcrossSubtrees() {
        // "9+N进" schools: the education department leads; the schools lie in the townships, outside its subtree
        String schools = java.util.UUID.randomUUID().toString();
        c.domain(schools, c.education, c.schools);
        String own = inspection(c.county, List.of(c.id(c.schools.get(0)), c.id(c.schools.get(1))));
        task(c.county, finding(c.county, own, c.id(c.schools.get(0)), "PUBLICITY"), TODAY.plusDays(9));
        task(c.county, finding(c.county, own, c.id(c.schools.get(1)), "PUBLICITY"), TODAY.plusDays(9));
        as("unit-leader", c.education).get("/figures/domains/" + schools).then().statusCode(200)
                .body("memberUnits", equalTo(3)).body("total.total", equalTo(2));
        // the lead reads figures, not the tasks themselves, and another department reads no member
        as("unit-leader", c.education).get("/tasks?unitId=" + c.id(c.schools.get(0))).then().statusCode(200)
                .body("items", hasSize(0));
        as("unit-leader", c.publicity).get("/figures/domains/" + schools).then().statusCode(200)
                .body("memberUnits", equalTo(0));
    }

    @Test
    void theContractShowsTheRuleOfEachOperation() {
        String spec = given().accept("application/yaml").get("/q/openapi").asString();
        org.junit.jupiter.api.Assertions.assertTrue(spec.contains("includes the **assigning office**"), "verify's rule is documented");
        org.junit.jupiter.api.Assertions.assertTrue(spec.contains("owning office"), "the inspection rule is documented");
    }

    private static void assertStateIs(String taskId, String expected) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, state(taskId));
    }

    private static org.hamcrest.Matcher<String> type(String type) {
        return equalTo("/problems/" + type);
    }
}
