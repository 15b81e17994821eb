package org.tuanjie.tasks.inspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;
import org.tuanjie.tasks.Flows;

@QuarkusTest
class InspectionApiTest {

    private static FakeCounty c;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new FakeCounty("513224");
        }
    }

    private Map<String, Object> body(List<String> unitIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "2026年3月民族团结进步创建工作督查");
        body.put("startDate", "2026-03-19");
        body.put("endDate", "2026-03-21");
        body.put("groups", List.of(Map.of("name", "第一督查组", "leader", "张明", "members", List.of("李华"))));
        body.put("unitIds", unitIds);
        return body;
    }

    @Test
    void recordsAnInspectionWithGroupsAndCoveredUnits() {
        Response created = as("inspector", c.county).body(body(List.of(c.id(c.townships.get(0)), c.id(c.publicity))))
                .post("/inspections");
        created.then().statusCode(201).header("ETag", equalTo("\"0\""))
                .body("ownerCode", equalTo(c.county))
                .body("groups[0].name", equalTo("第一督查组"))
                .body("units.code", contains(c.townships.get(0), c.publicity));
        String id = created.path("id");
        // a covered township sees it; an uncovered one does not
        as("unit-liaison", c.townships.get(0)).get("/inspections/" + id).then().statusCode(200);
        as("unit-liaison", c.townships.get(1)).get("/inspections/" + id).then().statusCode(404)
                .body("type", equalTo("/problems/inspection-not-found"));
        as("auditor", c.county).get("/inspections").then().statusCode(200).body("items.id", hasItem(id));
        as("auditor", c.townships.get(1)).get("/inspections").then().body("items.id", not(hasItem(id)));
        // revision needs the ETag
        Map<String, Object> revised = body(List.of(c.id(c.townships.get(0))));
        revised.put("report", "督查报告：宣传力度不够");
        as("inspector", c.county).body(revised).put("/inspections/" + id).then().statusCode(428);
        as("inspector", c.county).header("If-Match", "\"0\"").body(revised).put("/inspections/" + id).then()
                .statusCode(200).body("report", equalTo("督查报告：宣传力度不够")).body("units", hasSize(1));
    }

    @Test
    void invalidInspectionsAreFieldErrorsAndRolesAreChecked() {
        Map<String, Object> bad = body(List.of());
        bad.put("title", "");
        bad.put("endDate", "2026-03-01");
        as("admin", c.county).body(bad).post("/inspections").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("title", "unitIds"));
        Map<String, Object> backwards = body(List.of(c.id(c.publicity)));
        backwards.put("endDate", "2026-03-01");
        as("admin", c.county).body(backwards).post("/inspections").then().statusCode(400)
                .body("errors[0].field", equalTo("endDate"));
        given().body(body(List.of(c.id(c.publicity)))).contentType("application/json").post("/inspections").then()
                .statusCode(401);
        as("unit-liaison", c.county).body(body(List.of(c.id(c.publicity)))).post("/inspections").then().statusCode(403);
        as("auditor", c.county).body(body(List.of(c.id(c.publicity)))).post("/inspections").then().statusCode(403);
        // a township's office cannot inspect another township's units
        as("admin", c.townships.get(1)).body(body(List.of(c.id(c.villages.get(0))))).post("/inspections").then()
                .statusCode(404);
    }

    @Test
    void findingsOnlyAtCoveredUnits() {
        String id = Flows.inspection(c.county, List.of(c.id(c.villages.get(0))));
        Map<String, Object> finding = Map.of("unitId", c.id(c.villages.get(1)), "category", "PUBLICITY",
                "severity", "HIGH", "description", "未开展宣传");
        as("admin", c.county).body(finding).post("/inspections/" + id + "/findings").then().statusCode(422)
                .body("type", equalTo("/problems/unit-not-covered"));
        Map<String, Object> bad = Map.of("unitId", c.id(c.villages.get(0)), "category", "NOISE", "severity", "HIGH",
                "description", "x");
        as("admin", c.county).body(bad).post("/inspections/" + id + "/findings").then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
        String findingId = Flows.finding(c.county, id, c.id(c.villages.get(0)), "BALANCE");
        as("unit-liaison", c.villages.get(0)).get("/findings/" + findingId).then().statusCode(200)
                .body("category", equalTo("BALANCE")).body("unit.code", equalTo(c.villages.get(0)));
        as("unit-liaison", c.villages.get(1)).get("/findings/" + findingId).then().statusCode(404);
        as("auditor", c.county).get("/inspections/" + id + "/findings").then().body("items", hasSize(1));
        as("auditor", c.county).get("/inspections/" + id + "/findings").then().body("items", hasSize(1));
    }

    @Test
    void aFindingNamesAnIndicatorTheUnitIsJudgedByInTheInspectionsYear() {
        String village = c.villages.get(0);
        String id = Flows.inspection(c.county, List.of(c.id(village), c.id(c.villages.get(1))));
        int year = 2026; // the inspection's (Flows: from 2026-03-19), not today's
        c.judgedBy(village, year, "1.1", "2.1");
        Map<String, Object> finding = new HashMap<>(Map.of("unitId", c.id(village), "category", "PUBLICITY",
                "severity", "HIGH", "description", "未开展宣传", "indicatorCode", "2.1"));
        String recorded = as("inspector", c.county).body(finding).post("/inspections/" + id + "/findings").then()
                .statusCode(201).body("indicatorCode", equalTo("2.1")).extract().path("id");
        as("unit-liaison", village).get("/findings/" + recorded).then().statusCode(200).body("indicatorCode", equalTo("2.1"));

        finding.put("indicatorCode", "4.1");
        as("inspector", c.county).body(finding).post("/inspections/" + id + "/findings").then().statusCode(400)
                .body("errors[0].field", equalTo("indicatorCode"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("4.1"));
        c.judgedBy(village, year + 1, "4.1"); // another year's catalogue does not count
        as("inspector", c.county).body(finding).post("/inspections/" + id + "/findings").then().statusCode(400);
        finding.put("indicatorCode", "2..1");
        as("inspector", c.county).body(finding).post("/inspections/" + id + "/findings").then().statusCode(400)
                .body("errors[0].field", equalTo("indicatorCode"));
        as("auditor", c.county).get("/inspections/" + id + "/findings").then().body("items", hasSize(1));

        // where no catalogue is in force, any code of the form is taken, in capitals
        finding.put("unitId", c.id(c.villages.get(1)));
        finding.put("indicatorCode", "a3.1");
        as("inspector", c.county).body(finding).post("/inspections/" + id + "/findings").then().statusCode(201)
                .body("indicatorCode", equalTo("A3.1"));
        finding.remove("indicatorCode");
        as("inspector", c.county).body(finding).post("/inspections/" + id + "/findings").then().statusCode(201)
                .body("indicatorCode", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aFindingNamingAnIndicatorIsOpenUntilEveryTaskForItIsVerified() {
        String school = c.schools.get(2);
        String township = c.townships.get(2);
        String id = Flows.inspection(c.county, List.of(c.id(school)));
        String open = "/findings/open-by-indicator?unitId=" + c.id(school);
        as("auditor", c.county).get(open).then().statusCode(200).body("items", hasSize(0));
        String findingId = as("inspector", c.county).body(Map.of("unitId", c.id(school), "category", "CAPACITY",
                "severity", "HIGH", "description", "档案未按指标归档", "indicatorCode", "b3.2")).post("/inspections/" + id
                + "/findings").then().statusCode(201).extract().path("id");
        as("unit-liaison", school).get(open).then().statusCode(200)
                .body("items.indicatorCode", contains("B3.2")).body("items[0].open", equalTo(1))
                .body("items[0].unitCode", equalTo(school));
        as("auditor", c.county).get("/findings/open-by-indicator?subtree=true&unitId=" + c.id(township)).then()
                .body("items.unitCode", hasItem(school));
        as("auditor", c.county).get(open + "&asOf=" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1))
                .then().statusCode(200).body("items", hasSize(0)); // recorded today: not there yesterday
        as("unit-liaison", c.townships.get(0)).get(open).then().statusCode(404);

        String taskId = Flows.task(c.county, findingId, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(10));
        as("auditor", c.county).get(open).then().body("items[0].open", equalTo(1)); // assigned is not rectified
        Flows.act("unit-liaison", school, taskId, "start", null, 200);
        Flows.act("unit-liaison", school, taskId, "submit", Map.of("completionReport", "已按指标重新归档"), 200);
        as("auditor", c.county).get(open).then().body("items[0].open", equalTo(1)); // submitted is not rectified either
        Flows.act("inspector-li", "inspector", c.county, taskId, "verify", null, 200);
        as("auditor", c.county).get(open).then().statusCode(200).body("items", hasSize(0));
    }
}
