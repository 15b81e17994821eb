package org.tuanjie.units.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.create;
import static org.tuanjie.units.UnitsApi.creditCode;
import static org.tuanjie.units.UnitsApi.etag;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.Hierarchy;

/**
 * A unit's life as other platforms are told it: created, renamed, moved, closed, reopened, each once, in order. The
 * township a unit leaves learns that it left; what happened before the move stays with the old township.
 */
@QuarkusTest
class UnitEventsTest {

    private static Hierarchy h;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("48");
        }
    }

    private static List<Object> types(String role, String unitCode, String unitId) {
        return events(role, unitCode, unitId).stream().map(e -> e.get("type")).toList();
    }

    private static List<Map<String, Object>> events(String role, String unitCode, String unitId) {
        return as(role, unitCode).queryParam("limit", 500).get("/units/events").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(e -> ("units/" + unitId).equals(e.get("subject"))).toList();
    }

    @Test
    void aUnitsLifeIsToldInOrderAndEachTownshipHearsItsPart() {
        String code = creditCode("12" + h.county.substring(0, 6) + "MB0000009");
        String id = create(h.county, code, "SCHOOL", h.id(h.townshipA), "升平镇第二小学");
        String path = "/units/" + id;
        admin(h.county).header("If-Match", etag("admin", h.county, path)).body(Map.of("names", Map.of("zh", "升平镇希望小学")))
                .put(path).then().statusCode(200);
        admin(h.county).header("If-Match", etag("admin", h.county, path)).body(Map.of("parentId", h.id(h.townshipB)))
                .post(path + "/move").then().statusCode(200);
        admin(h.county).header("If-Match", etag("admin", h.county, path))
                .body(Map.of("endDate", "2026-12-31", "reason", "撤并")).post(path + "/close").then().statusCode(200);
        admin(h.county).header("If-Match", etag("admin", h.county, path)).body(Map.of("reason", "恢复"))
                .post(path + "/reopen").then().statusCode(200);

        String prefix = "org.tuanjie.unit.";
        assertEquals(List.of(prefix + "created", prefix + "renamed", prefix + "moved", prefix + "closed", prefix + "reopened"),
                types("auditor", h.county, id));
        // each event tells the version the change made: what a subscriber sends back as If-Match
        assertEquals(List.of(0, 1, 2, 3, 4), events("auditor", h.county, id).stream()
                .map(e -> ((Map<?, ?>) e.get("data")).get("version")).toList());
        assertEquals(List.of(prefix + "created", prefix + "renamed", prefix + "moved"), types("auditor", h.townshipA, id),
                "the township it left: until it left, and that it left");
        assertEquals(List.of(prefix + "moved", prefix + "closed", prefix + "reopened"), types("integration", h.townshipB, id),
                "the township it joined: from its arrival");
        assertTrue(types("auditor", h.villageA, id).isEmpty());
        as("unit-liaison", h.county).get("/units/events").then().statusCode(403);
    }

    /** Subscribing is for the office and other platforms; oversight looks; a subscription is seen within the reach of its scope. */
    @Test
    void theOfficeAndPlatformsSubscribeToUnitEventsAndOthersDoNot() {
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/hook", "types", List.of("org.tuanjie.unit.moved"));
        for (String role : List.of("inspector", "unit-liaison", "unit-leader", "auditor")) {
            as(role, h.county).body(body).post("/units/webhooks").then().statusCode(403);
        }
        String id = as("integration", h.townshipA).body(body).post("/units/webhooks").then().statusCode(201)
                .extract().path("id");
        as("auditor", h.county).get("/units/webhooks/" + id).then().statusCode(200);
        as("admin", h.townshipB).get("/units/webhooks/" + id).then().statusCode(404);
        as("auditor", h.townshipA).delete("/units/webhooks/" + id).then().statusCode(403);
        admin(h.county).delete("/units/webhooks/" + id).then().statusCode(204);
    }
}
