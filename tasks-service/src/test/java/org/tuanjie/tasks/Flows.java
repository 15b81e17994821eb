package org.tuanjie.tasks;

import org.tuanjie.testing.FakeCounty;
import static org.tuanjie.testing.FakeCounty.as;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The office's and the units' usual steps, through the API, for tests.
 */
public final class Flows {

    private static int counter;

    private Flows() {
    }

    public static String inspection(String officeCode, List<String> unitIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "2026年3月民族团结进步创建工作督查");
        body.put("startDate", "2026-03-19");
        body.put("endDate", "2026-03-21");
        body.put("groups", List.of(Map.of("name", "第一督查组", "leader", "张明", "members", List.of("李华", "卓玛")),
                Map.of("name", "第二督查组", "leader", "王强", "members", List.of("扎西"))));
        body.put("unitIds", unitIds);
        body.put("report", "各单位创建工作进展不均衡");
        return as("admin", officeCode).body(body).post("/inspections").then().statusCode(201).extract().path("id");
    }

    public static String finding(String officeCode, String inspectionId, String unitId, String category) {
        return as("admin", officeCode)
                .body(Map.of("unitId", unitId, "category", category, "severity", "MEDIUM",
                        "description", "未制作宣传栏、宣传标语，未开展宣传活动"))
                .post("/inspections/" + inspectionId + "/findings").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> taskFrom(String findingId, LocalDate deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("findingId", findingId);
        body.put("title", "整改任务 " + (++counter));
        body.put("measures", "制定整改方案，限期完成");
        body.put("responsiblePerson", "扎西");
        body.put("deadline", deadline.toString());
        return body;
    }

    public static String task(String officeCode, String findingId, LocalDate deadline) {
        return as("admin", officeCode).body(taskFrom(findingId, deadline)).post("/tasks").then().statusCode(201)
                .extract().path("id");
    }

    /** Performs an action with the task's current ETag and expects {@code status}. */
    public static Response act(String role, String unitCode, String taskId, String action, Object body, int status) {
        return act(null, role, unitCode, taskId, action, body, status);
    }

    public static Response act(String subject, String role, String unitCode, String taskId, String action, Object body,
            int status) {
        String etag = as("auditor", rootOf(unitCode))
                .get("/tasks/" + taskId).header("ETag");
        var request = subject == null ? as(role, unitCode) : as(subject, role, unitCode);
        request.header("If-Match", etag == null ? "\"0\"" : etag);
        if (body != null) {
            request.body(body);
        }
        Response response = request.post("/tasks/" + taskId + "/" + action);
        response.then().statusCode(status);
        return response;
    }

    /** The county code for any unit code of the test counties: the ETag is read by the county's auditor. */
    private static String rootOf(String unitCode) {
        String digits = unitCode.length() == 12 ? unitCode.substring(0, 6) : unitCode.substring(2, 8);
        return digits + "000000";
    }
}
