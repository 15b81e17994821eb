package org.tuanjie.tasks.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tuanjie.testing.FakeCounty.as;
import static org.tuanjie.tasks.Flows.finding;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.task;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;
import org.tuanjie.testing.TestDatabase;

/**
 * The overdue check over more tasks than one of its transactions takes, run twice at the same moment (as two replicas'
 * schedules, or a caller's run beside the schedule, would): every overdue task is flagged, once, with one urging and
 * one timeline line, and the two runs' counts add up to the tasks flagged.
 */
@QuarkusTest
class OverdueCheckRunsTest {

    private static final int TASKS = 250;

    @Test
    void twoRunsAtOnceFlagEveryOverdueTaskOnce() throws Exception {
        FakeCounty c = new FakeCounty("513285");
        String school = c.schools.get(0);
        String inspectionId = inspection(c.county, List.of(c.id(school)));
        String first = task(c.county, finding(c.county, inspectionId, c.id(school), "PUBLICITY"),
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3));
        // the rest as copies of the first, written straight to the database: the API would take minutes for as many
        TestDatabase.session(db -> {
            db.execute("create temp table copies as select t.* from rectification_task t, generate_series(2, " + TASKS + ")"
                    + " where t.id = '" + first + "'");
            db.execute("update copies set id = gen_random_uuid()");
            db.execute("insert into rectification_task select * from copies");
            return null;
        });

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(OverdueCheckRunsTest::run);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(OverdueCheckRunsTest::run);
        assertEquals(TASKS, one.get() + other.get());
        assertEquals(0, run());

        String ofTheCounty = " where task_id in (select id from rectification_task where owner_path like '%/" + c.county + "/%')";
        assertEquals(List.of((long) TASKS, 1L, 1L), TestDatabase.session(db -> {
            ResultSet events = db.executeQuery("select count(distinct task_id), min(n), max(n) from (select task_id, count(*) n"
                    + " from task_event" + ofTheCounty + " and type = 'OVERDUE' group by task_id) e");
            events.next();
            return List.of(events.getLong(1), events.getLong(2), events.getLong(3));
        }));
        assertEquals(TASKS, TestDatabase.number("select count(*) from urging_notice" + ofTheCounty + " and automatic"));
    }

    private static int run() {
        return as("admin", "513285000000").post("/tasks/overdue-check").then().statusCode(200).extract().path("flagged");
    }
}
