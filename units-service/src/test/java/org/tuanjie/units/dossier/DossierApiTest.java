package org.tuanjie.units.dossier;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tuanjie.units.UnitsApi.activity;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.create;
import static org.tuanjie.units.UnitsApi.document;
import static org.tuanjie.units.UnitsApi.fileActivity;
import static org.tuanjie.units.UnitsApi.fileDocument;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.Hierarchy;

/**
 * Filing, reading, revising and withdrawing activities and documents of a unit's dossier (创建档案), through the
 * API as the unit's own liaison files them, with what is stored read back.
 */
@QuarkusTest
class DossierApiTest {

    private static Hierarchy h;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("71");
        }
    }

    @Test
    void aLiaisonFilesAnActivityOfItsUnitAndReadsItBack() {
        Map<String, Object> body = activity("PUBLICITY", "民族团结进步宣传月启动仪式", "2026-05-12", "a2.1", "3.2.1", "A2.1");
        Response filed = as("unit-liaison", h.villageA).body(body).post("/units/" + h.id(h.villageA) + "/dossier/activities");
        filed.then().statusCode(201).header("ETag", equalTo("\"0\""))
                .body("kind", equalTo("PUBLICITY")).body("unitCode", equalTo(h.villageA)).body("unitName", equalTo("阿东村"))
                .body("indicatorCodes", contains("A2.1", "3.2.1")) // capitals, each once, in the order given
                .body("status", equalTo("ACTIVE")).body("withdrawal", nullValue())
                .body("createdBy", equalTo("user-unit-liaison-" + h.villageA));
        String id = filed.path("id");
        assertEquals("/activities/" + id, java.net.URI.create(filed.header("Location")).getPath());

        as("auditor", h.county).get("/activities/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("title", equalTo("民族团结进步宣传月启动仪式")).body("date", equalTo("2026-05-12"))
                .body("place", equalTo("村委会会议室")).body("attendees", equalTo(45))
                .body("summary", equalTo("宣讲党的民族政策，发放双语宣传册"))
                .body("indicatorCodes", contains("A2.1", "3.2.1")).body("unitId", equalTo(h.id(h.villageA)));
        as("unit-leader", h.villageA).get("/units/" + h.id(h.villageA) + "/dossier").then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].kind", equalTo("PUBLICITY"));
    }

    @Test
    void invalidFilingsAreFieldErrorsAndStoreNothing() {
        String path = "/units/" + h.id(h.school) + "/dossier/activities";
        Map<String, Object> bad = activity("PARADE", " ", "2026-05-12", "3..2");
        bad.put("attendees", -3);
        as("unit-liaison", h.school).body(bad).post(path).then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("errors.field", hasItem("kind"));
        Map<String, Object> invalid = activity("TRAINING", " ", "2026-05-12", "3..2", "x-1");
        invalid.put("attendees", -3);
        as("unit-liaison", h.school).body(invalid).post(path).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("title", "attendees", "indicatorCodes[0]", "indicatorCodes[1]"));
        as("unit-liaison", h.school).body(activity("TRAINING", "培训", "2026-05-12")).post(path).then().statusCode(400)
                .body("errors.field", contains("indicatorCodes"));
        as("unit-liaison", h.school).body(activity("TRAINING", "培训", "2026-05-12", "1", "2", "3", "4", "5", "6", "7", "8",
                "9", "10", "11")).post(path).then().statusCode(400).body("errors.field", contains("indicatorCodes"));
        // the dossier records what happened: a day after today is a plan
        as("unit-liaison", h.school).body(activity("TRAINING", "培训", "2999-01-01", "4.2")).post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("date"));
        as("unit-liaison", h.school).header("Accept-Language", "en")
                .body(document("", "通知", "2026-03-01", "1.1")).post("/units/" + h.id(h.school) + "/dossier/documents")
                .then().statusCode(400).body("errors.field", contains("number")).body("title", equalTo("Invalid request"));
        admin(h.county).queryParam("status", "ALL").get("/units/" + h.id(h.school) + "/dossier").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void aRevisionNeedsTheVersionItWasMadeAgainst() {
        String id = fileActivity("unit-liaison", h.villageB, h.id(h.villageB),
                activity("TRAINING", "村级联络员培训", "2026-06-18", "4.2"));
        Map<String, Object> revised = activity("POLICY_STUDY", "村两委民族政策学习", "2026-06-19", "4.2", "4.3");
        revised.put("attendees", 12);
        as("unit-leader", h.villageB).body(revised).put("/activities/" + id).then().statusCode(428);
        as("unit-leader", h.villageB).header("If-Match", "\"0\"").body(revised).put("/activities/" + id).then()
                .statusCode(200).header("ETag", equalTo("\"1\"")).body("kind", equalTo("POLICY_STUDY"))
                .body("updatedBy", equalTo("user-unit-leader-" + h.villageB));
        // a second clerk still holding version 0 does not overwrite the revision
        as("unit-liaison", h.villageB).header("If-Match", "\"0\"")
                .body(activity("SHOWCASE", "观摩", "2026-06-20", "9.9")).put("/activities/" + id).then().statusCode(412)
                .body("type", type("precondition-failed"));
        as("auditor", h.county).get("/activities/" + id).then().header("ETag", equalTo("\"1\""))
                .body("title", equalTo("村两委民族政策学习")).body("attendees", equalTo(12))
                .body("indicatorCodes", contains("4.2", "4.3")).body("date", equalTo("2026-06-19"));
    }

    @Test
    void aWithdrawnEntryStaysReadableChangesNoMoreAndLeavesTheLists() {
        String unit = h.id(h.temple);
        String id = fileActivity("unit-liaison", h.temple, unit, activity("SHOWCASE", "双语标识观摩", "2026-04-01", "6.1"));
        String other = fileActivity("unit-liaison", h.temple, unit, activity("PUBLICITY", "横幅宣传", "2026-04-02", "6.1"));
        as("unit-liaison", h.temple).header("If-Match", "\"0\"").body(Map.of("reason", " ")).post("/activities/" + id + "/withdraw")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as("unit-liaison", h.temple).header("If-Match", "\"0\"").body(Map.of("reason", "重复录入"))
                .post("/activities/" + id + "/withdraw").then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("WITHDRAWN")).body("withdrawal.reason", equalTo("重复录入"))
                .body("withdrawal.by", equalTo("user-unit-liaison-" + h.temple))
                .body("withdrawal.at", not(emptyOrNullString()));
        as("unit-liaison", h.temple).header("If-Match", "\"1\"").body(activity("SHOWCASE", "改", "2026-04-01", "6.1"))
                .put("/activities/" + id).then().statusCode(409).body("type", type("dossier-entry-withdrawn"));
        as("unit-liaison", h.temple).header("If-Match", "\"1\"").body(Map.of("reason", "再撤"))
                .post("/activities/" + id + "/withdraw").then().statusCode(409).body("type", type("dossier-entry-withdrawn"));
        as("auditor", h.county).get("/activities/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("withdrawal.reason", equalTo("重复录入")).body("title", equalTo("双语标识观摩"));
        String list = "/units/" + unit + "/dossier";
        as("auditor", h.county).get(list).then().body("items.id", contains(other));
        as("auditor", h.county).queryParam("status", "WITHDRAWN").get(list).then().body("items.id", contains(id));
        as("auditor", h.county).queryParam("status", "ALL").get(list).then().body("items.id", contains(other, id));
        as("auditor", h.county).get(list + "/counts").then().statusCode(200).body("total", equalTo(1))
                .body("byKind", equalTo(Map.of("PUBLICITY", 1)));
    }

    @Test
    void aUnitFilesADocumentNumberOnceWhileItIsOnFile() {
        String unit = h.id(h.townshipB);
        String first = fileDocument("unit-liaison", h.townshipB, unit,
                document("奔委发〔2026〕3号", "关于成立民族团结进步创建工作领导小组的通知", "2026-03-01", "1.1"));
        as("auditor", h.county).get("/documents/" + first).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("number", equalTo("奔委发〔2026〕3号")).body("issuer", equalTo("中共德钦县委办公室"))
                .body("date", equalTo("2026-03-01")).body("unitCode", equalTo(h.townshipB));
        as("unit-liaison", h.townshipB).body(document("奔委发〔2026〕3号", "同号文件", "2026-03-02", "1.1"))
                .post("/units/" + unit + "/dossier/documents").then().statusCode(409).body("type", type("document-number-taken"));
        // the same number in another unit's dossier is another filing of it, and an activity is no document
        fileDocument("admin", h.county, h.id(h.villageB), document("奔委发〔2026〕3号", "转发", "2026-03-05", "1.1"));
        as("auditor", h.county).get("/activities/" + first).then().statusCode(404).body("type", type("dossier-entry-not-found"));
        as("auditor", h.county).get("/documents/" + UUID.randomUUID()).then().statusCode(404);
        // once withdrawn, the number may be filed again
        as("unit-liaison", h.townshipB).header("If-Match", "\"0\"").body(Map.of("reason", "文号录错"))
                .post("/documents/" + first + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        fileDocument("unit-liaison", h.townshipB, unit, document("奔委发〔2026〕3号", "关于成立领导小组的通知", "2026-03-01", "1.1"));
        as("auditor", h.county).queryParam("kind", "DOCUMENT").queryParam("status", "ALL").get("/units/" + unit + "/dossier")
                .then().body("items", hasSize(2)).body("items.number", contains("奔委发〔2026〕3号", "奔委发〔2026〕3号"));
    }

    @Test
    void anEntryBelongsOnlyToADomainWhoseJurisdictionHoldsItsUnit() {
        String schools = domainOfCounty("SCHOOLS");
        String path = "/units/" + h.id(h.school) + "/dossier/activities";
        Map<String, Object> body = activity("PUBLICITY", "民族团结进校园", "2026-09-01", "7.1");
        body.put("domainId", schools);
        String id = as("unit-liaison", h.school).body(body).post(path).then().statusCode(201)
                .body("domainId", equalTo(schools)).extract().path("id");
        as("auditor", h.county).queryParam("domain", schools).queryParam("subtree", true)
                .get("/units/" + h.id(h.county) + "/dossier").then().body("items.id", contains(id));
        // a domain nobody has, or one of another county, is unknown
        body.put("domainId", UUID.randomUUID().toString());
        as("unit-liaison", h.school).body(body).post(path).then().statusCode(400).body("errors[0].field", equalTo("domainId"));
        // a local domain of township B: unknown to township A's school, and, for the county's admin who sees it, not
        // one that holds the school
        String townshipDomain = admin(h.county).body(Map.of("ownerUnitId", h.id(h.townshipB), "code", "HERDERS",
                "names", Map.of("zh", "民族团结进步进牧场"))).post("/domains").then().statusCode(201).extract().path("id");
        body.put("domainId", townshipDomain);
        as("unit-liaison", h.school).body(body).post(path).then().statusCode(400).body("errors[0].field", equalTo("domainId"));
        admin(h.county).body(body).post(path).then().statusCode(422).body("type", type("domain-outside-owner"));
        as("auditor", h.county).queryParam("status", "ALL").get("/units/" + h.id(h.school) + "/dossier").then()
                .body("items.id", contains(id));
    }

    @Test
    void aRetriedFilingWithItsKeyIsFiledOnce() {
        String unit = h.id(h.organ);
        Map<String, Object> body = activity("PROMOTION_MEETING", "创建工作推进会", "2026-07-07", "2.1");
        String key = "dossier-" + UUID.randomUUID();
        Response first = as("unit-liaison", h.organ).header("Idempotency-Key", key).body(body)
                .post("/units/" + unit + "/dossier/activities");
        first.then().statusCode(201);
        Response retry = as("unit-liaison", h.organ).header("Idempotency-Key", key).body(body)
                .post("/units/" + unit + "/dossier/activities");
        retry.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .header("Location", endsWith("/activities/" + first.path("id")))
                .body("id", equalTo(first.<String>path("id")));
        as("unit-liaison", h.organ).header("Idempotency-Key", key).body(activity("TRAINING", "另一场", "2026-07-08", "2.1"))
                .post("/units/" + unit + "/dossier/activities").then().statusCode(422).body("type", type("idempotency-key-reused"));
        as("auditor", h.county).get("/units/" + unit + "/dossier").then().body("items", hasSize(1));
    }

    @Test
    void aClosedUnitFilesNothing() {
        String village = create(h.province, "713422100009", "VILLAGE", h.id(h.townshipA), "撤并村");
        admin(h.county).header("If-Match", "\"0\"").body(Map.of("endDate", "2026-10-31", "reason", "撤村并居"))
                .post("/units/" + village + "/close").then().statusCode(200);
        admin(h.county).body(activity("PUBLICITY", "宣传", "2026-10-01", "1.1"))
                .post("/units/" + village + "/dossier/activities").then().statusCode(409).body("type", type("unit-closed"));
    }

    @Test
    void theReadinessProfileShowsTheLinkedDocumentOfItsOwnDossier() {
        String unit = h.id(h.townshipA);
        String readiness = "/units/" + unit + "/readiness";
        Map<String, Object> typed = profile(null);
        typed.put("leadingGroupDocNo", "升委发〔2025〕1号");
        typed.put("leadingGroupDate", "2025-02-01");
        // the way before the dossier keeps working: a number and date typed in count
        admin(h.county).header("If-Match", "\"0\"").body(typed).put(readiness).then().statusCode(200)
                .body("leadingGroupDocNo", equalTo("升委发〔2025〕1号")).body("leadingGroupDocument", nullValue())
                .body("missing", not(hasItem("LEADING_GROUP")));

        String doc = fileDocument("unit-liaison", h.townshipA, unit,
                document("升委发〔2026〕7号", "关于调整民族团结进步创建工作领导小组的通知", "2026-03-01", "1.1"));
        as("unit-liaison", h.townshipA).header("If-Match", "\"1\"").body(profile(doc)).put(readiness).then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("leadingGroupDocNo", equalTo("升委发〔2026〕7号")).body("leadingGroupDate", equalTo("2026-03-01"))
                .body("leadingGroupDocument.id", equalTo(doc))
                .body("leadingGroupDocument.title", equalTo("关于调整民族团结进步创建工作领导小组的通知"))
                .body("missing", not(hasItem("LEADING_GROUP")));
        // a revised document shows in the profile; the profile's own version stays
        Map<String, Object> revised = document("升委发〔2026〕8号", "关于调整民族团结进步创建工作领导小组的通知", "2026-03-02", "1.1");
        as("unit-liaison", h.townshipA).header("If-Match", "\"0\"").body(revised).put("/documents/" + doc).then().statusCode(200);
        as("auditor", h.county).get(readiness).then().header("ETag", equalTo("\"2\""))
                .body("leadingGroupDocNo", equalTo("升委发〔2026〕8号")).body("leadingGroupDate", equalTo("2026-03-02"));
        as("auditor", h.county).queryParam("within", unit).queryParam("missing", "LEADING_GROUP").get("/readiness").then()
                .statusCode(200).body("items.unitCode", not(hasItem(h.townshipA)));
        as("auditor", h.county).queryParam("within", unit).get("/readiness").then()
                .body("items.find { it.unitCode == '" + h.townshipA + "' }.leadingGroupDocument.id", equalTo(doc));

        // what the profile builds on is not withdrawn from under it
        as("unit-liaison", h.townshipA).header("If-Match", "\"1\"").body(Map.of("reason", "改发新文"))
                .post("/documents/" + doc + "/withdraw").then().statusCode(409).body("type", type("document-in-use"));
        // a round trip of what the profile shows is accepted; a different typed number is not
        Map<String, Object> roundTrip = profile(doc);
        roundTrip.put("leadingGroupDocNo", "升委发〔2026〕8号");
        roundTrip.put("leadingGroupDate", "2026-03-02");
        // (nothing changed: the profile keeps its version)
        as("unit-liaison", h.townshipA).header("If-Match", "\"2\"").body(roundTrip).put(readiness).then().statusCode(200)
                .header("ETag", equalTo("\"2\""));
        roundTrip.put("leadingGroupDocNo", "升委发〔2026〕9号");
        as("unit-liaison", h.townshipA).header("If-Match", "\"2\"").body(roundTrip).put(readiness).then().statusCode(400)
                .body("errors[0].field", equalTo("leadingGroupDocNo"));

        // unlinked, typed again: the document may go
        as("unit-liaison", h.townshipA).header("If-Match", "\"2\"").body(typed).put(readiness).then().statusCode(200)
                .header("ETag", equalTo("\"3\""))
                .body("leadingGroupDocument", nullValue()).body("leadingGroupDocNo", equalTo("升委发〔2025〕1号"));
        as("unit-liaison", h.townshipA).header("If-Match", "\"1\"").body(Map.of("reason", "改发新文"))
                .post("/documents/" + doc + "/withdraw").then().statusCode(200);
        // a withdrawn document is not linked again
        as("unit-liaison", h.townshipA).header("If-Match", "\"3\"").body(profile(doc)).put(readiness).then().statusCode(422)
                .body("type", type("document-withdrawn"));
        as("auditor", h.county).get(readiness).then().header("ETag", equalTo("\"3\""))
                .body("leadingGroupDocNo", equalTo("升委发〔2025〕1号"));
    }

    @Test
    void aProfileLinksNoDocumentOfAnotherUnit() {
        String village = h.id(h.villageA);
        String townshipDoc = fileDocument("admin", h.county, h.id(h.townshipA),
                document("升委发〔2026〕11号", "乡镇领导小组文件", "2026-03-01", "1.1"));
        // the county's admin sees both, and still the township's document is not the village's
        admin(h.county).header("If-Match", "\"0\"").body(profile(townshipDoc)).put("/units/" + village + "/readiness").then()
                .statusCode(422).body("type", type("document-of-another-unit"));
        // the village's liaison does not even see the township's document: it is unknown
        as("unit-liaison", h.villageA).header("If-Match", "\"0\"").body(profile(townshipDoc))
                .put("/units/" + village + "/readiness").then().statusCode(400)
                .body("errors[0].field", equalTo("leadingGroupDocumentId"));
        as("unit-liaison", h.villageA).header("If-Match", "\"0\"").body(profile(UUID.randomUUID().toString()))
                .put("/units/" + village + "/readiness").then().statusCode(400)
                .body("errors[0].field", equalTo("leadingGroupDocumentId"));
        as("auditor", h.county).get("/units/" + village + "/readiness").then().header("ETag", equalTo("\"0\""))
                .body("leadingGroupDocument", nullValue()).body("missing", hasItem("LEADING_GROUP"));
    }

    /** A readiness profile with an office and staff, linking {@code documentId} (none when null). */
    private static Map<String, Object> profile(String documentId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("staffCount", 1);
        body.put("staffNames", List.of("卓玛"));
        body.put("office", true);
        body.put("workPlan", true);
        body.put("signage", false);
        body.put("equipment", false);
        if (documentId != null) {
            body.put("leadingGroupDocumentId", documentId);
        }
        return body;
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
