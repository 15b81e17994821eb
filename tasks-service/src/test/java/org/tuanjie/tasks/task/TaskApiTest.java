package org.tuanjie.tasks.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.tuanjie.testing.FakeCounty.as;
import static org.tuanjie.tasks.Flows.act;
import static org.tuanjie.tasks.Flows.finding;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.task;
import static org.tuanjie.tasks.Flows.taskFrom;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;

@QuarkusTest
class TaskApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static FakeCounty c;
    private static String inspectionId;
    private static String schoolA;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new FakeCounty("513221");
            schoolA = c.schools.get(0);
            inspectionId = inspection(c.county, List.of(c.id(c.townships.get(0)), c.id(schoolA), c.id(c.publicity)));
        }
    }

    private String newTask(LocalDate deadline) {
        return task(c.county, finding(c.county, inspectionId, c.id(schoolA), "PUBLICITY"), deadline);
    }

    private static org.hamcrest.Matcher<String> type(String type) {
        return equalTo("/problems/" + type);
    }

    @Test
    void assignsFromAFindingWithItsUnitCategoryAndTownship() {
        String findingId = finding(c.county, inspectionId, c.id(schoolA), "HIGHLIGHTS");
        as("admin", c.county).body(taskFrom(findingId, TODAY.plusDays(30))).post("/tasks").then().statusCode(201)
                .header("ETag", equalTo("\"0\"")).header("Location", notNullValue())
                .body("unit.code", equalTo(schoolA))
                .body("category", equalTo("HIGHLIGHTS"))
                .body("township.code", equalTo(c.townships.get(0)))
                .body("township.name", equalTo("乡镇A"))
                .body("state", equalTo("ASSIGNED"))
                .body("warning", equalTo("GREEN"))
                .body("overdue", equalTo(false))
                .body("createdBy", equalTo("user-admin-" + c.county));
    }

    @Test
    void aStandaloneTaskNeedsItsUnitAndCategory() {
        Map<String, Object> body = taskFrom("x", TODAY.plusDays(10));
        body.remove("findingId");
        as("admin", c.county).body(body).post("/tasks").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("unitId", "category"));
        body.put("unitId", c.id(c.education));
        body.put("category", "CAPACITY");
        body.put("cooperatingUnitIds", List.of(c.id(c.publicity)));
        as("inspector", c.county).body(body).post("/tasks").then().statusCode(201)
                .body("unit.code", equalTo(c.education)).body("township", equalTo(null))
                .body("cooperatingUnits.code", contains(c.publicity));
        body.put("category", "GOSSIP");
        as("admin", c.county).body(body).post("/tasks").then().statusCode(400).body("errors[0].field", equalTo("category"));
        Map<String, Object> empty = Map.of("findingId", inspectionId);
        as("admin", c.county).body(empty).post("/tasks").then().statusCode(400)
                .body("errors.field", hasItem("deadline"));
    }

    @Test
    void tokensRolesAndJurisdiction() {
        String taskId = newTask(TODAY.plusDays(20));
        given().get("/tasks/" + taskId).then().statusCode(401).contentType("application/problem+json");
        as("auditor", c.county).body(taskFrom(finding(c.county, inspectionId, c.id(schoolA), "LEADERSHIP"), TODAY))
                .post("/tasks").then().statusCode(403);
        as("unit-liaison", c.county).post("/tasks/overdue-check").then().statusCode(403);
        // another township's office sees nothing of township A
        String townshipB = c.townships.get(1);
        as("admin", townshipB).get("/tasks/" + taskId).then().statusCode(404).body("type", type("task-not-found"));
        as("admin", townshipB).get("/tasks/" + taskId + "/timeline").then().statusCode(404);
        as("admin", townshipB).get("/tasks").then().statusCode(200).body("items.id", not(hasItem(taskId)));
        Map<String, Object> body = taskFrom("x", TODAY.plusDays(10));
        body.remove("findingId");
        body.put("unitId", c.id(schoolA));
        body.put("category", "PUBLICITY");
        as("admin", townshipB).body(body).post("/tasks").then().statusCode(404).body("type", type("unit-not-found"));
        // the school's own liaison sees it, another school's does not
        as("unit-liaison", schoolA).get("/tasks/" + taskId).then().statusCode(200);
        as("unit-liaison", c.schools.get(1)).get("/tasks/" + taskId).then().statusCode(404);
        // every read of the contract with real ids of township A's task, inspection and finding
        String extension = as("unit-liaison", schoolA)
                .body(Map.of("reason", "需要时间", "requestedDeadline", TODAY.plusDays(40).toString()))
                .post("/tasks/" + taskId + "/extensions").then().statusCode(201).extract().path("id");
        String findingId = as("auditor", c.county).get("/tasks/" + taskId).path("findingId");
        for (String id : List.of(taskId, inspectionId, findingId)) {
            org.tuanjie.testing.SecurityMatrix.outsideTheSubtreeIsNotFound(org.tuanjie.testing.Tokens.of("admin", townshipB),
                    Map.of("id", id, "requestId", extension, "domainId", java.util.UUID.randomUUID().toString()));
        }
    }

    @Test
    void forgedCursorsAndNumbersThatDoNotFitAreRefusedOnEveryRead() {
        newTask(TODAY.plusDays(20));
        String admin = org.tuanjie.testing.Tokens.of("admin", c.county);
        Map<String, String> values = Map.of("id", inspectionId);
        org.junit.jupiter.api.Assertions.assertAll(
                () -> org.junit.jupiter.api.Assertions.assertEquals(7, org.tuanjie.testing.QueryAbuse.forgedCursorsAreRefused(admin, values)),
                () -> org.junit.jupiter.api.Assertions.assertEquals(8, org.tuanjie.testing.QueryAbuse.numbersThatDoNotFitAreRefused(admin, values)));
    }

    @Test
    void filtersPastTheirBoundsAreRefusedOnTheListTheFiguresAndTheLedger() {
        for (String path : List.of("/tasks", "/figures", "/figures/townships", "/ledger.csv")) {
            String accept = path.endsWith(".csv") ? "text/csv, application/problem+json" : "application/json, application/problem+json";
            as("admin", c.county).accept(accept).queryParam("township", "5".repeat(19)).get(path).then().statusCode(400)
                    .body("errors.field", contains("township"));
            as("admin", c.county).accept(accept).queryParam("state", java.util.Collections.nCopies(TaskState.COUNT + 1, "ASSIGNED"))
                    .get(path).then().statusCode(400).body("errors.field", contains("state"));
            as("admin", c.county).accept(accept).queryParam("township", c.townships.get(0))
                    .queryParam("state", java.util.Collections.nCopies(TaskState.COUNT, "ASSIGNED")).get(path).then().statusCode(200);
        }
    }

    @Test
    void theUnitWorksItAndAnotherInspectorSignsItOff() {
        String taskId = newTask(TODAY.plusDays(20));
        // the township's liaison sees the school's task but does not work it
        act("unit-liaison", c.townships.get(0), taskId, "start", null, 403)
                .then().body("type", type("not-permitted"));
        act("unit-liaison", schoolA, taskId, "start", null, 200).then().body("state", equalTo("IN_PROGRESS"));
        act("unit-liaison", schoolA, taskId, "submit", Map.of("completionReport", " "), 400)
                .then().body("errors[0].field", equalTo("completionReport"));
        act("unit-leader", schoolA, taskId, "submit", Map.of("completionReport", "已制作宣传栏 2 块"), 200)
                .then().body("state", equalTo("SUBMITTED")).body("submittedBy", equalTo("user-unit-leader-" + schoolA));
        act("unit-liaison", schoolA, taskId, "verify", null, 403);
        act("inspector-li", "inspector", c.county, taskId, "verify", null, 200)
                .then().body("state", equalTo("VERIFIED")).body("verifiedBy", equalTo("inspector-li"))
                .body("warning", equalTo(null));
        as("auditor", c.county).get("/tasks/" + taskId + "/timeline").then().statusCode(200)
                .body("type", contains("ASSIGNED", "STATE_CHANGED", "STATE_CHANGED", "STATE_CHANGED"))
                .body("toState", contains("ASSIGNED", "IN_PROGRESS", "SUBMITTED", "VERIFIED"))
                .body("actor", contains("user-admin-" + c.county, "user-unit-liaison-" + schoolA,
                        "user-unit-leader-" + schoolA, "inspector-li"));
    }

    @Test
    void theSubmitterCannotSignOffTheirOwnWork() {
        String taskId = newTask(TODAY.plusDays(20));
        // the county office cannot submit for the unit it supervises, and the unit's own admin cannot sign off
        act("office-wang", "admin", c.county, taskId, "start", null, 403).then().body("type", type("not-permitted"));
        act("school-wang", "admin", schoolA, taskId, "start", null, 200);
        act("school-wang", "admin", schoolA, taskId, "submit", Map.of("completionReport", "代为提交"), 200);
        act("school-wang", "admin", schoolA, taskId, "verify", null, 403).then().body("type", type("not-permitted"));
        as("auditor", c.county).get("/tasks/" + taskId).then().body("state", equalTo("SUBMITTED"));
    }

    @Test
    void everyIllegalTransitionIsAConflictAndChangesNothing() {
        String taskId = newTask(TODAY.plusDays(20));
        String etag = as("auditor", c.county).get("/tasks/" + taskId).header("ETag");
        act("inspector", c.county, taskId, "verify", null, 409).then().body("type", type("illegal-transition"))
                .body("detail", equalTo("整改任务处于“已交办”状态，不能销号")); // in words, never ASSIGNED or verify
        act("inspector", c.county, taskId, "reject", Map.of("reason", "x"), 409);
        act("unit-liaison", schoolA, taskId, "submit", Map.of("completionReport", "x"), 409);
        act("admin", c.county, taskId, "reassign", Map.of("unitId", c.id(c.education), "responsiblePerson", "李"), 409);
        as("auditor", c.county).get("/tasks/" + taskId).then().header("ETag", equalTo(etag))
                .body("state", equalTo("ASSIGNED"));
        act("unit-liaison", schoolA, taskId, "start", null, 200);
        act("unit-liaison", schoolA, taskId, "start", null, 409);
        act("unit-liaison", schoolA, taskId, "submit", Map.of("completionReport", "done"), 200);
        act("unit-liaison", schoolA, taskId, "hand-back", Map.of("reason", "x"), 409);
        act("inspector", c.county, taskId, "verify", null, 200);
        for (String action : List.of("start", "submit", "hand-back")) {
            act("unit-liaison", schoolA, taskId, action, Map.of("completionReport", "x", "reason", "x"), 409)
                    .then().body("type", type("task-already-verified"));
        }
        for (String action : List.of("verify", "reject")) {
            act("inspector-li", "inspector", c.county, taskId, action, Map.of("reason", "x"), 409)
                    .then().body("type", type("task-already-verified"));
        }
        as("auditor", c.county).get("/tasks/" + taskId + "/timeline").then().body("", hasSize(4));
    }

    @Test
    void aRejectedTaskIsReworkedAndResubmitted() {
        String taskId = newTask(TODAY.plusDays(20));
        act("unit-liaison", schoolA, taskId, "start", null, 200);
        act("unit-liaison", schoolA, taskId, "submit", Map.of("completionReport", "first"), 200);
        act("inspector", c.county, taskId, "reject", Map.of("reason", "缺少藏汉双语内容"), 200)
                .then().body("state", equalTo("REJECTED"));
        act("unit-liaison", schoolA, taskId, "start", null, 200).then().body("state", equalTo("IN_PROGRESS"));
        act("unit-liaison", schoolA, taskId, "submit", Map.of("completionReport", "补充了双语内容"), 200)
                .then().body("completionReport", equalTo("补充了双语内容"));
        as("auditor", c.county).get("/tasks/" + taskId + "/timeline").then()
                .body("find { it.toState == 'REJECTED' }.detail.note", equalTo("缺少藏汉双语内容"));
    }

    @Test
    void changesNeedTheCurrentEtag() {
        String taskId = newTask(TODAY.plusDays(20));
        as("unit-liaison", schoolA).post("/tasks/" + taskId + "/start").then().statusCode(428);
        as("unit-liaison", schoolA).header("If-Match", "\"7\"").post("/tasks/" + taskId + "/start").then().statusCode(412);
        as("auditor", c.county).get("/tasks/" + taskId).then().body("state", equalTo("ASSIGNED"));
    }

    @Test
    void aRetriedAssignmentCreatesOneTask() {
        String findingId = finding(c.county, inspectionId, c.id(schoolA), "COORDINATION");
        Map<String, Object> body = taskFrom(findingId, TODAY.plusDays(15));
        Response first = as("admin", c.county).header("Idempotency-Key", "assign-coordination").body(body).post("/tasks");
        first.then().statusCode(201);
        as("admin", c.county).header("Idempotency-Key", "assign-coordination").body(body).post("/tasks").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")));
        as("admin", c.county).queryParam("findingId", findingId).get("/tasks").then().body("items", hasSize(1));
        body.put("responsiblePerson", "别人");
        as("admin", c.county).header("Idempotency-Key", "assign-coordination").body(body).post("/tasks").then()
                .statusCode(422);
        as("admin", c.county).queryParam("findingId", findingId).get("/tasks").then().body("items", hasSize(1));
    }

    @Test
    void extensionsAreAskedBeforeTheDeadlineAndMoveItWhenApproved() {
        LocalDate deadline = TODAY.plusDays(2);
        String taskId = newTask(deadline);
        as("auditor", c.county).get("/tasks/" + taskId).then().body("warning", equalTo("YELLOW"));
        as("unit-liaison", schoolA).body(Map.of("reason", "需要招标", "requestedDeadline", deadline.toString()))
                .post("/tasks/" + taskId + "/extensions").then().statusCode(400)
                .body("errors[0].field", equalTo("requestedDeadline"));
        Response asked = as("unit-liaison", schoolA)
                .body(Map.of("reason", "宣传栏制作需招标", "requestedDeadline", deadline.plusDays(30).toString()))
                .post("/tasks/" + taskId + "/extensions");
        asked.then().statusCode(201).body("state", equalTo("PENDING"));
        as("unit-liaison", schoolA).body(Map.of("reason", "again", "requestedDeadline", deadline.plusDays(60).toString()))
                .post("/tasks/" + taskId + "/extensions").then().statusCode(409).body("type", type("extension-pending"));
        String requestId = asked.path("id");
        String decision = "/tasks/" + taskId + "/extensions/" + requestId + "/decision";
        as("unit-liaison", schoolA).header("If-Match", "\"0\"").body(Map.of("approve", true)).post(decision)
                .then().statusCode(403);
        as("inspector", c.county).header("If-Match", "\"0\"").body(Map.of("approve", true, "note", "同意"))
                .post(decision).then().statusCode(200).body("state", equalTo("APPROVED"));
        as("inspector", c.county).header("If-Match", "\"1\"").body(Map.of("approve", false)).post(decision)
                .then().statusCode(409).body("type", type("extension-decided"));
        as("auditor", c.county).get("/tasks/" + taskId).then().body("deadline", equalTo(deadline.plusDays(30).toString()))
                .body("warning", equalTo("GREEN"));
        as("auditor", c.county).get("/tasks/" + taskId + "/timeline").then()
                .body("find { it.type == 'DEADLINE_EXTENDED' }.detail.from", equalTo(deadline.toString()))
                .body("find { it.type == 'DEADLINE_EXTENDED' }.detail.to", equalTo(deadline.plusDays(30).toString()));
        // a refused one leaves the deadline alone
        String refused = as("unit-liaison", schoolA)
                .body(Map.of("reason", "再延", "requestedDeadline", deadline.plusDays(90).toString()))
                .post("/tasks/" + taskId + "/extensions").then().statusCode(201).extract().path("id");
        as("admin", c.county).header("If-Match", "\"0\"").body(Map.of("approve", false, "note", "不同意"))
                .post("/tasks/" + taskId + "/extensions/" + refused + "/decision").then().statusCode(200)
                .body("state", equalTo("REFUSED"));
        as("auditor", c.county).get("/tasks/" + taskId).then().body("deadline", equalTo(deadline.plusDays(30).toString()));
        as("auditor", c.county).get("/tasks/" + taskId + "/extensions").then().body("state", contains("APPROVED", "REFUSED"));
    }

    /** 补办延期: past the deadline an extension is asked only with the submission it explains, and nothing else changes. */
    @Test
    void aLateSubmissionCarriesTheExtensionThatExplainsTheDelay() {
        String taskId = newTask(TODAY.minusDays(3));
        act("unit-liaison", schoolA, taskId, "start", null, 200);
        act("unit-liaison", schoolA, taskId, "submit", Map.of("completionReport", "已完成", "extension",
                Map.of("reason", "材料招标延误", "requestedDeadline", TODAY.minusDays(1).toString())), 400)
                .then().body("errors[0].field", equalTo("extension.requestedDeadline"));
        as("auditor", c.county).get("/tasks/" + taskId).then().body("state", equalTo("IN_PROGRESS"));
        as("auditor", c.county).get("/tasks/" + taskId + "/extensions").then().body("", hasSize(0));

        act("unit-liaison", schoolA, taskId, "submit", Map.of("completionReport", "已完成", "extension",
                Map.of("reason", "材料招标延误", "requestedDeadline", TODAY.toString())), 200)
                .then().body("state", equalTo("SUBMITTED")).body("overdue", equalTo(true));
        Response pending = as("auditor", c.county).get("/tasks/" + taskId + "/extensions");
        pending.then().body("", hasSize(1)).body("[0].state", equalTo("PENDING"))
                .body("[0].currentDeadline", equalTo(TODAY.minusDays(3).toString()))
                .body("[0].requestedDeadline", equalTo(TODAY.toString()));
        as("auditor", c.county).get("/tasks/" + taskId + "/timeline").then()
                .body("type[-2]", equalTo("STATE_CHANGED")).body("type[-1]", equalTo("EXTENSION_REQUESTED"))
                .body("detail[-1].withSubmission", equalTo("true"));
        // the unit does not decide its own delay; the office does, and then signs the task off in time
        String decision = "/tasks/" + taskId + "/extensions/" + pending.path("[0].id") + "/decision";
        as("unit-leader", schoolA).header("If-Match", "\"0\"").body(Map.of("approve", true)).post(decision).then().statusCode(403);
        as("inspector", c.county).header("If-Match", "\"0\"").body(Map.of("approve", true, "note", "情况属实"))
                .post(decision).then().statusCode(200).body("state", equalTo("APPROVED"));
        as("auditor", c.county).get("/tasks/" + taskId).then().body("deadline", equalTo(TODAY.toString()))
                .body("overdue", equalTo(false));
        act("inspector", c.county, taskId, "verify", null, 200).then().body("state", equalTo("VERIFIED"));

        // in time, an extension is asked on its own, not with the submission
        String onTime = newTask(TODAY.plusDays(5));
        act("unit-liaison", schoolA, onTime, "start", null, 200);
        act("unit-liaison", schoolA, onTime, "submit", Map.of("completionReport", "已完成", "extension",
                Map.of("reason", "r", "requestedDeadline", TODAY.plusDays(9).toString())), 400)
                .then().body("errors[0].field", equalTo("extension"));
        as("auditor", c.county).get("/tasks/" + onTime).then().body("state", equalTo("IN_PROGRESS"));
    }

    @Test
    void overdueTasksAreRedFlaggedOnceAndUrged() {
        String taskId = newTask(TODAY.minusDays(1));
        as("auditor", c.county).get("/tasks/" + taskId).then().body("warning", equalTo("RED")).body("overdue", equalTo(true));
        as("unit-liaison", schoolA).body(Map.of("reason", "迟了", "requestedDeadline", TODAY.plusDays(9).toString()))
                .post("/tasks/" + taskId + "/extensions").then().statusCode(409).body("type", type("extension-after-deadline"));
        as("admin", c.county).post("/tasks/overdue-check").then().statusCode(200);
        as("admin", c.county).post("/tasks/overdue-check").then().statusCode(200);
        as("auditor", c.county).get("/tasks/" + taskId + "/urgings").then()
                .body("", hasSize(1)).body("[0].automatic", equalTo(true)).body("[0].issuedBy", equalTo("system"));
        as("auditor", c.county).get("/tasks/" + taskId + "/timeline").then()
                .body("findAll { it.type == 'OVERDUE' }", hasSize(1));
        as("auditor", c.county).queryParam("warning", "RED").get("/tasks").then().body("items.id", hasItem(taskId));
        as("auditor", c.county).queryParam("overdue", true).get("/tasks").then().body("items.id", hasItem(taskId));
        as("inspector", c.county).body(Map.of("message", "请本周内完成")).post("/tasks/" + taskId + "/urgings")
                .then().statusCode(201).body("automatic", equalTo(false));
        as("auditor", c.county).get("/tasks/" + taskId + "/urgings").then().body("", hasSize(2));
    }

    @Test
    void aWronglyAssignedTaskIsHandedBackAndReassigned() {
        String taskId = newTask(TODAY.plusDays(20));
        act("unit-leader", schoolA, taskId, "hand-back", Map.of("reason", "宣传栏属于宣传部职责"), 200)
                .then().body("state", equalTo("HANDED_BACK"));
        act("inspector", c.county, taskId, "reassign", Map.of("unitId", c.id(c.publicity), "responsiblePerson", "李娜"), 200)
                .then().body("state", equalTo("ASSIGNED")).body("unit.code", equalTo(c.publicity))
                .body("township", equalTo(null));
        as("unit-liaison", schoolA).get("/tasks/" + taskId).then().statusCode(404);
        act("unit-liaison", c.publicity, taskId, "start", null, 200);
    }

    @Test
    void listsFilterAndPage() {
        String taskId = newTask(TODAY.plusDays(100));
        as("auditor", c.county).queryParam("state", "ASSIGNED").queryParam("category", "PUBLICITY")
                .queryParam("within", c.id(c.townships.get(0))).queryParam("limit", 500).get("/tasks").then()
                .statusCode(200).body("items.id", hasItem(taskId));
        as("auditor", c.county).queryParam("within", c.id(c.townships.get(1))).get("/tasks").then()
                .body("items.id", not(hasItem(taskId)));
        as("auditor", c.county).queryParam("state", "DONE").get("/tasks").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        as("auditor", c.county).queryParam("limit", 1000).get("/tasks").then().statusCode(400);
        Response first = as("auditor", c.county).queryParam("limit", 2).get("/tasks");
        first.then().body("items", hasSize(2)).body("next", notNullValue());
        as("auditor", c.county).queryParam("limit", 2).queryParam("cursor", (String) first.path("next")).get("/tasks")
                .then().statusCode(200).body("items.id", not(hasItem((String) first.path("items[0].id"))));
    }
}
