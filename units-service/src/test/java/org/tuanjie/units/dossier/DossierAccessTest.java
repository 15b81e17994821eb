package org.tuanjie.units.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tuanjie.units.UnitsApi.activity;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.document;
import static org.tuanjie.units.UnitsApi.fileActivity;
import static org.tuanjie.units.UnitsApi.fileDocument;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.Tokens;
import org.tuanjie.units.Hierarchy;

/**
 * Who files, revises and withdraws in a unit's dossier, and who reads it, written from DOMAIN.md: a unit's liaison
 * and leader work on their own unit's dossier, an admin on everything in its jurisdiction, auditors read and change
 * nothing, inspectors record inspections (not dossiers), integration clients read and write only what their scope
 * grants (units-service grants none); anything outside the caller's reach is the same 404 as a missing record.
 */
@QuarkusTest
class DossierAccessTest {

    private static Hierarchy h;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("73");
        }
    }

    @Test
    void aUnitsOwnLiaisonAndLeaderWorkOnItsDossier() {
        String village = h.id(h.villageA);
        String id = fileActivity("unit-liaison", h.villageA, village, activity("PUBLICITY", "村宣传", "2026-03-03", "3.1"));
        as("unit-leader", h.villageA).header("If-Match", "\"0\"").body(activity("PUBLICITY", "村级宣传", "2026-03-03", "3.1"))
                .put("/activities/" + id).then().statusCode(200);
        String doc = fileDocument("unit-leader", h.villageA, village, document("阿村发〔2026〕1号", "村领导小组", "2026-02-02", "1.1"));
        as("unit-liaison", h.villageA).header("If-Match", "\"0\"").body(Map.of("reason", "重发"))
                .post("/documents/" + doc + "/withdraw").then().statusCode(200);
        as("unit-leader", h.organ).body(activity("POLICY_STUDY", "部门学习", "2026-03-04", "2.3"))
                .post("/units/" + h.id(h.organ) + "/dossier/activities").then().statusCode(201);
    }

    @Test
    void aTownshipsLiaisonOrLeaderDoesNotFileForItsVillages() {
        String village = h.id(h.villageB);
        String id = fileActivity("unit-liaison", h.villageB, village, activity("TRAINING", "村培训", "2026-04-04", "4.2"));
        for (String role : List.of("unit-liaison", "unit-leader")) {
            as(role, h.townshipB).body(activity("TRAINING", "代填", "2026-04-05", "4.2"))
                    .post("/units/" + village + "/dossier/activities").then().statusCode(403).body("type", type("not-own-unit"));
            as(role, h.townshipB).body(document("奔村发〔2026〕1号", "代填", "2026-04-05", "1.1"))
                    .post("/units/" + village + "/dossier/documents").then().statusCode(403).body("type", type("not-own-unit"));
            as(role, h.townshipB).header("If-Match", "\"0\"").body(activity("TRAINING", "代改", "2026-04-04", "4.2"))
                    .put("/activities/" + id).then().statusCode(403).body("type", type("not-own-unit"));
            as(role, h.townshipB).header("If-Match", "\"0\"").body(Map.of("reason", "代撤"))
                    .post("/activities/" + id + "/withdraw").then().statusCode(403);
            // reading their villages' dossiers is theirs
            as(role, h.townshipB).get("/activities/" + id).then().statusCode(200);
        }
        as("auditor", h.county).get("/activities/" + id).then().header("ETag", equalTo("\"0\""))
                .body("title", equalTo("村培训")).body("status", equalTo("ACTIVE"));
        as("auditor", h.county).get("/units/" + village + "/dossier").then().body("items", hasSize(1));
    }

    @Test
    void anAdminFilesForEveryUnitItsReachCoversItsOwnIncluded() {
        String village = h.id(h.villageA);
        String id = fileActivity("admin", h.townshipA, village, activity("SHOWCASE", "示范村观摩", "2026-05-05", "8.1"));
        admin(h.townshipA).header("If-Match", "\"0\"").body(Map.of("reason", "补录有误"))
                .post("/activities/" + id + "/withdraw").then().statusCode(200);
        fileActivity("admin", h.townshipA, h.id(h.townshipA), activity("PROMOTION_MEETING", "全镇推进会", "2026-05-06", "2.1"));
        fileDocument("admin", h.county, h.id(h.organ), document("县委统战部发〔2026〕2号", "方案", "2026-01-10", "1.2"));
        // a neighbouring township's village is missing for township A's admin, whatever the act
        admin(h.townshipA).body(activity("SHOWCASE", "越界", "2026-05-05", "8.1"))
                .post("/units/" + h.id(h.villageB) + "/dossier/activities").then().statusCode(404).body("type", type("unit-not-found"));
    }

    @Test
    void inspectorsAuditorsAndIntegrationClientsReadAndChangeNothing() {
        String unit = h.id(h.school);
        String id = fileActivity("unit-liaison", h.school, unit, activity("PUBLICITY", "校园宣传", "2026-06-06", "7.1"));
        List<RequestSpecification> readers = List.of(as("inspector", h.county), as("auditor", h.county),
                as("integration", h.county), integrationWithScope("units:write tasks:write"));
        for (RequestSpecification reader : readers) {
            reader.get("/activities/" + id).then().statusCode(200).body("id", equalTo(id));
        }
        for (String role : List.of("inspector", "auditor", "integration")) {
            as(role, h.county).get("/units/" + unit + "/dossier").then().statusCode(200).body("items", hasSize(1));
            as(role, h.county).get("/units/" + unit + "/dossier/counts").then().statusCode(200).body("total", equalTo(1));
            as(role, h.county).get("/dossier/changes").then().statusCode(200);
            as(role, h.county).body(activity("PUBLICITY", "代填", "2026-06-07", "7.1"))
                    .post("/units/" + unit + "/dossier/activities").then().statusCode(403);
            as(role, h.county).header("If-Match", "\"0\"").body(activity("PUBLICITY", "代改", "2026-06-06", "7.1"))
                    .put("/activities/" + id).then().statusCode(403);
            as(role, h.county).header("If-Match", "\"0\"").body(Map.of("reason", "代撤"))
                    .post("/activities/" + id + "/withdraw").then().statusCode(403);
        }
        integrationWithScope("units:write tasks:write").body(activity("PUBLICITY", "接口代填", "2026-06-07", "7.1"))
                .post("/units/" + unit + "/dossier/activities").then().statusCode(403);
        as("auditor", h.county).get("/activities/" + id).then().header("ETag", equalTo("\"0\""))
                .body("title", equalTo("校园宣传"));
        as("auditor", h.county).queryParam("status", "ALL").get("/units/" + unit + "/dossier").then().body("items", hasSize(1));
    }

    @Test
    void outsideTheReachADossierIsAsMissingAsANonexistentOne() {
        String unit = h.id(h.temple);
        String id = fileActivity("unit-liaison", h.temple, unit, activity("SHOWCASE", "寺庙观摩", "2026-07-07", "6.1"));
        String doc = fileDocument("unit-liaison", h.temple, unit, document("东寺发〔2026〕1号", "管委会文件", "2026-01-01", "1.1"));
        for (String role : List.of("auditor", "unit-liaison", "admin")) {
            as(role, h.townshipA).get("/activities/" + id).then().statusCode(404).body("type", type("dossier-entry-not-found"));
            as(role, h.townshipA).get("/documents/" + doc).then().statusCode(404).body("type", type("dossier-entry-not-found"));
            as(role, h.townshipA).get("/units/" + unit + "/dossier").then().statusCode(404);
            as(role, h.townshipA).get("/units/" + unit + "/dossier/counts").then().statusCode(404);
        }
        admin(h.townshipA).header("If-Match", "\"0\"").body(activity("SHOWCASE", "越界改", "2026-07-07", "6.1"))
                .put("/activities/" + id).then().statusCode(404).body("type", type("dossier-entry-not-found"));
        admin(h.townshipA).header("If-Match", "\"0\"").body(Map.of("reason", "越界撤")).post("/documents/" + doc + "/withdraw")
                .then().statusCode(404);
        as("unit-liaison", h.townshipA).get("/dossier/changes").then().statusCode(200);
        as("auditor", h.county).get("/activities/" + id).then().header("ETag", equalTo("\"0\""));
        as("auditor", h.county).get("/documents/" + doc).then().header("ETag", equalTo("\"0\"")).body("status", equalTo("ACTIVE"));
    }

    @Test
    void leadingADomainLetsAUnitFileNothingForItsMembers() {
        String domain = domainOfCounty("RELIGIOUS_VENUES");
        String etag = admin(h.county).get("/domains/" + domain).then().statusCode(200).extract().header("ETag");
        Map<String, Object> update = new HashMap<>();
        update.put("names", Map.of("zh", "民族团结进步进宗教活动场所"));
        update.put("leadUnitId", h.id(h.organ));
        admin(h.county).header("If-Match", etag).body(update).put("/domains/" + domain).then().statusCode(200);
        admin(h.county).body(Map.of("unitId", h.id(h.temple))).post("/domains/" + domain + "/members").then().statusCode(201);
        // the lead reads its member unit, but the member's dossier lies outside its reach
        as("unit-liaison", h.organ).get("/units/" + h.id(h.temple)).then().statusCode(200);
        Map<String, Object> body = activity("SHOWCASE", "代寺庙填报", "2026-07-08", "6.1");
        body.put("domainId", domain);
        as("unit-liaison", h.organ).body(body).post("/units/" + h.id(h.temple) + "/dossier/activities").then().statusCode(404);
        admin(h.organ).body(body).post("/units/" + h.id(h.temple) + "/dossier/activities").then().statusCode(404);
    }

    private static RequestSpecification integrationWithScope(String scope) {
        return given().auth().oauth2(Tokens.withScope("integration", h.county, scope)).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
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
