package org.tuanjie.agreements.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.agreements.Agreements.template;
import static org.tuanjie.testing.FakeCounty.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.agreements.Agreements;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.testing.FakeCounty;

@QuarkusTest
class AgreementLifecycleTest {

    private static FakeCounty c;
    private static String templateId;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new FakeCounty("540121");
            templateId = publishedTemplate(c, 2026);
            issueWithin(c, templateId, c.county).then().statusCode(200);
        }
    }

    private static org.hamcrest.Matcher<String> type(String type) {
        return equalTo("/problems/" + type);
    }

    @Test
    void bulkIssueReachesEveryUnitOnceAndRepeatingCreatesNothing() {
        // 3 townships, 3 villages, 3 schools, 2 departments under the county
        String current = "items.findAll { it.state != 'SUPERSEDED' && it.state != 'REVOKED' }.unit.code";
        List<String> before = as("auditor", c.county).queryParam("year", 2026).queryParam("limit", 500).get("/agreements")
                .then().statusCode(200).extract().path(current);
        assertEquals(11, before.size());
        assertEquals(11, new java.util.HashSet<>(before).size());
        issueWithin(c, templateId, c.county).then().statusCode(200).body("created", hasSize(0)).body("skipped", equalTo(11));
        List<String> after = as("auditor", c.county).queryParam("year", 2026).queryParam("limit", 500).get("/agreements")
                .then().extract().path(current);
        assertEquals(before, after);
        String village = agreementOf(c, c.villages.get(2), 2026);
        as("auditor", c.county).get("/agreements/" + village).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("township.code", equalTo(c.townships.get(2)))
                .body("content.partyB.code", equalTo(c.villages.get(2)))
                .body("content.targets", hasSize(3))
                .body("contentHash", notNullValue());
        // a page writes each content out as stored: the same document a single read gives, still matching its hash
        Response read = as("auditor", c.county).get("/agreements/" + village);
        Map<String, Object> listed = as("auditor", c.county).queryParam("year", 2026).queryParam("limit", 500)
                .get("/agreements").then().extract().path("items.find { it.id == '" + village + "' }.content");
        assertEquals(read.path("content"), listed);
        assertEquals(read.path("contentHash"), CanonicalJson.sha256(CanonicalJson.of(new ObjectMapper().valueToTree(listed))));
    }

    @Test
    void issuingNeedsAPublishedTemplateAndOneTarget() {
        String draft = as("admin", c.county).body(template(2027)).post("/templates").then().statusCode(201).extract().path("id");
        issueWithin(c, draft, c.county).then().statusCode(409).body("type", type("template-not-published"));
        as("admin", c.county).body(Map.of()).post("/templates/" + templateId + "/issue").then().statusCode(400)
                .body("errors[0].field", equalTo("within"));
        as("auditor", c.county).body(Map.of("within", c.id(c.county))).post("/templates/" + templateId + "/issue")
                .then().statusCode(403);
        // the township reads the county's template but does not issue for the county
        as("admin", c.townships.get(1)).body(Map.of("within", c.id(c.townships.get(1))))
                .post("/templates/" + templateId + "/issue").then().statusCode(403).body("type", type("not-permitted"));
    }

    @Test
    void onlyTheUnitsOwnLeaderSigns() {
        String id = agreementOf(c, c.villages.get(0), 2026);
        act("unit-liaison", c.villages.get(0), id, "sign", null, c.county).then().statusCode(403);
        act("unit-leader", c.villages.get(1), id, "sign", null, c.county).then().statusCode(404);
        act("unit-leader", c.townships.get(0), id, "sign", null, c.county).then().statusCode(403)
                .body("type", type("not-permitted"));
        act("admin", c.county, id, "sign", null, c.county).then().statusCode(403);
        as("auditor", c.county).get("/agreements/" + id).then().body("state", equalTo("ISSUED"));
        as("unit-leader", c.villages.get(0)).post("/agreements/" + id + "/sign").then().statusCode(428);
        as("unit-leader", c.villages.get(0)).header("If-Match", "\"9\"").post("/agreements/" + id + "/sign")
                .then().statusCode(412);
        act("unit-leader", c.villages.get(0), id, "sign", null, c.county).then().statusCode(200)
                .body("state", equalTo("SIGNED"));
        act("unit-leader", c.villages.get(0), id, "sign", null, c.county).then().statusCode(409)
                .body("type", type("illegal-transition"));
        act("admin", c.county, id, "countersign", null, c.county).then().statusCode(200).body("state", equalTo("ACTIVE"));
        as("auditor", c.county).get("/agreements/" + id + "/signatures").then().statusCode(200)
                .body("kind", contains("SIGN", "COUNTERSIGN"))
                .body("[0].signerSubject", equalTo("user-unit-leader-" + c.villages.get(0)))
                .body("[0].signerRole", equalTo("unit-leader"));
        as("auditor", c.county).get("/agreements/" + id + "/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("signatures.sealValid", contains(true, true))
                .body("signatures.sealCheck", contains("VALID", "VALID"));
        // each seal names the key that made it, which the published ring lists with its period
        String keyId = as("auditor", c.county).get("/agreements/" + id + "/verification").then().extract()
                .path("signatures[0].keyId");
        given().get("/seal/public-keys").then().statusCode(200).body("keyId", hasItem(keyId))
                .body("find { it.keyId == '" + keyId + "' }.validUntil", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void everyIllegalTransitionIsAConflict() {
        String id = agreementOf(c, c.schools.get(1), 2026);
        act("admin", c.county, id, "countersign", null, c.county).then().statusCode(409);
        act("admin", c.county, id, "assessment", Map.of("scores", Map.of()), c.county).then().statusCode(409);
        act("admin", c.county, id, "revoke", Map.of("reason", "单位撤并"), c.county).then().statusCode(200)
                .body("state", equalTo("REVOKED")).body("revokeReason", equalTo("单位撤并"));
        act("admin", c.county, id, "revoke", Map.of("reason", "again"), c.county).then().statusCode(409);
        act("unit-leader", c.schools.get(1), id, "sign", null, c.county).then().statusCode(409);
        // revoked: the unit may be issued a new one
        as("admin", c.county).body(Map.of("unitIds", List.of(c.id(c.schools.get(1)))))
                .post("/templates/" + templateId + "/issue").then().statusCode(200).body("created", hasSize(1));
    }

    @Test
    void anAmendmentAfterSigningIsANewVersionToSignAgain() {
        String id = agreementOf(c, c.publicity, 2026);
        act("unit-leader", c.publicity, id, "sign", null, c.county).then().statusCode(200);
        Map<String, Object> changed = template(2026);
        changed.put("passMark", 70);
        Response amended = act("admin", c.county, id, "amendments", Map.of("content", changed, "reason", "调整合格分"), c.county);
        amended.then().statusCode(201).body("versionNo", equalTo(2)).body("supersedes", equalTo(id))
                .body("state", equalTo("ISSUED")).body("content.passMark", equalTo(70));
        String newId = amended.path("id");
        as("auditor", c.county).get("/agreements/" + id).then().statusCode(200).body("state", equalTo("SUPERSEDED"))
                .body("content.passMark", equalTo(60));
        assertEquals(newId, agreementOf(c, c.publicity, 2026));
        act("unit-leader", c.publicity, newId, "sign", null, c.county).then().statusCode(200);
        // the old version's signature still verifies against the old content
        as("auditor", c.county).get("/agreements/" + id + "/verification").then().body("valid", equalTo(true));
    }

    @Test
    void templatesAreValidatedAndImmutableOncePublished() {
        Map<String, Object> bad = template(2026);
        bad.put("targets", List.of(Map.of("code", "T1", "title", "x", "weight", 50, "measure", "MANUAL")));
        as("admin", c.county).body(bad).post("/templates").then().statusCode(400)
                .body("errors[0].field", equalTo("targets"));
        given().contentType("application/json").body(template(2026)).post("/templates").then().statusCode(401);
        as("unit-leader", c.county).body(template(2026)).post("/templates").then().statusCode(403);
        String etag = as("admin", c.county).get("/templates/" + templateId).header("ETag");
        as("admin", c.county).header("If-Match", etag).body(template(2026)).put("/templates/" + templateId)
                .then().statusCode(409).body("type", type("template-published"));
        as("admin", c.county).post("/templates/" + templateId + "/versions").then().statusCode(201)
                .body("versionNo", equalTo(2)).body("status", equalTo("DRAFT"));
        // units under the office read its templates; another county does not
        as("unit-leader", c.villages.get(2)).get("/templates/" + templateId).then().statusCode(200);
        as("admin", "540122000000").get("/templates/" + templateId).then().statusCode(404);
    }

    @Test
    void aRetriedTemplatePostCreatesOne() {
        Map<String, Object> body = template(2030);
        String first = as("admin", c.county).header("Idempotency-Key", "tpl-2030").body(body).post("/templates")
                .then().statusCode(201).extract().path("id");
        as("admin", c.county).header("Idempotency-Key", "tpl-2030").body(body).post("/templates").then()
                .statusCode(201).body("id", equalTo(first));
        as("admin", c.county).queryParam("year", 2030).get("/templates").then().body("id", contains(first));
    }

    @Test
    void forgedCursorsAndNumbersThatDoNotFitAreRefusedOnEveryRead() {
        agreementOf(c, c.villages.get(2), 2026);
        String admin = org.tuanjie.testing.Tokens.of("admin", c.county);
        // a webhook subscription's attempts take a limit (judged before the subscription is looked up); the audit checkpoints page too
        Map<String, String> values = Map.of("id", java.util.UUID.randomUUID().toString());
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertEquals(5, org.tuanjie.testing.QueryAbuse.forgedCursorsAreRefused(admin, values)),
                () -> assertEquals(11, org.tuanjie.testing.QueryAbuse.numbersThatDoNotFitAreRefused(admin, values)));
    }

    @Test
    void outsideTheJurisdictionAgreementsDoNotExist() {
        String id = agreementOf(c, c.villages.get(2), 2026);
        as("auditor", c.townships.get(0)).get("/agreements/" + id).then().statusCode(404)
                .body("type", type("agreement-not-found"));
        as("auditor", c.townships.get(0)).get("/agreements").then().body("items.unit.code",
                org.hamcrest.Matchers.not(hasItem(c.villages.get(2))));
        given().get("/agreements/" + id).then().statusCode(401);
        // every read of the contract, with the ids of an agreement and a template the caller cannot reach
        org.tuanjie.testing.SecurityMatrix.outsideTheSubtreeIsNotFound(org.tuanjie.testing.Tokens.of("auditor", c.townships.get(0)), Map.of("id", id));
        org.tuanjie.testing.SecurityMatrix.outsideTheSubtreeIsNotFound(org.tuanjie.testing.Tokens.of("admin", "540122000000"),
                Map.of("id", templateId));
        given().get("/seal/public-key").then().statusCode(200).body("algorithm", equalTo("Ed25519"))
                .body("pem", org.hamcrest.Matchers.startsWith("-----BEGIN PUBLIC KEY-----"));
        Agreements.class.getName();
    }
}
