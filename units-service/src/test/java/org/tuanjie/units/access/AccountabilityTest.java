package org.tuanjie.units.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.completeReadiness;
import static org.tuanjie.units.UnitsApi.create;
import static org.tuanjie.units.UnitsApi.etag;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.Hierarchy;
import org.tuanjie.units.UnitsApi;

/**
 * Separation of duties over the unit hierarchy, written from DOMAIN.md's table and not from the policy:
 * closing, moving and renaming a unit are the level above's and nobody acts on their own root; a unit's
 * people fill its own readiness profile; a "9+N进" domain's lead unit reads its members, read-only. The
 * county has township A (village A, a school) and township B (village B, a temple).
 */
@QuarkusTest
class AccountabilityTest {

    private static final Map<String, Object> CLOSURE = Map.of("endDate", "2026-12-31", "reason", "撤村并居");
    private static Hierarchy h;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("52");
        }
    }

    @Test
    void nobodyClosesMovesOrRenamesTheirOwnRoot() {
        for (String own : List.of(h.townshipA, h.villageA, h.county)) {
            String path = "/units/" + h.id(own);
            String etag = etag("admin", h.province, path);
            admin(own).header("If-Match", etag).body(CLOSURE).post(path + "/close").then().statusCode(403)
                    .body("type", type("own-root-unit"));
            admin(own).header("If-Match", etag).body(Map.of("names", Map.of("zh", "自己改名"))).put(path).then()
                    .statusCode(403).body("type", type("own-root-unit"));
            admin(own).header("If-Match", etag).body(Map.of("parentId", h.id(own))).post(path + "/move").then()
                    .statusCode(403).body("type", type("own-root-unit"));
            admin(own).header("If-Match", etag).body(Map.of("reason", "自己恢复")).post(path + "/reopen").then()
                    .statusCode(403).body("type", type("own-root-unit"));
            // nothing changed: the version is the one read before
            admin(h.province).get(path).then().statusCode(200).header("ETag", equalTo(etag)).body("status", equalTo("OPEN"));
        }
    }

    @Test
    void aTownshipAdminManagesItsVillagesAndNoneOfItsNeighbours() {
        String village = create(h.province, "523422100002", "VILLAGE", h.id(h.townshipA), "格咱村");
        String path = "/units/" + village;
        admin(h.townshipA).header("If-Match", "\"0\"").body(Map.of("names", Map.of("zh", "格咱新村"))).put(path).then()
                .statusCode(200).body("names.zh", equalTo("格咱新村"));
        admin(h.townshipA).header("If-Match", "\"1\"").body(CLOSURE).post(path + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        admin(h.townshipA).header("If-Match", "\"2\"").body(Map.of("reason", "撤并撤回")).post(path + "/reopen").then()
                .statusCode(200).body("status", equalTo("OPEN"));
        // the neighbour's village does not exist for township A, nor does a new parent in the neighbour's reach
        String villageB = "/units/" + h.id(h.villageB);
        admin(h.townshipA).header("If-Match", etag("admin", h.county, villageB)).body(CLOSURE).post(villageB + "/close")
                .then().statusCode(404).body("type", type("unit-not-found"));
        String villageA = "/units/" + h.id(h.villageA);
        String villageAEtag = etag("admin", h.county, villageA);
        admin(h.townshipA).header("If-Match", villageAEtag).body(Map.of("parentId", h.id(h.townshipB)))
                .post(villageA + "/move").then().statusCode(404).body("type", type("unit-not-found"));
        admin(h.county).get(villageA).then().header("ETag", equalTo(villageAEtag)).body("parentId", equalTo(h.id(h.townshipA)));
        // other roles of the township do not manage units at all
        as("unit-leader", h.townshipA).header("If-Match", villageAEtag).body(CLOSURE).post(villageA + "/close").then()
                .statusCode(403);
        as("inspector", h.townshipA).header("If-Match", villageAEtag).body(CLOSURE).post(villageA + "/close").then()
                .statusCode(403);
    }

    @Test
    void aVillageLiaisonEditsItsOwnReadinessOnly() {
        String own = "/units/" + h.id(h.villageA) + "/readiness";
        UnitsApi.recordLeaderAndLiaison(h.county, h.id(h.villageA)); // the profile's people items: version 2
        as("unit-liaison", h.villageA).header("If-Match", "\"2\"").body(completeReadiness()).put(own).then().statusCode(200)
                .body("complete", equalTo(true));
        // the neighbouring village lies outside the village's reach: missing
        String neighbour = "/units/" + h.id(h.villageB) + "/readiness";
        as("unit-liaison", h.villageA).header("If-Match", "\"0\"").body(completeReadiness()).put(neighbour).then()
                .statusCode(404).body("type", type("unit-not-found"));
        // so does its own township: a village's reach is the village, and the township is above it
        String township = "/units/" + h.id(h.townshipA) + "/readiness";
        as("unit-liaison", h.villageA).header("If-Match", "\"0\"").body(completeReadiness()).put(township).then()
                .statusCode(404).body("type", type("unit-not-found"));
        as("unit-leader", h.villageA).get(township).then().statusCode(404);
        // the township's liaison sees its village, but the village's profile is the village's to fill
        as("unit-liaison", h.townshipA).header("If-Match", "\"3\"").body(completeReadiness()).put(own).then()
                .statusCode(403).body("type", type("not-own-unit"));
        // the township's admin may, being above it
        Map<String, Object> withoutSignage = completeReadiness();
        withoutSignage.put("signage", false);
        admin(h.townshipA).header("If-Match", "\"3\"").body(withoutSignage).put(own).then().statusCode(200)
                .body("missing", equalTo(List.of("SIGNAGE")));
        admin(h.county).get(neighbour).then().header("ETag", equalTo("\"0\""));
        admin(h.county).get(township).then().header("ETag", equalTo("\"0\""));
    }

    @Test
    void aLeadUnitReadsItsMembersReadinessButCannotWriteIt() {
        String domain = domainOfCounty("RELIGIOUS_VENUES");
        String etag = admin(h.county).get("/domains/" + domain).then().statusCode(200).extract().header("ETag");
        Map<String, Object> update = new HashMap<>();
        update.put("names", Map.of("zh", "民族团结进步进宗教活动场所"));
        update.put("leadUnitId", h.id(h.organ));
        admin(h.county).header("If-Match", etag).body(update).put("/domains/" + domain).then().statusCode(200);
        admin(h.county).body(Map.of("unitId", h.id(h.temple))).post("/domains/" + domain + "/members").then()
                .statusCode(201);

        String temple = "/units/" + h.id(h.temple);
        as("unit-liaison", h.organ).get(temple + "/readiness").then().statusCode(200).body("unitCode", equalTo(h.temple));
        as("unit-leader", h.organ).get(temple).then().statusCode(200).body("code", equalTo(h.temple));
        as("unit-liaison", h.organ).get("/domains/" + domain + "/members").then().statusCode(200)
                .body("items.code", containsInAnyOrder(h.temple));
        // reading is all: the temple lies outside the department's reach, so a write finds nothing
        as("unit-liaison", h.organ).header("If-Match", "\"0\"").body(completeReadiness()).put(temple + "/readiness").then()
                .statusCode(404);
        admin(h.organ).header("If-Match", "\"0\"").body(completeReadiness()).put(temple + "/readiness").then()
                .statusCode(404);
        admin(h.organ).header("If-Match", "\"0\"").body(CLOSURE).post(temple + "/close").then().statusCode(404);
        // a non-member outside the lead's reach stays missing, and so does the tree around the member
        as("unit-liaison", h.organ).get("/units/" + h.id(h.villageB) + "/readiness").then().statusCode(404);
        as("unit-liaison", h.organ).get(temple + "/ancestors").then().statusCode(404);
        // another unit of the county reads no member across subtrees by the domain
        as("unit-liaison", h.school).get(temple + "/readiness").then().statusCode(404);
        as("unit-liaison", h.school).get("/domains/" + domain + "/members").then().statusCode(200).body("items", hasSize(0));
        admin(h.county).get(temple + "/readiness").then().header("ETag", equalTo("\"0\""));
    }

    @Test
    void theContractShowsTheRuleOfEachOperation() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> undocumented = new ArrayList<>();
        int secured = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!(((Object) operation.getValue()) instanceof Map<?, ?> op) || op.get("security") == null) {
                    continue;
                }
                secured++;
                Object description = op.get("description");
                if (description == null || !description.toString().contains("**Access.**")) {
                    undocumented.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertTrue(secured >= 20, "units-service's operations are secured: " + secured);
        assertEquals(List.of(), undocumented, "every secured operation states its access rule");
        String close = paths.get("/units/{id}/close").get("post").get("description").toString();
        assertTrue(close.contains("own-root-unit"), "closing states that nobody closes their own root: " + close);
        String readUnit = paths.get("/units/{id}").get("get").get("description").toString();
        assertTrue(readUnit.contains("lead unit"), "reading a unit states the domain lead's read: " + readUnit);
    }

    private static String domainOfCounty(String code) {
        List<Map<String, Object>> domains = admin(h.county).queryParam("owner", h.id(h.county)).get("/domains")
                .then().statusCode(200).extract().path("");
        return domains.stream().filter(d -> code.equals(d.get("code"))).map(d -> (String) d.get("id")).findFirst()
                .orElseThrow();
    }

    private static Matcher<String> type(String type) {
        return equalTo("/problems/" + type);
    }
}
