package org.tuanjie.tasks;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.tasks.Flows.finding;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.task;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tuanjie.testing.FakeCounty;
import org.tuanjie.testing.TestDatabase;
import org.tuanjie.unitfeed.UnitFeed;

/**
 * A unit moved in units-service takes its inspections, findings and tasks along: the township it left no longer
 * reads them, the one it joined does, and a unit that left the county is seen by nobody here. Replicas on one database
 * run the feed one at a time: while another replica's run holds the feed (its session holds the lock every run takes),
 * this replica's scheduled turn is skipped and a caller's run waits for it to end, then moves what moved.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitFeedTest {

    private static final LocalDate DEADLINE = LocalDate.now().plusDays(30);

    @AfterEach
    void noServiceIdentity() {
        FakeCounty.serviceRoot(null);
    }

    @Inject
    UnitFeed feed;

    /** The county of the first test, whose root the service's identity keeps (its token, once fetched, is kept). */
    private static FakeCounty c;

    @Test
    @Order(1)
    void copiesOfUnitPathsFollowAUnitThatMoved() {
        c = new FakeCounty("513226");
        FakeCounty elsewhere = new FakeCounty("513227");
        String school = c.schools.get(0);
        String leaving = c.schools.get(1);
        String from = c.townships.get(0);
        String to = c.townships.get(2);
        String inspection = inspection(c.county, List.of(c.id(school), c.id(leaving)));
        String finding = finding(c.county, inspection, c.id(school), "PUBLICITY");
        String taskId = task(c.county, finding, DEADLINE);
        String leavingTask = task(c.county, finding(c.county, inspection, c.id(leaving), "PUBLICITY"), DEADLINE);
        as("inspector", from).get("/tasks/" + taskId).then().statusCode(200);
        as("inspector", to).get("/tasks/" + taskId).then().statusCode(404);
        as("inspector", c.townships.get(1)).get("/tasks/" + leavingTask).then().statusCode(200);
        String etag = as("admin", c.county).get("/tasks/" + taskId).then().statusCode(200).extract().header("ETag");

        // without its own identity the service cannot read the feed: a 503 problem, and nothing moves
        c.move(school, to);
        c.move(leaving, elsewhere.townships.get(0));
        as("admin", c.county).post("/tasks/unit-feed").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unit-feed-unavailable"));
        as("inspector", from).get("/tasks/" + taskId).then().statusCode(200);

        FakeCounty.serviceRoot(c.county);
        as("unit-liaison", c.county).post("/tasks/unit-feed").then().statusCode(403);
        as("admin", c.county).post("/tasks/unit-feed").then().statusCode(200)
                .body("moved", equalTo(1)).body("departed", equalTo(1))
                // each school: its line in the inspection, its finding, its task
                .body("rows", equalTo(6));

        as("inspector", from).get("/tasks/" + taskId).then().statusCode(404);
        as("inspector", from).get("/findings/" + finding).then().statusCode(404);
        as("inspector", from).get("/tasks?limit=500").then().statusCode(200).body("items.id", not(hasItem(taskId)));
        as("inspector", to).get("/tasks/" + taskId).then().statusCode(200)
                .body("township.code", equalTo(to)).body("unit.code", equalTo(school));
        as("inspector", to).get("/findings/" + finding).then().statusCode(200);
        as("inspector", to).get("/tasks?limit=500").then().statusCode(200).body("items.id", hasItem(taskId));
        assertNotEquals(etag, as("admin", c.county).get("/tasks/" + taskId).then().statusCode(200).extract().header("ETag"),
                "the task's representation changed, so must its ETag");
        // the township the school left no longer reads its task; the county office that assigned it keeps its record
        as("inspector", c.townships.get(1)).get("/tasks/" + leavingTask).then().statusCode(404);
        as("admin", c.county).get("/tasks/" + leavingTask).then().statusCode(200);
        as("admin", c.county).get("/inspections/" + inspection).then().statusCode(200)
                .body("units.code", hasItem(school));

        // a second run finds nothing left to move
        as("admin", c.county).post("/tasks/unit-feed").then().statusCode(200)
                .body("moved", equalTo(0)).body("departed", equalTo(0)).body("rows", equalTo(0));

        // moved back: the old township reads it again
        c.move(school, from);
        as("admin", c.county).post("/tasks/unit-feed").then().statusCode(200).body("moved", equalTo(1));
        as("inspector", from).get("/tasks/" + taskId).then().statusCode(200).body("township.code", equalTo(from));
        as("inspector", to).get("/tasks/" + taskId).then().statusCode(404);
    }

    @Test
    @Order(2) // after the run without a service identity, in the same county
    void whileAnotherReplicaRunsTheFeedThisOneSkipsItsTurnAndACallerWaits() throws Exception {
        String school = c.schools.get(2);
        String taskId = task(c.county, finding(c.county, inspection(c.county, List.of(c.id(school))), c.id(school),
                "PUBLICITY"), LocalDate.now().plusDays(30));
        FakeCounty.serviceRoot(c.county);
        c.move(school, c.townships.get(0));

        TestDatabase.session(otherReplica -> {
            otherReplica.execute("select pg_advisory_lock(" + 0x74756a + ", hashtext('unit-feed'))");

            assertTrue(feed.runUnlessRunningElsewhere().isEmpty(), "the scheduled turn is skipped");
            CompletableFuture<Integer> asked = CompletableFuture.supplyAsync(() -> as("admin", c.county)
                    .post("/tasks/unit-feed").then().statusCode(200).extract().path("moved"));
            Thread.sleep(1500);
            assertFalse(asked.isDone(), "a caller's run waits for the other replica's");
            as("inspector", c.townships.get(2)).get("/tasks/" + taskId).then().statusCode(200); // nothing moved yet

            otherReplica.execute("select pg_advisory_unlock(" + 0x74756a + ", hashtext('unit-feed'))");
            assertEquals(1, asked.get(30, TimeUnit.SECONDS));
            return null;
        });
        as("inspector", c.townships.get(2)).get("/tasks/" + taskId).then().statusCode(404);
        as("inspector", c.townships.get(0)).get("/tasks/" + taskId).then().statusCode(200);
        assertTrue(feed.runUnlessRunningElsewhere().isPresent(), "free again: the next turn runs");
    }
}
