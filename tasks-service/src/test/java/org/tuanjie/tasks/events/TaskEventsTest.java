package org.tuanjie.tasks.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.tasks.Flows.act;
import static org.tuanjie.tasks.Flows.finding;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.task;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;
import org.tuanjie.testing.Multipart;
import org.tuanjie.testing.TestFiles;

/**
 * The events feed, written from the issue: each step of a task is told once, in order, in the transaction of the
 * change (a refused change tells nothing); a reader sees what happened within its reach; the office, oversight and
 * other platforms read it, the supervised units do not; a poller's cursor never skips an event.
 */
@QuarkusTest
class TaskEventsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static FakeCounty c;
    private static String villageA;
    private static String townshipA;
    private static String townshipB;
    private static String countyInspection;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new FakeCounty("513243");
            townshipA = c.townships.get(0);
            villageA = c.villages.get(0);
            townshipB = c.townships.get(1);
            countyInspection = inspection(c.county, List.of(c.id(villageA)));
        }
    }

    /** Every event the caller may read, from the start of the feed. */
    private static List<Map<String, Object>> all(String role, String unitCode) {
        List<Map<String, Object>> events = new ArrayList<>();
        String cursor = null;
        while (true) {
            var request = as(role, unitCode).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/tasks/events").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                return events;
            }
            events.addAll(items);
            cursor = page.getString("next");
        }
    }

    private static List<Map<String, Object>> about(List<Map<String, Object>> events, String subject) {
        return events.stream().filter(e -> subject.equals(e.get("subject"))).toList();
    }

    private static List<Object> types(List<Map<String, Object>> events) {
        return events.stream().map(e -> e.get("type")).toList();
    }

    private String submittedTask() {
        String taskId = task(c.county, finding(c.county, countyInspection, c.id(villageA), "PUBLICITY"), TODAY.plusDays(30));
        act("unit-liaison", villageA, taskId, "start", null, 200);
        act("unit-liaison", villageA, taskId, "submit", Map.of("completionReport", "已制作宣传栏两块"), 200);
        return taskId;
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachStepOfATaskIsToldOnceInOrderWithItsNewVersion() {
        String taskId = submittedTask();
        act("inspector", c.county, taskId, "verify", null, 200);
        long version = as("auditor", c.county).get("/tasks/" + taskId).then().statusCode(200).extract().jsonPath().getLong("version");

        List<Map<String, Object>> events = all("auditor", c.county);
        List<Map<String, Object>> told = about(events, "tasks/" + taskId);
        assertEquals(List.of("org.tuanjie.task.assigned", "org.tuanjie.task.started", "org.tuanjie.task.submitted",
                "org.tuanjie.task.verified"), types(told));
        Map<String, Object> verified = told.get(3);
        Map<String, Object> data = (Map<String, Object>) verified.get("data");
        assertEquals("1.0", verified.get("specversion"));
        assertEquals("/tasks-service", verified.get("source"));
        assertEquals(villageA, data.get("unitCode"));
        assertEquals("VERIFIED", data.get("state"));
        assertEquals("SUBMITTED", data.get("fromState"));
        assertEquals(version, ((Number) data.get("version")).longValue(), "the version an If-Match would name now");
        List<Long> sequence = events.stream().map(e -> Long.parseLong((String) e.get("sequence"))).toList();
        for (int i = 1; i < sequence.size(); i++) {
            assertTrue(sequence.get(i) > sequence.get(i - 1), "the feed's order is its sequence: " + sequence);
        }
        assertEquals(events.size(), new HashSet<>(events.stream().map(e -> e.get("id")).toList()).size(), "ids are unique");
        assertTrue(types(events).contains("org.tuanjie.finding.recorded"), "findings are told too");
    }

    /** A file the liaison uploaded, as the upload answered it. */
    private static JsonPath uploaded(String liaison, String name) {
        byte[] photo = TestFiles.jpeg(640, 480, java.time.LocalDateTime.of(2026, 4, 12, 10, 30, 0), 31.4769, 103.5906);
        return as(liaison, "unit-liaison", villageA).contentType(Multipart.CONTENT_TYPE)
                .body(Multipart.file(name, photo, "image/jpeg")).post("/evidence").then().statusCode(201).extract().jsonPath();
    }

    @Test
    @SuppressWarnings("unchecked")
    void evidenceATaskTakesIsToldOnceAsAFileAddedWithinTheReachOfItsUnit() {
        String liaison = "liaison-of-files";
        String taskId = task(c.county, finding(c.county, countyInspection, c.id(villageA), "PUBLICITY"), TODAY.plusDays(30));
        act(liaison, "unit-liaison", villageA, taskId, "start", null, 200);
        JsonPath first = uploaded(liaison, "宣传栏.jpg");
        act(liaison, "unit-liaison", villageA, taskId, "submit",
                Map.of("completionReport", "已制作宣传栏", "evidence", List.of(first.getString("id"))), 200);

        List<Map<String, Object>> told = about(all("auditor", c.county), "files/" + first.getString("id"));
        assertEquals(List.of("org.tuanjie.file.added"), types(told));
        Map<String, Object> data = (Map<String, Object>) told.get(0).get("data");
        assertEquals(Map.of("kind", "task", "id", taskId), data.get("attachedTo"));
        assertEquals(first.getString("sha256"), data.get("sha256"));
        assertEquals("image/jpeg", data.get("mediaType"));
        assertEquals("宣传栏.jpg", data.get("name"));
        assertEquals(villageA, data.get("unitCode"));
        assertEquals("2026-04-12T02:30:00Z", data.get("capturedAt"), "10:30 in Asia/Shanghai, from the photo's EXIF");
        assertEquals(1, about(all("auditor", townshipA), "files/" + first.getString("id")).size(), "the village's township");
        assertEquals(0, about(all("auditor", townshipB), "files/" + first.getString("id")).size(), "another township");

        // sent back, then submitted again with the same photo and a new one: only the new one is news
        act("inspector", c.county, taskId, "reject", Map.of("reason", "照片不清晰"), 200);
        act(liaison, "unit-liaison", villageA, taskId, "start", null, 200);
        JsonPath second = uploaded(liaison, "宣传栏-近景.jpg");
        act(liaison, "unit-liaison", villageA, taskId, "submit", Map.of("completionReport", "补充近景照片",
                "evidence", List.of(first.getString("id"), second.getString("id"))), 200);
        List<Map<String, Object>> files = all("auditor", c.county).stream()
                .filter(e -> "org.tuanjie.file.added".equals(e.get("type")))
                .filter(e -> taskId.equals(((Map<String, Object>) ((Map<String, Object>) e.get("data")).get("attachedTo")).get("id")))
                .toList();
        assertEquals(List.of("files/" + first.getString("id"), "files/" + second.getString("id")),
                files.stream().map(e -> e.get("subject")).toList());
    }

    @Test
    void aRefusedChangeTellsNothing() {
        String taskId = submittedTask();
        int before = about(all("auditor", c.county), "tasks/" + taskId).size();
        as("inspector", c.county).header("If-Match", "\"0\"").post("/tasks/" + taskId + "/verify").then().statusCode(412);
        act("inspector", townshipA, taskId, "verify", null, 403);
        act("unit-liaison", villageA, taskId, "submit", Map.of("completionReport", "再次提交"), 409);
        assertEquals(before, about(all("auditor", c.county), "tasks/" + taskId).size());
    }

    @Test
    void aReaderSeesWhatHappenedWithinItsReachOnly() {
        String taskId = submittedTask();
        String subject = "tasks/" + taskId;
        assertEquals(3, about(all("auditor", townshipA), subject).size(), "the village's township");
        assertEquals(3, about(all("integration", c.county), subject).size(), "a platform of the county");
        assertEquals(3, about(all("admin", villageA), subject).size(), "the village itself");
        assertEquals(0, about(all("auditor", townshipB), subject).size(), "another township");
        assertEquals(0, all("admin", "110000000000").size(), "a unit no one knows");
    }

    @Test
    void theSupervisedUnitsAndInspectorsDoNotReadTheFeed() {
        for (String role : List.of("inspector", "unit-liaison", "unit-leader")) {
            as(role, c.county).get("/tasks/events").then().statusCode(403).contentType("application/problem+json");
        }
        given().get("/tasks/events").then().statusCode(401);
    }

    @Test
    void aPollerAsksAgainWithNextAndGetsOnlyWhatHappenedSince() {
        String next = as("auditor", c.county).queryParam("limit", 500).get("/tasks/events").then().statusCode(200)
                .extract().path("next");
        // drain from the start, then an empty page keeps the cursor where it was
        String cursor = next;
        while (true) {
            JsonPath page = as("auditor", c.county).queryParam("cursor", cursor).queryParam("limit", 500).get("/tasks/events")
                    .then().statusCode(200).extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                assertEquals(cursor, page.getString("next"));
                break;
            }
            cursor = page.getString("next");
        }
        String taskId = task(c.county, finding(c.county, countyInspection, c.id(villageA), "PROGRESS"), TODAY.plusDays(10));
        JsonPath since = as("auditor", c.county).queryParam("cursor", cursor).get("/tasks/events").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("org.tuanjie.finding.recorded", "org.tuanjie.task.assigned"), since.getList("items.type"));
        assertEquals("tasks/" + taskId, since.getString("items[1].subject"));
    }

    @Test
    void aReaderMayAskForSomeTypesOnly() {
        String taskId = submittedTask();
        act("inspector", c.county, taskId, "verify", null, 200);
        List<Map<String, Object>> verified = as("auditor", c.county).queryParam("type", "org.tuanjie.task.verified")
                .queryParam("limit", 500).get("/tasks/events").then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(verified.stream().allMatch(e -> "org.tuanjie.task.verified".equals(e.get("type"))));
        assertEquals(1, about(verified, "tasks/" + taskId).size());
    }

    @Test
    void aCursorOrTypeNotOfTheFeedIsA400() {
        as("auditor", c.county).queryParam("cursor", "not-a-cursor").get("/tasks/events").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        as("auditor", c.county).queryParam("type", "Task Verified!").get("/tasks/events").then().statusCode(400)
                .contentType("application/problem+json");
        as("auditor", c.county).queryParam("limit", 501).get("/tasks/events").then().statusCode(400);
    }
}
