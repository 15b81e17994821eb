package org.tuanjie.tasks;

import static org.hamcrest.Matchers.equalTo;
import static org.tuanjie.testing.ContractExamples.body;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;
import org.tuanjie.testing.Multipart;
import org.tuanjie.testing.TestFiles;

/**
 * Every request body tasks-service's contract shows as an example is accepted as it stands, sent by the role the
 * operation is for ("Try it out" in Swagger UI), along an inspection and its tasks: only ids of the demo county
 * (units, findings, uploaded files) are replaced with the test county's, the receiver's address with one on this
 * machine, and the demo's deadlines (spring 2026) with ones after today: an extension is asked before a deadline.
 */
@QuarkusTest
class ContractExamplesTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static String upload(RequestSpecification who, String name) {
        byte[] photo = TestFiles.jpeg(640, 480, LocalDateTime.of(2026, 3, 20, 10, 0), 31.8, 98.6);
        return who.contentType(Multipart.CONTENT_TYPE).body(Multipart.file(name, photo, "image/jpeg")).post("/evidence")
                .then().statusCode(201).extract().path("id");
    }

    /** The task's current ETag, as an If-Match on {@code who}'s request. */
    private static RequestSpecification changing(RequestSpecification who, FakeCounty c, String taskId) {
        return who.header("If-Match", as("auditor", c.county).get("/tasks/" + taskId).header("ETag"));
    }

    @Test
    void theBodiesAreAcceptedAlongAnInspectionAndItsTasks() {
        FakeCounty c = new FakeCounty("513245");
        String school = c.schools.get(0);
        String village = c.villages.get(0);
        List<String> inspected = List.of(c.id(school), c.id(village), c.id(c.townships.get(0)), c.id(c.publicity));

        Map<String, Object> inspection = body("createInspection");
        inspection.put("unitIds", inspected);
        String inspectionId = as("admin", c.county).body(inspection).post("/inspections").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> revised = body("reviseInspection");
        revised.put("unitIds", inspected);
        as("admin", c.county).header("If-Match", "\"0\"").body(revised).put("/inspections/" + inspectionId).then()
                .statusCode(200).body("endDate", equalTo("2026-03-22"));

        Map<String, Object> finding = body("addFinding");
        finding.put("unitId", c.id(school));
        finding.put("evidence", List.of(upload(as("admin", c.county), "校园.jpg")));
        String findingId = as("admin", c.county).body(finding).post("/inspections/" + inspectionId + "/findings").then()
                .statusCode(201).extract().path("id");

        Map<String, Object> task = body("createTask");
        task.put("findingId", findingId);
        task.put("cooperatingUnitIds", List.of(c.id(c.publicity)));
        task.put("deadline", TODAY.plusDays(30).toString());
        String taskId = as("admin", c.county).body(task).post("/tasks").then().statusCode(201).extract().path("id");
        String path = "/tasks/" + taskId;

        as("unit-liaison", c.publicity).body(body("addContribution")).post(path + "/contributions").then().statusCode(201);
        Map<String, Object> extension = body("requestExtension");
        extension.put("requestedDeadline", TODAY.plusDays(60).toString());
        String request = as("unit-liaison", school).body(extension).post(path + "/extensions").then()
                .statusCode(201).extract().path("id");
        as("inspector", c.county).header("If-Match", "\"0\"").body(body("decideExtensionRequest"))
                .post(path + "/extensions/" + request + "/decision").then().statusCode(200).body("state", equalTo("APPROVED"));
        as("admin", c.county).body(body("urgeTask")).post(path + "/urgings").then().statusCode(201);

        changing(as("unit-liaison", school), c, taskId).post(path + "/start").then().statusCode(200);
        Map<String, Object> submission = body("submitTask");
        submission.put("evidence", List.of(upload(as("unit-liaison", school), "会议纪要.jpg"),
                upload(as("unit-liaison", school), "会议照片.jpg")));
        changing(as("unit-liaison", school), c, taskId).body(submission).post(path + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED"));
        changing(as("inspector", c.county), c, taskId).body(body("rejectTask")).post(path + "/reject").then()
                .statusCode(200).body("state", equalTo("REJECTED"));

        String misassigned = as("admin", c.county).body(Map.of("findingId", findingId, "title", "宗教活动场所创建",
                "measures", "制定方案", "responsiblePerson", "扎西", "deadline", TODAY.plusDays(30).toString())).post("/tasks").then()
                .statusCode(201).extract().path("id");
        changing(as("unit-leader", school), c, misassigned).body(body("handBackTask")).post("/tasks/" + misassigned + "/hand-back")
                .then().statusCode(200).body("state", equalTo("HANDED_BACK"));
        Map<String, Object> reassign = body("reassignTask");
        reassign.put("unitId", c.id(village));
        changing(as("inspector", c.county), c, misassigned).body(reassign).post("/tasks/" + misassigned + "/reassign")
                .then().statusCode(200).body("unit.code", equalTo(village));
    }

    @Test
    void theWebhookBodiesAreAccepted() {
        FakeCounty c = new FakeCounty("513246");
        Map<String, Object> subscription = body("createTaskWebhook");
        subscription.put("url", "http://127.0.0.1:9/hooks/tuanjie"); // the county OA's address, on this machine
        String id = as("integration", c.county).body(subscription).post("/tasks/webhooks").then().statusCode(201)
                .extract().path("id");
        as("integration", c.county).body(body("redeliverTaskWebhook")).post("/tasks/webhooks/" + id + "/redeliveries")
                .then().statusCode(200);
    }
}
