package org.tuanjie.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tuanjie.testing.Tokens;

/**
 * Gateway replicas sharing their rate limits through Redis: what another replica spent counts here, one app's callers
 * together stop at the app's budget, and with Redis gone the gateway still answers, limiting alone. Budgets here: 8 at
 * once per caller at 2/s (the tests' own), 12 at once per app at 1/s.
 */
@QuarkusTest
@TestProfile(SharedRateLimitsTest.Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRateLimitsTest {

    private static final String COUNTY = "513326000000";

    public static class Shared implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.store", "redis", "gateway.rate-limit.app-burst", "12",
                    "gateway.rate-limit.app-per-second", "1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivateRedis.class));
        }
    }

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    ClientLimits limits;

    @Test
    @Order(1)
    void whatAnotherReplicaSpentCountsHere() {
        String person = "liaison-" + UUID.randomUUID();
        String app = "replica-app-" + UUID.randomUUID();
        String colleague = Tokens.viaClient(app, "colleague-" + UUID.randomUUID(), "unit-liaison", COUNTY);
        given().auth().oauth2(colleague).get("/api/units").then().statusCode(200); // warm: the next call is quick
        // another replica, its own buckets object on the same Redis, spends this person's 8 (and what 2/s refills)
        SharedBuckets elsewhere = new SharedBuckets(redis, Duration.ofSeconds(2));
        var quotas = limits.quotas("azp:" + app + " sub:" + person, "app:" + app);
        int spent = 0;
        while (elsewhere.take(quotas).await().indefinitely().admitted()) {
            spent++;
        }
        assertTrue(spent >= 8 && spent <= 10, "the 8 at once, and what refilled meanwhile: " + spent);
        given().auth().oauth2(Tokens.viaClient(app, person, "unit-liaison", COUNTY)).get("/api/units").then()
                .statusCode(429).header("RateLimit", containsString("\"client\";r=0"))
                .header("Retry-After", equalTo("1")).body("type", equalTo("/problems/rate-limited"));
        given().auth().oauth2(colleague).get("/api/units").then().statusCode(200);
    }

    @Test
    @Order(2)
    void oneAppsCallersTogetherStopAtTheAppsBudget() {
        String app = "field-app-" + UUID.randomUUID();
        int admitted = 0;
        String lastRefusal = null;
        for (int i = 0; i < 16; i++) { // sixteen people, two requests each: far under each one's own 8
            for (int j = 0; j < 2; j++) {
                var response = given().auth().oauth2(Tokens.viaClient(app, "person-" + i, "unit-liaison", COUNTY))
                        .get("/api/units");
                if (response.statusCode() == 200) {
                    admitted++;
                } else {
                    assertEquals(429, response.statusCode());
                    lastRefusal = response.header("RateLimit");
                }
            }
        }
        assertTrue(admitted >= 12 && admitted <= 15, "the app's 12, plus what 1/s gave meanwhile: " + admitted);
        assertTrue(lastRefusal != null && lastRefusal.contains("\"app\";r=0"), lastRefusal);
        given().auth().oauth2(Tokens.viaClient("another-app-" + UUID.randomUUID(), "person-0", "unit-liaison", COUNTY))
                .get("/api/units").then().statusCode(200).header("RateLimit-Policy",
                        equalTo("\"client\";q=8;w=4, \"app\";q=12;w=12"));
    }

    @Test
    @Order(3)
    void withRedisGoneTheGatewayStillAnswersLimitingAlone() {
        if (!PrivateRedis.started()) {
            return; // the machine's Redis is not ours to stop
        }
        PrivateRedis.stopServer();
        String person = "liaison-" + UUID.randomUUID();
        String token = Tokens.viaClient("outage-app", person, "unit-liaison", COUNTY);
        given().auth().oauth2(token).get("/api/units").then().statusCode(200);
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            limited += given().auth().oauth2(token).get("/api/units").statusCode() == 429 ? 1 : 0;
        }
        assertTrue(limited >= 2, "this replica's own buckets still limit: " + limited);
    }
}
