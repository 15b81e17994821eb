package org.tuanjie.units.sync;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.create;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.Hierarchy;

@QuarkusTest
class UnitSyncApiTest {

    @Test
    void aPhoneFollowsItsSubtreeByCursorIncludingClosures() {
        Hierarchy h = new Hierarchy("35");
        // first sync of township A's phone: everything in its subtree, in pages
        Synced first = follow("unit-liaison", h.townshipA, 2);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(h.townshipA, h.villageA, h.school).stream().sorted().toList(),
                first.codes().stream().sorted().toList());
        String cursor = first.cursor();

        // nothing new: empty batch, same position
        as("unit-liaison", h.townshipA).queryParam("cursor", cursor).get("/units/changes").then().statusCode(200)
                .body("items", hasSize(0)).body("cursor", equalTo(cursor)).body("more", equalTo(false));

        // a new village, a rename, a closure and a change elsewhere
        String village = create(h.province, "353422100002", "VILLAGE", h.id(h.townshipA), "新村");
        admin(h.province).header("If-Match", "\"0\"").body(Map.of("names", Map.of("zh", "中心小学")))
                .put("/units/" + h.id(h.school)).then().statusCode(200);
        admin(h.province).header("If-Match", "\"0\"").body(Map.of("endDate", "2026-11-30", "reason", "合并"))
                .post("/units/" + village + "/close").then().statusCode(200);
        create(h.province, "353422101002", "VILLAGE", h.id(h.townshipB), "别处的村");

        as("unit-liaison", h.townshipA).queryParam("cursor", cursor).get("/units/changes").then().statusCode(200)
                .body("items.code", hasItems("353422100002", h.school))
                .body("items.code", not(hasItem("353422101002")))
                .body("items", hasSize(2))
                .body("items.find { it.code == '353422100002' }.status", equalTo("CLOSED"));
    }

    @Test
    void aUnitMovedOutOfASubtreeIsRemovedFromThatSubtreesPhones() {
        Hierarchy h = new Hierarchy("37");
        String school = h.id(h.school);
        String cursorA = follow("unit-liaison", h.townshipA, 500).cursor();
        String cursorB = follow("unit-liaison", h.townshipB, 500).cursor();
        String cursorCounty = follow("admin", h.county, 500).cursor();

        String etag = admin(h.province).get("/units/" + school).header("ETag");
        admin(h.province).header("If-Match", etag).body(Map.of("parentId", h.id(h.townshipB)))
                .post("/units/" + school + "/move").then().statusCode(200);

        // township A can no longer read the school: it comes as removed
        Response left = as("unit-liaison", h.townshipA).queryParam("cursor", cursorA).get("/units/changes");
        left.then().statusCode(200).body("items", hasSize(0)).body("removed", contains(school));
        as("unit-liaison", h.townshipA).get("/units/" + school).then().statusCode(404);
        // township B gets it with its new path; the county saw a move inside itself: a change only
        as("unit-liaison", h.townshipB).queryParam("cursor", cursorB).get("/units/changes").then().statusCode(200)
                .body("items.code", contains(h.school)).body("removed", hasSize(0))
                .body("items[0].path", contains(h.province, h.prefecture, h.county, h.townshipB, h.school));
        as("admin", h.county).queryParam("cursor", cursorCounty).get("/units/changes").then().statusCode(200)
                .body("items.code", contains(h.school)).body("removed", hasSize(0));

        // moved back: township A reads it again, as a change, and the earlier departure is not repeated
        etag = admin(h.province).get("/units/" + school).header("ETag");
        admin(h.province).header("If-Match", etag).body(Map.of("parentId", h.id(h.townshipA)))
                .post("/units/" + school + "/move").then().statusCode(200);
        as("unit-liaison", h.townshipA).queryParam("cursor", left.<String>path("cursor")).get("/units/changes").then()
                .statusCode(200).body("items.code", contains(h.school)).body("removed", hasSize(0));
        as("unit-liaison", h.townshipA).queryParam("cursor", cursorA).get("/units/changes").then()
                .statusCode(200).body("items.code", contains(h.school)).body("removed", hasSize(0));
    }

    private record Synced(List<String> codes, String cursor) {
    }

    /** A first sync, page by page to the end: the codes seen and the cursor to keep. */
    private static Synced follow(String role, String unitCode, int limit) {
        List<String> codes = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            var request = as(role, unitCode).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/units/changes");
            page.then().statusCode(200);
            codes.addAll(page.path("items.code"));
            cursor = page.path("cursor");
            more = page.path("more");
        }
        return new Synced(codes, cursor);
    }

    @Test
    void aForgedCursorIsRefused() {
        admin("350000000000").queryParam("cursor", "djE").get("/units/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }
}
