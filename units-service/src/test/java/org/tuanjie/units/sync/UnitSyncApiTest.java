package org.tuanjie.units.sync;

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
        List<String> seen = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            var request = as("unit-liaison", h.townshipA).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/units/changes");
            page.then().statusCode(200);
            seen.addAll(page.path("items.code"));
            cursor = page.path("cursor");
            more = page.path("more");
        }
        org.junit.jupiter.api.Assertions.assertEquals(List.of(h.townshipA, h.villageA, h.school).stream().sorted().toList(),
                seen.stream().sorted().toList());

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
    void aForgedCursorIsRefused() {
        admin("350000000000").queryParam("cursor", "djE").get("/units/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }
}
