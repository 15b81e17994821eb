package org.tuanjie.units.people;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.Hierarchy;
import org.tuanjie.units.people.service.PeopleService;

/**
 * The people of a unit, with real tokens: one liaison and one leader at a time, recorded by an admin whose
 * reach includes the unit (its own unit included); everyone who sees the unit reads them.
 */
@QuarkusTest
class PeopleApiTest {

    @Inject
    PeopleService service;

    private static Hierarchy h;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("47");
        }
    }

    @Test
    void aNewLeaderEndsThePreviousLeadersPeriod() {
        String people = "/units/" + h.id(h.villageB) + "/people";
        Response added = admin(h.county).body(person("LEADER", "扎西", "2024-01-01")).post(people);
        added.then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", endsWith(people + "/" + added.path("id")))
                .body("role", equalTo("LEADER"))
                .body("nameZh", equalTo("扎西"))
                .body("from", equalTo("2024-01-01"))
                .body("to", nullValue())
                .body("unitId", equalTo(h.id(h.villageB)))
                .body("createdBy", equalTo("user-admin-" + h.county));
        String a = added.path("id");
        String b = admin(h.county).body(person("LEADER", "卓玛", "2025-03-01")).post(people)
                .then().statusCode(201).extract().path("id");

        admin(h.county).get(people + "/" + a).then().statusCode(200)
                .body("to", equalTo("2025-02-28"))
                .header("ETag", equalTo("\"1\""));
        as("unit-liaison", h.villageB).get(people).then().statusCode(200)
                .body("id", contains(b)).body("to", contains((Object) null));
        as("unit-liaison", h.villageB).queryParam("all", true).get(people).then().statusCode(200)
                .body("id", contains(a, b))
                .body("to", contains("2025-02-28", null));

        // the successor of B must start after B started
        admin(h.county).body(person("LEADER", "格桑", "2025-03-01")).post(people).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", type("period-overlap"))
                .body("title", equalTo("任职期间重叠"))
                .body("detail", containsString("卓玛"));
        admin(h.county).header("Accept-Language", "en").body(person("LEADER", "格桑", "2024-06-01")).post(people)
                .then().statusCode(409).body("title", equalTo("Overlapping periods"));
        admin(h.county).queryParam("all", true).get(people).then().body("", hasSize(2));
    }

    @Test
    void staffCanBeManyAndTheListIsByRoleThenStart() {
        String people = "/units/" + h.id(h.school) + "/people";
        admin(h.county).body(person("STAFF", "王伟", "2025-02-01")).post(people).then().statusCode(201);
        admin(h.county).body(person("STAFF", "李娜", "2025-01-01")).post(people).then().statusCode(201);
        admin(h.county).body(person("LEADER", "次仁", "2025-05-01")).post(people).then().statusCode(201);
        admin(h.county).body(person("LIAISON", "央金", "2025-06-01")).post(people).then().statusCode(201);
        admin(h.county).get(people).then().statusCode(200)
                .body("role", contains("LIAISON", "LEADER", "STAFF", "STAFF"))
                .body("nameZh", contains("央金", "次仁", "李娜", "王伟"));
    }

    @Test
    void onlyAdminsInReachRecordPeopleTheirOwnUnitIncluded() {
        String villageA = "/units/" + h.id(h.villageA) + "/people";
        String villageB = "/units/" + h.id(h.villageB) + "/people";
        as("unit-liaison", h.villageA).body(person("STAFF", "多吉", "2025-01-01")).post(villageA).then().statusCode(403);
        as("unit-leader", h.villageA).body(person("STAFF", "多吉", "2025-01-01")).post(villageA).then().statusCode(403);
        admin(h.townshipA).body(person("STAFF", "多吉", "2025-01-01")).post(villageA).then().statusCode(201)
                .body("createdBy", equalTo("user-admin-" + h.townshipA));
        admin(h.townshipA).body(person("STAFF", "多吉", "2025-01-01")).post(villageB).then().statusCode(404);
        // recording people is work in one's own unit, not the level above's
        admin(h.townshipA).body(person("STAFF", "拉姆", "2025-01-01")).post("/units/" + h.id(h.townshipA) + "/people")
                .then().statusCode(201);
        as("unit-liaison", h.villageA).get(villageB).then().statusCode(404);
        admin(h.townshipA).get(villageB).then().statusCode(404);
    }

    @Test
    void aPersonLeavesOnce() {
        String people = "/units/" + h.id(h.townshipB) + "/people";
        String id = admin(h.county).body(person("LIAISON", "尼玛", "2025-01-10")).post(people)
                .then().statusCode(201).extract().path("id");
        String leave = people + "/" + id + "/leave";
        admin(h.county).body(Map.of("on", "2025-06-30")).post(leave).then().statusCode(428);
        admin(h.county).header("If-Match", "\"0\"").body(Map.of("on", "2025-01-09")).post(leave).then().statusCode(400)
                .body("errors[0].field", equalTo("on"));
        as("unit-liaison", h.townshipB).header("If-Match", "\"0\"").body(Map.of("on", "2025-06-30")).post(leave)
                .then().statusCode(403);
        admin(h.townshipA).header("If-Match", "\"0\"").body(Map.of("on", "2025-06-30")).post(leave)
                .then().statusCode(404);
        admin(h.townshipB).header("If-Match", "\"0\"").body(Map.of("on", "2025-06-30")).post(leave).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("to", equalTo("2025-06-30"))
                .body("updatedBy", equalTo("user-admin-" + h.townshipB));
        admin(h.county).header("If-Match", "\"1\"").body(Map.of("on", "2025-07-31")).post(leave).then().statusCode(409)
                .body("type", type("person-left"));
        admin(h.county).get(people).then().body("id", hasSize(0));
        // an ended period leaves room for the next liaison only after its last day
        admin(h.county).body(person("LIAISON", "旺姆", "2025-06-30")).post(people).then().statusCode(409)
                .body("type", type("period-overlap"));
        admin(h.county).body(person("LIAISON", "旺姆", "2025-07-01")).post(people).then().statusCode(201);
        // another unit's person is not found through this unit
        admin(h.county).get("/units/" + h.id(h.townshipA) + "/people/" + id).then().statusCode(404)
                .body("type", type("person-not-found"));
    }

    @Test
    void aBadPhoneIsAFieldError() {
        String people = "/units/" + h.id(h.temple) + "/people";
        Map<String, Object> body = person("STAFF", "贡布", "2025-01-01");
        body.put("phone", "138-0000-1111 ext. 5");
        admin(h.county).body(body).post(people).then().statusCode(400)
                .body("errors[0].field", equalTo("phone"));
        body.put("phone", "+86 138-0000-1111");
        admin(h.county).body(body).post(people).then().statusCode(201).body("phone", equalTo("+86 138-0000-1111"));
        Map<String, Object> noName = person("STAFF", " ", "2025-01-01");
        admin(h.county).body(noName).post(people).then().statusCode(400).body("errors[0].field", equalTo("nameZh"));
    }

    @Test
    void aRetriedAddIsReplayed() {
        String people = "/units/" + h.id(h.organ) + "/people";
        Map<String, Object> body = person("LEADER", "洛桑", "2025-01-01");
        String first = admin(h.county).header("Idempotency-Key", "people-47").body(body).post(people)
                .then().statusCode(201).extract().path("id");
        admin(h.county).header("Idempotency-Key", "people-47").body(body).post(people).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        admin(h.county).get(people).then().body("id", contains(first));
    }

    @Test
    void theCurrentLeaderShowsOnTheUnitAndItsChangeReachesTheFeed() {
        String unit = "/units/" + h.id(h.temple);
        String cursor = drained(as("integration", h.county).get("/units/changes").path("cursor"));
        admin(h.county).get(unit).then().statusCode(200).body("principalLeader", nullValue());

        String first = admin(h.county).body(person("LEADER", "洛桑", "2025-01-01")).post(unit + "/people")
                .then().statusCode(201).extract().path("id");
        admin(h.county).get(unit).then().body("principalLeader.personId", equalTo(first))
                .body("principalLeader.nameZh", equalTo("洛桑")).body("principalLeader.from", equalTo("2025-01-01"));
        Response changed = as("integration", h.county).queryParam("cursor", cursor).get("/units/changes");
        changed.then().statusCode(200).body("items.code", contains(h.temple))
                .body("items[0].principalLeader.nameZh", equalTo("洛桑"));

        // a successor whose period starts later is not the leader yet
        String later = LocalDate.now(PeopleService.CALENDAR).plusDays(30).toString();
        String second = admin(h.county).body(person("LEADER", "丹增", later)).post(unit + "/people").then().statusCode(201)
                .extract().path("id");
        admin(h.county).get(unit).then().body("principalLeader.personId", equalTo(first));
        // a staff member changes nothing on the unit, so nothing new in the feed
        String after = drained(changed.path("cursor"));
        admin(h.county).body(person("STAFF", "多吉", "2025-01-01")).post(unit + "/people").then().statusCode(201);
        as("integration", h.county).queryParam("cursor", after).get("/units/changes").then().body("items", hasSize(0));

        // the day comes, and the periods job runs a few days late: the successor leads, the profile says so
        service.periodsTurn(LocalDate.parse(later).plusDays(3));
        admin(h.county).get(unit).then().body("principalLeader.personId", equalTo(second));
        admin(h.county).get(unit + "/readiness").then().body("principalLeader.name", equalTo("丹增"));
    }

    /** The cursor after every change so far. */
    private static String drained(String cursor) {
        String at = cursor;
        Response page = as("integration", h.county).queryParam("cursor", at).get("/units/changes");
        while (page.<Boolean>path("more")) {
            at = page.path("cursor");
            page = as("integration", h.county).queryParam("cursor", at).get("/units/changes");
        }
        return page.path("cursor");
    }

    private static Map<String, Object> person(String role, String nameZh, String from) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("nameZh", nameZh);
        body.put("nameBo", "བཀྲ་ཤིས།");
        body.put("phone", "13800001111");
        body.put("position", "党委书记");
        body.put("from", from);
        return body;
    }

    private static Matcher<String> type(String type) {
        return equalTo("/problems/" + type);
    }
}
