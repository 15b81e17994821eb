package org.tuanjie.tasks.task;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tuanjie.testing.FakeCounty.as;
import static org.tuanjie.tasks.Flows.finding;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.taskFrom;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.idempotency.IdempotencySweep;
import org.tuanjie.testing.FakeCounty;
import org.tuanjie.testing.TestDatabase;

/**
 * A retried POST replays its first answer within the retention period (7 days); a record older than that is deleted
 * by the sweep, and the same key then makes a new request. Records within the period stay.
 */
@QuarkusTest
class IdempotencyRetentionTest {

    @Inject
    IdempotencySweep sweep;

    @Test
    void recordsOlderThanTheRetentionPeriodAreSweptAndTheirKeysServeAgain() throws Exception {
        FakeCounty c = new FakeCounty("513286");
        String school = c.schools.get(0);
        String inspectionId = inspection(c.county, List.of(c.id(school)));
        LocalDate deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20);
        Map<String, Object> old = taskFrom(finding(c.county, inspectionId, c.id(school), "PUBLICITY"), deadline);
        Map<String, Object> recent = taskFrom(finding(c.county, inspectionId, c.id(school), "PROGRESS"), deadline);
        String first = as("admin", c.county).header("Idempotency-Key", "retention-old").body(old).post("/tasks").then()
                .statusCode(201).extract().path("id");
        String kept = as("admin", c.county).header("Idempotency-Key", "retention-recent").body(recent).post("/tasks").then()
                .statusCode(201).extract().path("id");
        TestDatabase.update("update idempotency_record set created_at = now() - interval '8 days'"
                + " where scope_key like '% retention-old'");
        TestDatabase.update("update idempotency_record set created_at = now() - interval '6 days'"
                + " where scope_key like '% retention-recent'");

        int swept = sweep.sweep();
        assertEquals(0, TestDatabase.number("select count(*) from idempotency_record where scope_key like '% retention-old'"));
        assertEquals(1, TestDatabase.number("select count(*) from idempotency_record where scope_key like '% retention-recent'"));
        assertEquals(0, TestDatabase.number("select count(*) from idempotency_record where created_at < now() - interval '7 days'"),
                "every record past the period is gone (" + swept + " swept)");

        // within the period the first answer is replayed; past it, the key is a new request
        as("admin", c.county).header("Idempotency-Key", "retention-recent").body(recent).post("/tasks").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(kept));
        old.put("findingId", finding(c.county, inspectionId, c.id(school), "BALANCE")); // another body: 422 if still kept
        as("admin", c.county).header("Idempotency-Key", "retention-old").body(old).post("/tasks").then()
                .statusCode(201).body("id", not(equalTo(first)));
    }
}
