package org.tuanjie.units.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.EmbeddedPostgresResource;
import org.tuanjie.units.Hierarchy;

/**
 * PostgreSQL stopped and started again under a stream of writes whose clients retry with the same
 * Idempotency-Key: every answer comes fast (a 503 problem while the database is away, never a 500 or
 * a hang), the service serves again within 5 s of the database's return without a restart, and the
 * units stored are exactly the ones the clients were told were created: none lost, none doubled.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final long ANSWER_BOUND_MS = 3_500;

    record Attempt(long startedAt, long tookMs, int status, String contentType) {
    }

    @Test
    void writesFailFastWhileTheDatabaseIsAwayAndNoneIsLostOrDoubled() throws Exception {
        Hierarchy h = new Hierarchy("44");
        String county6 = h.county.substring(0, 6);
        String township = h.id(h.townshipA);
        AtomicInteger next = new AtomicInteger(2);
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, String> createdIdByCode = new ConcurrentHashMap<>();
        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            loops.add(clients.submit(() -> {
                while (running.get()) {
                    String code = county6 + "100" + String.format("%03d", next.getAndIncrement());
                    String key = UUID.randomUUID().toString();
                    Map<String, Object> body = unit(code, "VILLAGE", township, "村" + code.substring(9));
                    for (int tries = 0; tries < 200; tries++) { // retry the same request until it is decided
                        long start = System.currentTimeMillis();
                        Response r = admin(h.province).header("Idempotency-Key", key).body(body).post("/units");
                        attempts.add(new Attempt(start, System.currentTimeMillis() - start, r.statusCode(), r.contentType()));
                        if (r.statusCode() == 201) {
                            createdIdByCode.put(code, r.path("id"));
                            break;
                        }
                        if (r.statusCode() != 503) {
                            break; // decided otherwise: recorded, and checked below
                        }
                        sleep(100);
                    }
                }
                return null;
            }));
        }
        sleep(1_500);
        long downAt = System.currentTimeMillis();
        EmbeddedPostgresResource.stopServer();
        sleep(3_000);
        EmbeddedPostgresResource.startServer();
        long upAt = System.currentTimeMillis();
        AtomicLong recoveredAt = new AtomicLong();
        while (System.currentTimeMillis() - upAt < 15_000 && recoveredAt.get() == 0) {
            attempts.stream().filter(a -> a.startedAt() >= upAt && a.status() == 201).findFirst()
                    .ifPresent(a -> recoveredAt.set(a.startedAt() + a.tookMs()));
            sleep(50);
        }
        sleep(1_000);
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();

        Map<Integer, Integer> byStatus = new HashMap<>();
        attempts.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
        String summary = "answers by status " + byStatus + ", recovered after " + (recoveredAt.get() - upAt) + " ms";
        assertTrue(attempts.stream().anyMatch(a -> a.startedAt() < downAt && a.status() == 201), "writes before: " + summary);
        assertTrue(attempts.stream().anyMatch(a -> a.status() == 503), "the outage was seen: " + summary);
        assertTrue(attempts.stream().allMatch(a -> a.status() == 201 || a.status() == 503),
                "only created or unavailable: " + summary);
        assertTrue(attempts.stream().filter(a -> a.status() >= 400)
                .allMatch(a -> String.valueOf(a.contentType()).startsWith("application/problem+json")), summary);
        long slowest = attempts.stream().mapToLong(Attempt::tookMs).max().orElse(0);
        System.out.printf("database outage: %d created, %s, slowest answer %d ms%n", createdIdByCode.size(), summary, slowest);
        assertTrue(slowest < ANSWER_BOUND_MS, "slowest answer " + slowest + " ms; " + summary);
        assertTrue(recoveredAt.get() > 0 && recoveredAt.get() - upAt <= 5_000, "recovery within 5 s: " + summary);

        Map<String, String> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(System.getProperty("tuanjie.test.jdbc-url"), "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select code, id from unit where code like '" + county6
                        + "100%' and kind = 'VILLAGE' and code <> '" + h.villageA + "'")) {
            while (rows.next()) {
                String code = rows.getString(1);
                assertTrue(stored.put(code, rows.getString(2)) == null, "stored twice: " + code);
            }
        }
        assertEquals(createdIdByCode, stored, "stored units = the 201s the clients saw; " + summary);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
