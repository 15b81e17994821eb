package org.tuanjie.units.dossier;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.units.UnitsApi.activity;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.creditCode;
import static org.tuanjie.units.UnitsApi.document;
import static org.tuanjie.units.UnitsApi.fileActivity;
import static org.tuanjie.units.UnitsApi.fileDocument;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.Hierarchy;

/**
 * Lists of a unit's dossier and of its subtree's, counts per indicator, and the phones' delta sync.
 */
@QuarkusTest
class DossierListApiTest {

    private static Hierarchy h;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("72");
        }
    }

    @Test
    void pagesOfADossierNeitherRepeatNorSkipNorReorderEntries() {
        String unit = h.id(h.school);
        List<String> dates = List.of("2026-03-01", "2026-05-12", "2026-05-12", "2026-05-12", "2026-01-20", "2026-09-09",
                "2026-05-12");
        List<Filed> filed = new ArrayList<>();
        for (String date : dates) {
            filed.add(new Filed(fileActivity("unit-liaison", h.school, unit, activity("PUBLICITY", "宣传 " + date, date, "5.1")),
                    date));
        }
        // newest first, and among one day's entries by id, descending (as PostgreSQL orders uuids: by their text)
        List<String> expected = filed.stream().sorted(Comparator.comparing(Filed::date).thenComparing(Filed::id).reversed())
                .map(Filed::id).toList();

        List<String> seen = new ArrayList<>();
        String next = "/units/" + unit + "/dossier?limit=3";
        int pages = 0;
        while (next != null) {
            Response page = as("auditor", h.county).get(next.replaceFirst("^https?://[^/]+", ""));
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            String link = page.header("Link");
            String cursor = page.path("next");
            assertEquals(link == null, cursor == null, "the Link header and `next` come together");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(expected, seen);
        as("auditor", h.county).queryParam("limit", 2).queryParam("cursor", "not-a-cursor").get("/units/" + unit + "/dossier")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void filtersCombineOverAUnitOrItsSubtree() {
        String townshipB = h.id(h.townshipB);
        String meeting = fileActivity("unit-liaison", h.townshipB, townshipB,
                activity("PROMOTION_MEETING", "全镇创建推进会", "2026-04-10", "2.1", "2.2"));
        String doc = fileDocument("unit-liaison", h.townshipB, townshipB,
                document("奔委发〔2026〕5号", "工作方案", "2026-02-01", "2.1"));
        String villageTraining = fileActivity("unit-liaison", h.villageB, h.id(h.villageB),
                activity("TRAINING", "村级培训", "2026-06-01", "4.2"));
        String templeShowcase = fileActivity("unit-liaison", h.temple, h.id(h.temple),
                activity("SHOWCASE", "寺庙双语标识观摩", "2025-11-11", "2.2"));
        String list = "/units/" + townshipB + "/dossier";

        as("auditor", h.townshipB).get(list).then().statusCode(200).body("items.id", contains(meeting, doc));
        as("auditor", h.townshipB).queryParam("subtree", true).get(list).then()
                .body("items.id", contains(villageTraining, meeting, doc, templeShowcase));
        as("auditor", h.townshipB).queryParam("subtree", true).queryParam("kind", "DOCUMENT").queryParam("kind", "TRAINING")
                .get(list).then().body("items.id", contains(villageTraining, doc))
                .body("items.find { it.kind == 'DOCUMENT' }.number", equalTo("奔委发〔2026〕5号"))
                .body("items.find { it.kind == 'TRAINING' }.number", nullValue());
        as("auditor", h.townshipB).queryParam("subtree", true).queryParam("indicator", "2.2").get(list).then()
                .body("items.id", contains(meeting, templeShowcase));
        as("auditor", h.townshipB).queryParam("subtree", true).queryParam("from", "2026-01-01").queryParam("to", "2026-04-10")
                .get(list).then().body("items.id", contains(meeting, doc));
        as("auditor", h.townshipB).queryParam("from", "2026-05-01").queryParam("to", "2026-04-30").get(list).then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
        as("auditor", h.townshipB).queryParam("from", "2026-02-30").get(list).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as("auditor", h.townshipB).queryParam("kind", "BANNER").get(list).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        as("auditor", h.townshipB).queryParam("indicator", "2..2").get(list).then().statusCode(400);
    }

    @Test
    void countsActiveEntriesPerIndicatorAndKindForAUnitOrItsSubtree() {
        String townshipA = h.id(h.townshipA);
        String villageA = h.id(h.villageA);
        fileActivity("unit-liaison", h.townshipA, townshipA, activity("PUBLICITY", "宣传一", "2026-03-03", "3.1", "3.2"));
        fileActivity("unit-liaison", h.townshipA, townshipA, activity("PUBLICITY", "宣传二", "2026-07-03", "3.1"));
        fileActivity("unit-liaison", h.townshipA, townshipA, activity("PUBLICITY", "去年的宣传", "2025-12-31", "3.1"));
        fileDocument("unit-liaison", h.townshipA, townshipA, document("升委发〔2026〕2号", "领导小组", "2026-02-02", "1.1"));
        fileActivity("unit-liaison", h.villageA, villageA, activity("TRAINING", "村培训", "2026-05-05", "3.2"));
        String withdrawn = fileActivity("unit-liaison", h.villageA, villageA, activity("PUBLICITY", "撤回的", "2026-05-06", "3.1"));
        as("unit-liaison", h.villageA).header("If-Match", "\"0\"").body(Map.of("reason", "录错单位"))
                .post("/activities/" + withdrawn + "/withdraw").then().statusCode(200);
        String counts = "/units/" + townshipA + "/dossier/counts";

        as("inspector", h.county).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31").get(counts).then()
                .statusCode(200).body("unitCode", equalTo(h.townshipA)).body("subtree", equalTo(false))
                .body("from", equalTo("2026-01-01")).body("total", equalTo(3))
                .body("byKind", equalTo(Map.of("PUBLICITY", 2, "DOCUMENT", 1)))
                .body("indicators.code", contains("1.1", "3.1", "3.2"))
                .body("indicators.find { it.code == '3.1' }.total", equalTo(2))
                .body("indicators.find { it.code == '3.2' }.byKind", equalTo(Map.of("PUBLICITY", 1)));
        as("inspector", h.county).queryParam("subtree", true).queryParam("from", "2026-01-01").get(counts).then()
                .body("total", equalTo(4))
                .body("byKind", equalTo(Map.of("PUBLICITY", 2, "TRAINING", 1, "DOCUMENT", 1)))
                .body("indicators.find { it.code == '3.2' }.byKind", equalTo(Map.of("PUBLICITY", 1, "TRAINING", 1)))
                .body("indicators.find { it.code == '3.1' }.total", equalTo(2));
        // the number the agreements' "n publicity activities on file" target asks for
        as("admin", h.county).queryParam("kind", "PUBLICITY").queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get(counts).then().body("total", equalTo(2)).body("byKind", equalTo(Map.of("PUBLICITY", 2)));
        as("admin", h.county).queryParam("indicator", "3.2").queryParam("subtree", true).get(counts).then()
                .body("total", equalTo(2)).body("indicators.code", contains("3.2"));
        as("auditor", h.townshipB).get(counts).then().statusCode(404).body("type", equalTo("/problems/unit-not-found"));
    }

    @Test
    void aPhoneFollowsItsReachsDossierByCursorWithdrawalsIncluded() {
        String organ = h.id(h.organ);
        String cursor = drained("unit-liaison", h.organ);
        String filed = fileActivity("unit-liaison", h.organ, organ, activity("POLICY_STUDY", "中心组学习", "2026-08-01", "2.3"));
        String revised = fileActivity("unit-liaison", h.organ, organ, activity("TRAINING", "培训", "2026-08-02", "2.3"));
        as("unit-liaison", h.organ).header("If-Match", "\"0\"").body(activity("TRAINING", "全员培训", "2026-08-02", "2.3"))
                .put("/activities/" + revised).then().statusCode(200);
        fileActivity("unit-liaison", h.school, h.id(h.school), activity("PUBLICITY", "别处的", "2026-08-03", "2.3"));

        Response changes = as("unit-liaison", h.organ).queryParam("cursor", cursor).get("/dossier/changes");
        changes.then().statusCode(200).body("items.id", contains(filed, revised)).body("more", equalTo(false))
                .body("items.find { it.id == '" + revised + "' }.title", equalTo("全员培训"))
                .body("items.find { it.id == '" + revised + "' }.version", equalTo(1));
        cursor = changes.path("cursor");
        as("unit-liaison", h.organ).queryParam("cursor", cursor).get("/dossier/changes").then()
                .body("items", hasSize(0)).body("cursor", equalTo(cursor));

        as("unit-liaison", h.organ).header("If-Match", "\"0\"").body(Map.of("reason", "并入全员培训"))
                .post("/activities/" + filed + "/withdraw").then().statusCode(200);
        as("unit-liaison", h.organ).queryParam("cursor", cursor).get("/dossier/changes").then()
                .body("items.id", contains(filed)).body("items[0].status", equalTo("WITHDRAWN"))
                .body("items[0].withdrawal.reason", equalTo("并入全员培训"));
        as("unit-liaison", h.organ).queryParam("cursor", "djE").get("/dossier/changes").then().statusCode(400);
    }

    @Test
    void aMovedUnitsDossierLeavesOnePhoneAndReachesAnother() {
        String code = creditCode("12723422MB0000009");
        String school = UnitsApiMoves.newSchool(h, code, h.townshipA, "搬迁小学");
        String entry = fileActivity("unit-liaison", code, school, activity("PUBLICITY", "搬迁前的宣传", "2026-02-02", "3.1"));
        String cursorA = drained("unit-liaison", h.townshipA);
        String cursorB = drained("unit-liaison", h.townshipB);

        UnitsApiMoves.move(h, school, h.townshipB);

        Response left = as("unit-liaison", h.townshipA).queryParam("cursor", cursorA).get("/dossier/changes");
        left.then().statusCode(200).body("items.id", not(hasItem(entry))).body("removedUnits", contains(school));
        as("unit-liaison", h.townshipA).get("/activities/" + entry).then().statusCode(404);
        // township B had never seen the entry: it comes as news, unchanged (its version is still 0)
        as("unit-liaison", h.townshipB).queryParam("cursor", cursorB).get("/dossier/changes").then().statusCode(200)
                .body("items.id", contains(entry)).body("items[0].version", equalTo(0)).body("removedUnits", hasSize(0));
        as("unit-liaison", h.townshipB).get("/activities/" + entry).then().statusCode(200).header("ETag", equalTo("\"0\""));
    }

    /** Follows the changes from the start to the end, as a first sync does; returns where it ended. */
    private static String drained(String role, String unitCode) {
        String cursor = null;
        HashSet<String> ids = new HashSet<>();
        boolean more = true;
        while (more) {
            var request = as(role, unitCode).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response r = request.get("/dossier/changes");
            r.then().statusCode(200);
            List<String> batch = r.path("items.id");
            assertTrue(batch.stream().allMatch(ids::add), "a change is delivered once");
            cursor = r.path("cursor");
            more = r.path("more");
        }
        assertNotNull(cursor);
        assertFalse(cursor.isEmpty());
        return cursor;
    }

    private record Filed(String id, String date) {
    }
}
