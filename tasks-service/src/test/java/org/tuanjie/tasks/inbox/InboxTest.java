package org.tuanjie.tasks.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.tasks.Flows.act;
import static org.tuanjie.tasks.Flows.finding;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.task;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.tasks.inbox.service.TaskInbox;
import org.tuanjie.testing.FakeCounty;

/**
 * The inbox, written from the issue: what needs a person, from the tasks within their reach, with read marks, by
 * delta sync. A unit's liaison and leader are told of their unit's new, urged, rejected, near and overdue tasks; the
 * assigning office's admins and inspectors of submissions to verify, extensions asked and tasks handed back; the
 * change that answers an item resolves it; a read mark is the person's own and reaches all their devices.
 */
@QuarkusTest
class InboxTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static FakeCounty c;
    private static String inspectionId;

    @Inject
    TaskInbox inbox;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new FakeCounty("513248");
            inspectionId = inspection(c.county, List.of(c.id(c.villages.get(0)), c.id(c.villages.get(1))));
        }
    }

    /** A device of {@code subject}: follows the inbox from its cursor. */
    private static final class Device {
        private final String subject;
        private final String role;
        private final String unit;
        private String cursor;
        /** What its first sync (no cursor) brought: what waits now. */
        final List<Map<String, Object>> first;

        Device(String subject, String role, String unit) {
            this.subject = subject;
            this.role = role;
            this.unit = unit;
            this.first = sync();
        }

        List<Map<String, Object>> sync() {
            List<Map<String, Object>> items = new ArrayList<>();
            while (true) {
                var request = as(subject, role, unit);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath batch = request.get("/tasks/inbox").then().statusCode(200).extract().jsonPath();
                items.addAll(batch.getList("items"));
                cursor = batch.getString("cursor");
                if (!batch.getBoolean("more")) {
                    return items;
                }
            }
        }
    }

    private static List<Map<String, Object>> about(List<Map<String, Object>> items, String taskId) {
        return items.stream().filter(i -> taskId.equals(i.get("taskId"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Object detail(Map<String, Object> item, String key) {
        return ((Map<String, Object>) item.get("detail")).get(key);
    }

    @Test
    void eachStepOpensWhatWaitsOnSomeoneAndResolvesWhatItAnswered() {
        String village = c.villages.get(0);
        Device liaison = new Device("liaison-卓玛", "unit-liaison", village);
        Device leader = new Device("leader-扎西", "unit-leader", village);
        Device office = new Device("admin-周明", "admin", c.county);
        Device inspector = new Device("inspector-张华", "inspector", c.county);
        Device township = new Device("liaison-township", "unit-liaison", c.townships.get(0));

        String taskId = task(c.county, finding(c.county, inspectionId, c.id(village), "PUBLICITY"), TODAY.plusDays(20));
        List<Map<String, Object>> told = about(liaison.sync(), taskId);
        assertEquals(1, told.size());
        assertEquals("NEW_TASK", told.get(0).get("kind"));
        assertEquals(village, detail(told.get(0), "unitCode"));
        assertEquals(Boolean.FALSE, told.get(0).get("read"));
        assertNull(told.get(0).get("resolvedAt"));
        assertEquals(List.of("NEW_TASK"), about(leader.sync(), taskId).stream().map(i -> i.get("kind")).toList());
        assertEquals(List.of(), about(office.sync(), taskId), "nothing waits on the office yet");
        assertEquals(List.of(), about(township.sync(), taskId), "the township's staff are not the village's");

        as("admin", c.county).body(Map.of("message", "请于本周内提交整改材料")).post("/tasks/" + taskId + "/urgings")
                .then().statusCode(201);
        List<Map<String, Object>> urged = about(liaison.sync(), taskId);
        assertEquals(List.of("URGED"), urged.stream().map(i -> i.get("kind")).toList());
        assertEquals("请于本周内提交整改材料", detail(urged.get(0), "message"));

        act("liaison-卓玛", "unit-liaison", village, taskId, "start", null, 200);
        List<Map<String, Object>> started = about(liaison.sync(), taskId);
        assertEquals(List.of("NEW_TASK"), started.stream().map(i -> i.get("kind")).toList(), "answered by starting");
        assertNotNull(started.get(0).get("resolvedAt"));

        act("liaison-卓玛", "unit-liaison", village, taskId, "submit", Map.of("completionReport", "已制作宣传栏"), 200);
        assertNotNull(about(liaison.sync(), taskId).get(0).get("resolvedAt"), "the urging is answered by the submission");
        List<Map<String, Object>> toVerify = about(office.sync(), taskId);
        assertEquals(List.of("TO_VERIFY"), toVerify.stream().map(i -> i.get("kind")).toList());
        assertEquals(List.of("TO_VERIFY"), about(inspector.sync(), taskId).stream().map(i -> i.get("kind")).toList());
        assertEquals(List.of(), about(liaison.sync(), taskId), "not the unit's to verify");

        act("inspector-张华", "inspector", c.county, taskId, "reject", Map.of("reason", "照片不清晰"), 200);
        assertNotNull(about(office.sync(), taskId).get(0).get("resolvedAt"), "rejected: no longer to verify");
        List<Map<String, Object>> rejected = about(liaison.sync(), taskId);
        assertEquals(List.of("REJECTED"), rejected.stream().map(i -> i.get("kind")).toList());
        assertEquals("照片不清晰", detail(rejected.get(0), "reason"));
        assertEquals(List.of("REJECTED"), about(new Device("liaison-new-phone", "unit-liaison", village).first, taskId)
                .stream().map(i -> i.get("kind")).toList(), "a new phone's first sync holds what waits now, not what was answered");
    }

    @Test
    void aReadMarkIsThePersonsOwnAndReachesAllTheirDevices() {
        String village = c.villages.get(1);
        Device phone = new Device("liaison-拉姆", "unit-liaison", village);
        Device tablet = new Device("liaison-拉姆", "unit-liaison", village);
        Device colleague = new Device("leader-次仁", "unit-leader", village);
        String taskId = task(c.county, finding(c.county, inspectionId, c.id(village), "PUBLICITY"), TODAY.plusDays(20));
        String item = (String) about(phone.sync(), taskId).get(0).get("id");
        tablet.sync();
        colleague.sync();

        as("liaison-拉姆", "unit-liaison", village).post("/tasks/inbox/" + item + "/read").then().statusCode(204);
        as("liaison-拉姆", "unit-liaison", village).post("/tasks/inbox/" + item + "/read").then().statusCode(204);
        List<Map<String, Object>> onTablet = about(tablet.sync(), taskId);
        assertEquals(1, onTablet.size(), "the mark reaches the person's other device");
        assertEquals(Boolean.TRUE, onTablet.get(0).get("read"));
        assertEquals(List.of(), colleague.sync(), "another person's inbox does not change");

        as("liaison-township", "unit-liaison", c.townships.get(1)).post("/tasks/inbox/" + item + "/read").then()
                .statusCode(404).contentType("application/problem+json");
        as("admin-周明", "admin", c.county).post("/tasks/inbox/" + item + "/read").then().statusCode(404);
        as("liaison-拉姆", "unit-liaison", village).post("/tasks/inbox/" + UUID.randomUUID() + "/read").then().statusCode(404);
    }

    @Test
    void aDeadlineWithinThreeDaysIsToldOnce() {
        String village = c.villages.get(0);
        Device liaison = new Device("liaison-近期", "unit-liaison", village);
        String near = task(c.county, finding(c.county, inspectionId, c.id(village), "PROGRESS"), TODAY.plusDays(2));
        String far = task(c.county, finding(c.county, inspectionId, c.id(village), "PROGRESS"), TODAY.plusDays(10));
        liaison.sync();
        assertTrue(inbox.deadlinesNear() >= 1);
        assertEquals(0, inbox.deadlinesNear(), "once per deadline");
        List<Map<String, Object>> items = liaison.sync();
        assertEquals(List.of("DEADLINE_NEAR"), about(items, near).stream().map(i -> i.get("kind")).toList());
        assertEquals(List.of(), about(items, far));
    }

    @Test
    void theInboxIsForPeopleNotForAuditorsOrPlatforms() {
        as("auditor", c.county).get("/tasks/inbox").then().statusCode(403);
        as("integration", c.county).get("/tasks/inbox").then().statusCode(403);
        as("unit-liaison", c.villages.get(0)).queryParam("cursor", "nope").get("/tasks/inbox").then().statusCode(400);
        assertFalse(new Device("admin-x", "admin", c.townships.get(1)).sync().stream()
                .anyMatch(i -> "TO_VERIFY".equals(i.get("kind"))), "a township office verifies only what it assigned");
    }
}
