package org.tuanjie.agreements;

import static io.restassured.RestAssured.given;
import static org.tuanjie.testing.FakeCounty.as;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.tuanjie.testing.FakeCounty;

/**
 * Steps of the agreement workflow through the API, for tests.
 */
public final class Agreements {

    private Agreements() {
    }

    public static Map<String, Object> template(int year) {
        Map<String, Object> body = new HashMap<>();
        body.put("year", year);
        body.put("title", year + "年度民族团结进步创建工作目标责任书");
        body.put("clauses", List.of("乙方主要负责人为第一责任人", "按期完成督查发现问题的整改"));
        body.put("targets", List.of(
                Map.of("code", "T1", "title", "宣传问题整改销号", "weight", 40, "measure", "TASKS_VERIFIED", "category", "PUBLICITY"),
                Map.of("code", "T2", "title", "创建工作基础完备", "weight", 30, "measure", "READINESS"),
                Map.of("code", "T3", "title", "开展宣传教育活动", "weight", 30, "measure", "MANUAL")));
        body.put("adjustments", List.of(
                Map.of("code", "B1", "title", "创建亮点", "kind", "BONUS", "maxPoints", 5),
                Map.of("code", "D1", "title", "资料归档不规范", "kind", "DEDUCTION", "maxPoints", 10),
                Map.of("code", "V1", "title", "发生影响民族团结的重大事件", "kind", "VETO", "maxPoints", 0)));
        body.put("passMark", 60);
        return body;
    }

    /** A published template of the county's office. */
    public static String publishedTemplate(FakeCounty c, int year) {
        String id = as("admin", c.county).body(template(year)).post("/templates").then().statusCode(201)
                .extract().path("id");
        as("admin", c.county).header("If-Match", "\"0\"").post("/templates/" + id + "/publish").then().statusCode(200);
        return id;
    }

    public static Response issueWithin(FakeCounty c, String templateId, String withinCode) {
        return as("admin", c.county).body(Map.of("within", c.id(withinCode))).post("/templates/" + templateId + "/issue");
    }

    /** The current agreement of a unit for a year. */
    public static String agreementOf(FakeCounty c, String unitCode, int year) {
        List<String> ids = as("auditor", c.county).queryParam("unitId", c.id(unitCode)).queryParam("year", year)
                .get("/agreements").then().statusCode(200).extract().path("items.findAll { it.state != 'SUPERSEDED' && it.state != 'REVOKED' }.id");
        return ids.get(0);
    }

    public static Response act(String role, String unitCode, String agreementId, String action, Object body,
            String auditorUnit) {
        String etag = as("auditor", auditorUnit).get("/agreements/" + agreementId).header("ETag");
        var request = as(role, unitCode).header("If-Match", etag);
        if (body != null) {
            request.body(body);
        }
        return request.post("/agreements/" + agreementId + "/" + action);
    }

    public static void tasksService(String mode) {
        given().baseUri(tasksUrl()).body(mode).post("/__admin/mode").then().statusCode(204);
    }

    public static void taskFigures(String unitId, String category, int total, int verified) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unitId);
        body.put("category", category);
        body.put("total", total);
        body.put("verified", verified);
        given().baseUri(tasksUrl()).contentType(ContentType.JSON).body(body).post("/__admin/figures").then().statusCode(204);
    }

    private static String tasksUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.tasks.url", String.class);
    }
}
