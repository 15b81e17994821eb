package org.tuanjie.tasks;

import org.tuanjie.testing.FakeCounty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * With units-service down or hung, a request that needs it gets a quick 503 problem and writes
 * nothing; requests that do not need it keep working.
 */
@QuarkusTest
class UnitsOutageTest {

    /** The circuit breaker lets calls through again shortly after units-service is back. */
    private static void awaitRecovery(FakeCounty c) {
        long until = System.currentTimeMillis() + 10_000;
        while (as("admin", c.county).queryParam("within", c.id(c.schools.get(2))).get("/tasks").statusCode() != 200) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("tasks-service did not recover within 10 s of units-service returning");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void aDeadOrHungUnitsServiceIsA503AndNothingIsWritten() {
        FakeCounty c = new FakeCounty("513223");
        Flows.inspection(c.county, List.of(c.id(c.villages.get(0))));
        // units never looked up before, so no cached answer can stand in for units-service
        Map<String, Object> inspection = Map.of("title", "补充督查", "startDate", "2026-04-01", "endDate", "2026-04-02",
                "groups", List.of(Map.of("name", "第一督查组")), "unitIds", List.of(c.id(c.schools.get(2))));
        Map<String, Object> standalone = Map.of("unitId", c.id(c.education), "category", "LEADERSHIP", "title", "成立领导小组",
                "measures", "印发文件", "responsiblePerson", "李", "deadline", LocalDate.now().plusDays(9).toString());
        try {
            FakeCounty.unitsService("down");
            as("admin", c.county).body(inspection).post("/inspections").then()
                    .statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("/problems/units-unavailable"))
                    .time(lessThan(5000L));
            FakeCounty.unitsService("hang");
            as("admin", c.county).body(standalone).post("/tasks").then().statusCode(503).time(lessThan(8000L));
        } finally {
            FakeCounty.unitsService("up");
        }
        awaitRecovery(c);
        as("auditor", c.county).get("/inspections").then().statusCode(200).body("items", hasSize(1));
        as("auditor", c.county).queryParam("unitId", c.id(c.education)).get("/tasks").then().statusCode(200)
                .body("items", hasSize(0));
        // back up: the same requests now succeed
        as("admin", c.county).body(inspection).post("/inspections").then().statusCode(201);
        as("admin", c.county).body(standalone).post("/tasks").then().statusCode(201);
    }

    @Test
    void theBreakerOpensOnAHungUnitsServiceAndClosesWhenItIsBack() throws Exception {
        FakeCounty c = new FakeCounty("513228");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            FakeCounty.unitsService("hang");
            List<Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) { // units never seen: each needs units-service
                calls.add(callers.submit(() -> as("auditor", c.county).queryParam("within", UUID.randomUUID().toString())
                        .get("/tasks").statusCode()));
            }
            for (Future<Integer> call : calls) {
                assertEquals(503, call.get());
            }
            // open now: callers are refused at once instead of waiting out the timeout (the test breaker
            // half-opens after 300 ms and lets one trial call through, which fails and opens it again)
            List<Long> took = new java.util.ArrayList<>();
            for (int probe = 0; probe < 4 && took.stream().noneMatch(ms -> ms < 500); probe++) {
                long start = System.currentTimeMillis();
                as("auditor", c.county).queryParam("within", c.id(c.schools.get(1))).get("/tasks").then().statusCode(503)
                        .contentType("application/problem+json");
                took.add(System.currentTimeMillis() - start);
            }
            assertTrue(took.stream().anyMatch(ms -> ms < 500), "an open breaker answers without waiting: " + took + " ms");
            assertTrue(opened() > 0, "the breaker reports having opened");
        } finally {
            FakeCounty.unitsService("up");
            callers.shutdownNow();
        }
        awaitRecovery(c); // half-open, then closed: calls go through again
        as("auditor", c.county).queryParam("within", c.id(c.schools.get(1))).get("/tasks").then().statusCode(200);
    }

    /** How many times the units-service breakers opened, as /q/metrics reports it. */
    private static double opened() {
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("ft_circuitbreaker_opened_total") && l.contains("UnitsCalls"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
