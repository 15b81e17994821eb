package org.tuanjie.tasks.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.tasks.Flows.act;
import static org.tuanjie.tasks.Flows.finding;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.task;
import static org.tuanjie.testing.FakeCounty.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.tasks.events.Receiver.Delivery;
import org.tuanjie.testing.FakeCounty;

/**
 * Webhooks as a county platform meets them, written from the issue: signed deliveries of the types subscribed,
 * in order, only of the subscription's scope; a failing receiver gets the same event again until it answers, a
 * subscription failing long enough is disabled with the reason; private addresses are refused; a rotated secret
 * signs beside the old one; who may subscribe.
 */
@QuarkusTest
class TaskWebhooksTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeCounty c;
    private static String villageA;
    private static String townshipA;
    private static String townshipB;
    private static String countyInspection;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new FakeCounty("513244");
            townshipA = c.townships.get(0);
            villageA = c.villages.get(0);
            townshipB = c.townships.get(1);
            countyInspection = inspection(c.county, List.of(c.id(villageA)));
        }
    }

    private static Map<String, Object> subscribe(String unitCode, String url, List<String> types) {
        return as("integration", unitCode).body(Map.of("url", url, "types", types)).post("/tasks/webhooks")
                .then().statusCode(201).body("state", equalTo("ACTIVE")).body("secret", containsString("whsec_"))
                .extract().jsonPath().getMap("");
    }

    private static String taskOfVillageA() {
        return task(c.county, finding(c.county, countyInspection, c.id(villageA), "PUBLICITY"), TODAY.plusDays(30));
    }

    private static JsonNode body(Delivery delivery) {
        try {
            return JSON.readTree(delivery.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> types(List<Delivery> deliveries, String taskId) {
        return deliveries.stream().map(TaskWebhooksTest::body).filter(b -> b.path("subject").asText().equals("tasks/" + taskId))
                .map(b -> b.path("type").asText()).toList();
    }

    /** Standard Webhooks, written here from the specification rather than taken from the service. */
    private static boolean signedWith(String secret, Delivery delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((delivery.header("webhook-id") + "." + delivery.header("webhook-timestamp") + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(delivery.body()));
        return List.of(delivery.header("webhook-signature").split(" ")).contains(expected);
    }

    @Test
    void aSubscriberGetsSignedEventsOfItsTypesInTheOrderTheyHappened() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Map<String, Object> subscription = subscribe(c.county, receiver.url(),
                    List.of("org.tuanjie.task.started", "org.tuanjie.task.submitted", "org.tuanjie.task.verified"));
            String taskId = taskOfVillageA();
            act("unit-liaison", villageA, taskId, "start", null, 200);
            act("unit-liaison", villageA, taskId, "submit", Map.of("completionReport", "已制作宣传栏两块"), 200);
            act("inspector", c.county, taskId, "verify", null, 200);

            List<Delivery> got = receiver.await(d -> types(d, taskId).size() >= 3);
            assertEquals(List.of("org.tuanjie.task.started", "org.tuanjie.task.submitted", "org.tuanjie.task.verified"),
                    types(got, taskId), "the types subscribed, in order; the assignment is not one of them");
            for (Delivery delivery : got) {
                assertTrue(signedWith((String) subscription.get("secret"), delivery), "signed with the subscription's secret");
                assertEquals(body(delivery).path("id").asText(), delivery.header("webhook-id"));
                long timestamp = Long.parseLong(delivery.header("webhook-timestamp"));
                assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60);
                assertTrue(delivery.header("content-type").startsWith("application/cloudevents+json"));
            }
            assertTrue(!signedWith(subscribe(c.county, receiver.url(), List.of("org.tuanjie.task.urged")).get("secret").toString(),
                    got.get(0)), "another secret does not verify it");
        }
    }

    @Test
    void aReceiverGetsOnlyTheEventsOfItsScope() {
        try (Receiver township = new Receiver(); Receiver other = new Receiver()) {
            subscribe(townshipA, township.url(), List.of("org.tuanjie.task.assigned"));
            subscribe(townshipB, other.url(), List.of("org.tuanjie.task.assigned"));
            String taskId = taskOfVillageA();
            assertEquals(List.of("org.tuanjie.task.assigned"), types(township.await(d -> !types(d, taskId).isEmpty()), taskId));
            sleep(Duration.ofMillis(800)); // rounds enough for the other subscription to have been served too
            assertEquals(List.of(), types(other.received(), taskId), "township B is told nothing of township A's village");
        }
    }

    @Test
    void aFailingReceiverGetsTheSameEventAgainUntilItAnswers() {
        try (Receiver receiver = new Receiver()) {
            receiver.failFirst(2);
            Map<String, Object> subscription = subscribe(c.county, receiver.url(), List.of("org.tuanjie.task.assigned",
                    "org.tuanjie.task.started"));
            String taskId = taskOfVillageA();
            act("unit-liaison", villageA, taskId, "start", null, 200);
            List<Delivery> got = receiver.await(d -> types(d, taskId).contains("org.tuanjie.task.started"));
            assertEquals(List.of("org.tuanjie.task.assigned", "org.tuanjie.task.assigned", "org.tuanjie.task.assigned",
                    "org.tuanjie.task.started"), types(got, taskId), "the same event until it is taken, then the next");
            assertEquals(1, got.stream().map(d -> d.header("webhook-id")).distinct().count() - 1,
                    "a retry carries the same webhook-id");
            String id = (String) subscription.get("id");
            as("integration", c.county).get("/tasks/webhooks/" + id + "/attempts").then().statusCode(200)
                    .body("[0].status", equalTo(204)).body("[1].status", equalTo(204)).body("[1].attempt", equalTo(3))
                    .body("[2].status", equalTo(500)).body("[3].attempt", equalTo(1));
            as("integration", c.county).get("/tasks/webhooks/" + id).then().statusCode(200)
                    .body("failures", equalTo(0)).body("secret", nullValue());
        }
    }

    @Test
    void aSubscriptionFailingLongEnoughIsDisabledWithTheReasonAndCanBeEnabledAgain() {
        try (Receiver receiver = new Receiver()) {
            receiver.failAlwaysWith(503);
            String id = (String) subscribe(c.county, receiver.url(), List.of("org.tuanjie.task.assigned")).get("id");
            taskOfVillageA();
            // an operator sees it failing, with an event it has not taken
            awaitMetric("tuanjie_webhook_subscriptions{state=\"failing\"}", 1);
            awaitMetric("tuanjie_webhook_backlog_events", 1);
            long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            String state = "ACTIVE";
            while (!"DISABLED".equals(state) && System.nanoTime() < end) {
                sleep(Duration.ofMillis(200));
                state = as("integration", c.county).get("/tasks/webhooks/" + id).then().extract().path("state");
            }
            as("integration", c.county).get("/tasks/webhooks/" + id).then().statusCode(200).body("state", equalTo("DISABLED"))
                    .body("disabledReason", containsString("HTTP 503"));
            awaitMetric("tuanjie_webhook_subscriptions{state=\"disabled\"}", 1);
            int tries = receiver.received().size();
            assertTrue(tries >= 3, "retried before giving up: " + tries);
            sleep(Duration.ofMillis(800));
            assertEquals(tries, receiver.received().size(), "a disabled subscription is sent nothing");

            receiver.failAlwaysWith(0);
            as("integration", c.county).post("/tasks/webhooks/" + id + "/enable").then().statusCode(200)
                    .body("state", equalTo("ACTIVE"));
            receiver.await(d -> d.size() > tries && d.get(d.size() - 1).header("webhook-id") != null);
            assertTrue(receiver.received().size() > tries, "enabled: the event is sent again");
        }
    }

    @Test
    void aReceiverOnAPrivateOrLocalNetworkIsRefused() {
        for (String url : List.of("http://10.0.0.7/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]:8080/x",
                "ftp://example.org/x", "http://user:pw@127.0.0.1/x")) {
            as("integration", c.county).body(Map.of("url", url, "types", List.of("org.tuanjie.task.verified")))
                    .post("/tasks/webhooks").then().statusCode(422).contentType("application/problem+json")
                    .body("type", containsString("webhook-address-refused"));
        }
        as("integration", c.county).get("/tasks/webhooks").then().statusCode(200)
                .body("url", not(hasItem("http://10.0.0.7/hook")));
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneSoTheReceiverCanSwitch() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Map<String, Object> subscription = subscribe(c.county, receiver.url(), List.of("org.tuanjie.task.assigned"));
            String id = (String) subscription.get("id");
            String fresh = as("integration", c.county).post("/tasks/webhooks/" + id + "/secret").then().statusCode(200)
                    .extract().path("secret");
            String taskId = taskOfVillageA();
            Delivery delivery = receiver.await(d -> !types(d, taskId).isEmpty()).get(0);
            assertEquals(2, delivery.header("webhook-signature").split(" ").length);
            assertTrue(signedWith(fresh, delivery));
            assertTrue(signedWith((String) subscription.get("secret"), delivery));
        }
    }

    @Test
    void aReceiverThatLostEventsAsksForThemAgain() {
        try (Receiver receiver = new Receiver()) {
            String id = (String) subscribe(c.county, receiver.url(), List.of("org.tuanjie.task.assigned")).get("id");
            String taskId = taskOfVillageA();
            Delivery first = receiver.await(d -> !types(d, taskId).isEmpty()).get(0);
            long sequence = body(first).path("sequence").asLong();
            as("integration", c.county).body(Map.of("fromSequence", sequence)).post("/tasks/webhooks/" + id + "/redeliveries")
                    .then().statusCode(200);
            List<Delivery> again = receiver.await(d -> types(d, taskId).size() >= 2);
            assertEquals(first.header("webhook-id"), again.get(again.size() - 1).header("webhook-id"));
        }
    }

    @Test
    void theOfficeAndPlatformsSubscribeOversightLooksAndOthersSeeNothing() {
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/hook", "types", List.of("org.tuanjie.task.verified"));
        for (String role : List.of("inspector", "unit-liaison", "unit-leader", "auditor")) {
            as(role, c.county).body(body).post("/tasks/webhooks").then().statusCode(403);
        }
        String id = as("admin", townshipA).body(body).post("/tasks/webhooks").then().statusCode(201).extract().path("id");
        as("auditor", c.county).get("/tasks/webhooks/" + id).then().statusCode(200);
        as("auditor", townshipA).get("/tasks/webhooks/" + id + "/attempts").then().statusCode(200);
        as("integration", townshipB).get("/tasks/webhooks/" + id).then().statusCode(404);
        as("admin", townshipB).delete("/tasks/webhooks/" + id).then().statusCode(404);
        as("auditor", c.county).delete("/tasks/webhooks/" + id).then().statusCode(403);
        as("integration", c.county).delete("/tasks/webhooks/" + id).then().statusCode(204);
        as("admin", townshipA).get("/tasks/webhooks/" + id).then().statusCode(404);
    }

    /** Waits (the figures are read after each delivery round) until /q/metrics shows the series at least at {@code min}. */
    private static void awaitMetric(String series, double min) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double value = -1;
        while (System.nanoTime() < end) {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            value = metrics.lines().filter(line -> line.startsWith(series + " ")).mapToDouble(
                    line -> Double.parseDouble(line.substring(series.length() + 1).trim())).findFirst().orElse(-1);
            if (value >= min) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new AssertionError(series + " is " + value + ", not at least " + min);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
