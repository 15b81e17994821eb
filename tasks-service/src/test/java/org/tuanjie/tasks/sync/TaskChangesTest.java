package org.tuanjie.tasks.sync;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.tasks.Flows.act;
import static org.tuanjie.tasks.Flows.finding;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.task;
import static org.tuanjie.testing.FakeCounty.as;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;

/**
 * Delta sync of tasks, written from the issue: a device starts without a cursor and gets the tasks its person reads
 * (their unit's, or their office's), then only what changed since; a task that leaves the person's reach is named in
 * {@code removed} on the devices that had it; batches follow one another without gaps or repeats; everyone reads
 * only their own reach.
 */
@QuarkusTest
class TaskChangesTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static FakeCounty c;
    private static String inspectionId;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new FakeCounty("513247");
            inspectionId = inspection(c.county, List.of(c.id(c.villages.get(0)), c.id(c.villages.get(1)),
                    c.id(c.schools.get(0))));
        }
    }

    /** What a device learns by following the feed from {@code cursor} until nothing more waits. */
    private record Synced(List<Map<String, Object>> items, List<String> removed, String cursor, int batches) {

        List<String> ids() {
            return items.stream().map(i -> (String) i.get("id")).toList();
        }
    }

    private static Synced sync(String role, String unit, String cursor, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int batches = 0;
        while (true) {
            var request = as(role, unit).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath batch = request.get("/tasks/changes").then().statusCode(200).extract().jsonPath();
            batches++;
            items.addAll(batch.getList("items"));
            removed.addAll(batch.getList("removed"));
            cursor = batch.getString("cursor");
            if (!batch.getBoolean("more")) {
                return new Synced(items, removed, cursor, batches);
            }
        }
    }

    private static String taskOf(String unitCode) {
        return task(c.county, finding(c.county, inspectionId, c.id(unitCode), "PUBLICITY"), TODAY.plusDays(20));
    }

    @Test
    void aDeviceGetsItsTasksThenOnlyWhatChangedSince() {
        String villageA = c.villages.get(0);
        String villageB = c.villages.get(1);
        String mine = taskOf(villageA);
        String theirs = taskOf(villageB);

        Synced first = sync("unit-liaison", villageA, null, 200);
        assertTrue(first.ids().contains(mine), "the village's own task");
        assertFalse(first.ids().contains(theirs), "not another township's");
        Synced nothing = sync("unit-liaison", villageA, first.cursor(), 200);
        assertEquals(List.of(), nothing.items(), "nothing changed since");
        assertEquals(first.cursor(), nothing.cursor(), "an empty batch keeps the cursor");

        act("unit-liaison", villageA, mine, "start", null, 200);
        Synced since = sync("unit-liaison", villageA, first.cursor(), 200);
        assertEquals(List.of(mine), since.ids(), "only the task that changed");
        assertEquals("IN_PROGRESS", since.items().get(0).get("state"));
        assertEquals(1, ((Number) since.items().get(0).get("version")).intValue(), "the version an If-Match names now");

        assertTrue(sync("admin", c.county, null, 500).ids().containsAll(List.of(mine, theirs)), "the assigning office");
        assertTrue(sync("auditor", c.townships.get(0), null, 500).ids().contains(mine), "the village's township");
        assertFalse(sync("auditor", c.townships.get(1), null, 500).ids().contains(mine), "another township");
        assertFalse(sync("unit-liaison", villageB, null, 500).ids().contains(mine), "another village");
    }

    @Test
    void aTaskThatLeavesAUnitIsRemovedFromTheDevicesThatHadIt() {
        String school = c.schools.get(0);
        String villageB = c.villages.get(1);
        String taskId = taskOf(school);
        String schoolCursor = sync("unit-liaison", school, null, 200).cursor();
        String townshipACursor = sync("auditor", c.townships.get(0), null, 500).cursor();
        String townshipBCursor = sync("auditor", c.townships.get(1), null, 500).cursor();
        String countyCursor = sync("admin", c.county, null, 500).cursor();

        act("unit-leader", school, taskId, "hand-back", Map.of("reason", "宣传栏属于村委会职责"), 200);
        act("inspector", c.county, taskId, "reassign", Map.of("unitId", c.id(villageB), "responsiblePerson", "旦增"), 200);

        Synced atSchool = sync("unit-liaison", school, schoolCursor, 200);
        assertEquals(List.of(taskId), atSchool.removed(), "the school's devices drop it");
        assertFalse(atSchool.ids().contains(taskId));
        assertEquals(List.of(taskId), sync("auditor", c.townships.get(0), townshipACursor, 500).removed(), "and its township's");
        Synced atTownshipB = sync("auditor", c.townships.get(1), townshipBCursor, 500);
        assertTrue(atTownshipB.ids().contains(taskId), "the township it went to gets it");
        assertFalse(atTownshipB.removed().contains(taskId));
        Synced atCounty = sync("admin", c.county, countyCursor, 500);
        assertTrue(atCounty.ids().contains(taskId), "the office that assigned it still reads it, changed");
        assertFalse(atCounty.removed().contains(taskId), "and does not drop it");
        as("auditor", c.county).get("/tasks/" + taskId).then().body("unit.code", equalTo(villageB));
    }

    @Test
    void batchesFollowOneAnotherWithoutGapsOrRepeats() {
        String villageA = c.villages.get(0);
        String start = sync("unit-liaison", villageA, null, 500).cursor();
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            made.add(taskOf(villageA));
        }
        Synced small = sync("unit-liaison", villageA, start, 2);
        assertEquals(3, small.batches(), "five changes, two at a time");
        assertEquals(made, new HashSet<>(small.ids()));
        assertEquals(5, small.ids().size(), "none twice");
    }

    @Test
    void aCursorThatIsNotOfTheFeedIsRefused() {
        as("unit-liaison", c.villages.get(0)).queryParam("cursor", "not-a-cursor").get("/tasks/changes").then()
                .statusCode(400).contentType("application/problem+json");
        as("unit-liaison", c.villages.get(0)).queryParam("limit", 0).get("/tasks/changes").then().statusCode(400);
    }
}
