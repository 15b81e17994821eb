package org.tuanjie.units.unit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.create;
import static org.tuanjie.units.UnitsApi.etag;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.Hierarchy;

/**
 * Closing, moving, renaming and reopening a unit are acts of the level above it: nobody performs them
 * on the unit at their own root (the unit of their token's unit_code), and outside the reach a unit is missing.
 */
@QuarkusTest
class LevelAboveApiTest {

    private static final Map<String, Object> CLOSURE = Map.of("endDate", "2026-12-31", "reason", "撤乡并镇");
    private static Hierarchy h;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("41");
        }
    }

    @Test
    void aTownshipAdminCannotCloseRenameOrMoveItsOwnTownship() {
        // a township without children: closing it would succeed but for the rule
        String township = create(h.province, "413422102000", "TOWNSHIP", h.id(h.county), "拖顶乡");
        String path = "/units/" + township;
        String etag = etag("admin", h.county, path);
        admin("413422102000").header("If-Match", etag).body(CLOSURE).post(path + "/close").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", type("own-root-unit"))
                .body("title", equalTo("不能管理本级单位"))
                .body("detail", containsString("413422102000"))
                .body("instance", equalTo(path + "/close"));
        admin("413422102000").header("If-Match", etag).header("Accept-Language", "en")
                .body(Map.of("names", Map.of("zh", "拖顶傈僳族乡"))).put(path).then().statusCode(403)
                .body("type", type("own-root-unit"))
                .body("title", equalTo("Your own root unit"))
                .body("detail", containsString("level above"));
        admin("413422102000").header("If-Match", etag).body(Map.of("parentId", h.id(h.county)))
                .post(path + "/move").then().statusCode(403).body("type", type("own-root-unit"));
        admin(h.county).get(path).then().statusCode(200)
                .header("ETag", equalTo(etag))
                .body("status", equalTo("OPEN"))
                .body("closedOn", nullValue())
                .body("names.zh", equalTo("拖顶乡"))
                .body("parentId", equalTo(h.id(h.county)));
        admin(h.county).get(path + "/history").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aTownshipAdminCannotMoveItsTownshipWithItsVillages() {
        String townshipA = "/units/" + h.id(h.townshipA);
        String townshipEtag = etag("admin", h.county, townshipA);
        String villageEtag = etag("admin", h.county, "/units/" + h.id(h.villageA));
        admin(h.townshipA).header("If-Match", townshipEtag).body(Map.of("parentId", h.id(h.county)))
                .post(townshipA + "/move").then().statusCode(403).body("type", type("own-root-unit"));
        admin(h.county).get(townshipA).then().header("ETag", equalTo(townshipEtag))
                .body("path", contains(h.province, h.prefecture, h.county, h.townshipA));
        // nothing under it was re-rooted either
        admin(h.county).get("/units/" + h.id(h.villageA)).then().header("ETag", equalTo(villageEtag));
    }

    @Test
    void aDepartmentAdminCannotMoveItsDepartmentButTheCountyCan() {
        String organ = "/units/" + h.id(h.organ);
        String etag = etag("admin", h.county, organ);
        admin(h.organ).header("If-Match", etag).body(Map.of("parentId", h.id(h.townshipB)))
                .post(organ + "/move").then().statusCode(403).body("type", type("own-root-unit"));
        admin(h.county).get(organ).then().header("ETag", equalTo(etag)).body("parentId", equalTo(h.id(h.county)));
        admin(h.county).header("If-Match", etag).body(Map.of("parentId", h.id(h.townshipB)))
                .post(organ + "/move").then().statusCode(200).body("parentId", equalTo(h.id(h.townshipB)));
        String moved = etag("admin", h.county, organ);
        admin(h.county).header("If-Match", moved).body(Map.of("parentId", h.id(h.county)))
                .post(organ + "/move").then().statusCode(200).body("parentId", equalTo(h.id(h.county)));
    }

    @Test
    void theCountyClosesAndReopensATownshipWithBothReasonsOnItsHistory() {
        String township = create(h.province, "413422103000", "TOWNSHIP", h.id(h.county), "羊拉乡");
        String path = "/units/" + township;
        admin(h.county).header("If-Match", "\"0\"").body(CLOSURE).post(path + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closeReason", equalTo("撤乡并镇"))
                .header("ETag", equalTo("\"1\""));
        // the township's own office still reads it, but undoing its closing is not theirs either
        admin("413422103000").header("If-Match", "\"1\"").body(Map.of("reason", "我们不同意撤并")).post(path + "/reopen")
                .then().statusCode(403).body("type", type("own-root-unit"));
        admin(h.county).get(path).then().body("status", equalTo("CLOSED")).header("ETag", equalTo("\"1\""));

        admin(h.county).body(Map.of("reason", "撤并方案撤回")).post(path + "/reopen").then().statusCode(428);
        admin(h.county).header("If-Match", "\"1\"").body(Map.of("reason", " ")).post(path + "/reopen").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        admin(h.county).header("If-Match", "\"1\"").body(Map.of()).post(path + "/reopen").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        admin(h.county).header("If-Match", "\"1\"").body(Map.of("reason", "撤并方案经县政府复议撤回")).post(path + "/reopen")
                .then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("status", equalTo("OPEN"))
                .body("closedOn", nullValue())
                .body("closeReason", nullValue())
                .body("updatedBy", equalTo("user-admin-" + h.county));
        admin(h.county).get(path).then().body("status", equalTo("OPEN"));
        admin(h.county).queryParam("q", "羊拉乡").get("/units").then().body("items.id", contains(township));
        admin("413422103000").get(path + "/history").then().statusCode(200)
                .body("change", contains("CLOSED", "REOPENED"))
                .body("reason", contains("撤乡并镇", "撤并方案经县政府复议撤回"))
                .body("effectiveOn", contains("2026-12-31", null))
                .body("recordedBy", contains("user-admin-" + h.county, "user-admin-" + h.county))
                .body("recordedAt", everyItem(notNullValue()));
        // open again: it takes children, and a second reopening has nothing to undo
        create(h.county, "413422103001", "VILLAGE", township, "羊拉村");
        admin(h.county).header("If-Match", "\"2\"").body(Map.of("reason", "再复设")).post(path + "/reopen").then()
                .statusCode(409).body("type", type("unit-not-closed"));
        admin(h.county).header("If-Match", "\"2\"").header("Accept-Language", "en").body(Map.of("reason", "again"))
                .post(path + "/reopen").then().statusCode(409).body("title", equalTo("Unit not closed"));
    }

    @Test
    void aTownshipClosesAndReopensItsVillagesButNotUnderAClosedTownship() {
        String township = create(h.province, "413422104000", "TOWNSHIP", h.id(h.county), "云岭乡");
        String village = create(h.province, "413422104001", "VILLAGE", township, "雨崩村");
        String villagePath = "/units/" + village;
        admin("413422104000").header("If-Match", "\"0\"").body(CLOSURE).post(villagePath + "/close").then()
                .statusCode(200).body("status", equalTo("CLOSED"));
        admin(h.county).header("If-Match", "\"0\"").body(CLOSURE).post("/units/" + township + "/close").then()
                .statusCode(200);
        admin("413422104000").header("If-Match", "\"1\"").body(Map.of("reason", "村民要求恢复")).post(villagePath + "/reopen")
                .then().statusCode(409).body("type", type("unit-closed"));
        admin(h.county).header("If-Match", "\"1\"").body(Map.of("reason", "撤并撤回")).post("/units/" + township + "/reopen")
                .then().statusCode(200);
        admin("413422104000").header("If-Match", "\"1\"").body(Map.of("reason", "村民要求恢复")).post(villagePath + "/reopen")
                .then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void aVillageCannotCloseItself() {
        String village = "/units/" + h.id(h.villageB);
        String etag = etag("admin", h.county, village);
        as("unit-liaison", h.villageB).header("If-Match", etag).body(CLOSURE).post(village + "/close").then()
                .statusCode(403).contentType("application/problem+json");
        as("unit-leader", h.villageB).header("If-Match", etag).body(CLOSURE).post(village + "/close").then()
                .statusCode(403);
        admin(h.villageB).header("If-Match", etag).body(CLOSURE).post(village + "/close").then()
                .statusCode(403).body("type", type("own-root-unit"));
        admin(h.villageB).header("If-Match", etag).body(Map.of("names", Map.of("zh", "自改名村"))).put(village).then()
                .statusCode(403).body("type", type("own-root-unit"));
        admin(h.county).get(village).then().header("ETag", equalTo(etag)).body("status", equalTo("OPEN"))
                .body("names.zh", equalTo("书松村"));
    }

    @Test
    void outsideTheReachTheseActsStayNotFound() {
        String townshipA = "/units/" + h.id(h.townshipA);
        String etag = etag("admin", h.county, townshipA);
        admin(h.townshipB).header("If-Match", etag).body(CLOSURE).post(townshipA + "/close").then().statusCode(404)
                .body("type", type("unit-not-found"));
        admin(h.townshipB).header("If-Match", etag).body(Map.of("reason", "越界")).post(townshipA + "/reopen").then()
                .statusCode(404);
        admin(h.townshipB).header("If-Match", etag).body(Map.of("parentId", h.id(h.townshipB)))
                .post("/units/" + h.id(h.villageA) + "/move").then().statusCode(404);
        admin(h.townshipB).get(townshipA + "/history").then().statusCode(404);
        admin(h.county).get(townshipA).then().header("ETag", equalTo(etag));
    }

    private static Matcher<String> type(String type) {
        return equalTo("/problems/" + type);
    }
}
