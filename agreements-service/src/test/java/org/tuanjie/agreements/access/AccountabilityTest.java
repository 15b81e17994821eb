package org.tuanjie.agreements.access;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.agreements.Agreements.template;
import static org.tuanjie.testing.FakeCounty.as;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.seal.SealKeys;
import org.tuanjie.testing.FakeCounty;

/**
 * Party A's acts belong to the issuing office, party B's signature to the unit's own leader: written
 * from DOMAIN.md's separation-of-duties table, with township- and village-level tokens.
 */
@QuarkusTest
class AccountabilityTest {

    private static FakeCounty c;
    private static String townshipA;
    private static String villageA;

    @Inject
    SealKeys keys;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new FakeCounty("540141");
            townshipA = c.townships.get(0);
            villageA = c.villages.get(0);
            issueWithin(c, publishedTemplate(c, 2026), c.county).then().statusCode(200);
        }
    }

    private static String signedAgreementOf(String unit) {
        String id = agreementOf(c, unit, 2026);
        act("unit-leader", unit, id, "sign", null, c.county).then().statusCode(200);
        return id;
    }

    @Test
    void theTownshipCannotActAsTheCountyOnItsVillagesAgreement() {
        String id = signedAgreementOf(villageA);
        act("admin", townshipA, id, "countersign", null, c.county).then().statusCode(403)
                .body("type", equalTo("/problems/not-permitted"));
        act("admin", townshipA, id, "revoke", Map.of("reason", "乡镇撤销"), c.county).then().statusCode(403);
        act("admin", townshipA, id, "amendments", Map.of("reason", "乡镇修改", "content", template(2026)), c.county)
                .then().statusCode(403);
        act("admin", villageA, id, "countersign", null, c.county).then().statusCode(403);
        as("auditor", c.county).get("/agreements/" + id).then().body("state", equalTo("SIGNED"))
                .body("version", equalTo(1));
        as("auditor", c.county).get("/agreements/" + id + "/signatures").then().body("kind", contains("SIGN"));
    }

    @Test
    void theCountysCountersignatureNamesTheCountyStaffMember() {
        String id = signedAgreementOf(c.villages.get(1));
        act("admin", c.county, id, "countersign", null, c.county).then().statusCode(200).body("state", equalTo("ACTIVE"));
        as("auditor", c.county).get("/agreements/" + id + "/signatures").then()
                .body("find { it.kind == 'COUNTERSIGN' }.signerSubject", equalTo("user-admin-" + c.county))
                .body("find { it.kind == 'COUNTERSIGN' }.signerUnitCode", equalTo(c.county))
                .body("find { it.kind == 'COUNTERSIGN' }.onBehalfOf", equalTo("PARTY_A"))
                .body("find { it.kind == 'SIGN' }.signerUnitCode", equalTo(c.villages.get(1)))
                .body("find { it.kind == 'SIGN' }.onBehalfOf", equalTo("PARTY_B"));
        as("auditor", c.county).get("/agreements/" + id + "/verification").then().body("valid", equalTo(true))
                .body("signatures.signerCouldActForParty", contains(true, true));
    }

    @Test
    void aTownshipInspectorCannotAssessItsOwnUnitsAgreement() {
        String id = signedAgreementOf(c.schools.get(0));
        act("admin", c.county, id, "countersign", null, c.county).then().statusCode(200);
        Map<String, Object> full = Map.of("scores", Map.of("T3", Map.of("score", 30)),
                "adjustments", Map.of("V1", Map.of("triggered", false)));
        act("inspector", townshipA, id, "assessment", full, c.county).then().statusCode(403);
        act("admin", townshipA, id, "assessment", full, c.county).then().statusCode(403);
        as("auditor", c.county).get("/agreements/" + id).then().body("state", equalTo("ACTIVE"));
        as("auditor", c.county).get("/agreements/" + id + "/assessment").then().statusCode(404);
    }

    @Test
    void onlyTheUnitsOwnLeaderSignsNotTheLeaderAbove() {
        String id = agreementOf(c, c.villages.get(2), 2026);
        act("unit-leader", c.townships.get(2), id, "sign", null, c.county).then().statusCode(403);
        act("unit-leader", c.county, id, "sign", null, c.county).then().statusCode(403);
        act("unit-leader", townshipA, id, "sign", null, c.county).then().statusCode(404);
        as("auditor", c.county).get("/agreements/" + id).then().body("state", equalTo("ISSUED"));
    }

    @Test
    void aSealWhoseSignerCouldNotActForThePartyIsReportedInvalid() throws SQLException {
        // what the first wave let happen: a township admin's countersignature, sealed by the service itself
        String id = signedAgreementOf(c.schools.get(1));
        String hash = as("auditor", c.county).get("/agreements/" + id).then().extract().path("contentHash");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String townshipPath = "/540000000000/540100000000/" + c.county + "/" + c.townships.get(1) + "/";
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("agreementId", id);
        payload.put("contentHash", hash);
        payload.put("kind", "COUNTERSIGN");
        payload.put("signedAt", at.toString());
        payload.put("signer", "township-admin");
        payload.put("signerName", "township-admin");
        payload.put("signerRole", "admin");
        payload.put("unitCode", c.county);
        payload.put("onBehalfOf", "PARTY_A");
        payload.put("signerUnitCode", c.townships.get(1));
        payload.put("signerUnitPath", townshipPath);
        SealKeys.Seal seal = keys.seal(CanonicalJson.of(payload), at);
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement("""
                insert into signature (id, agreement_id, kind, signer_subject, signer_name, signer_role, unit_code,
                    signed_at, content_hash, seal, key_id, signer_unit_code, signer_unit_path, on_behalf_of)
                values (?, ?, 'COUNTERSIGN', 'township-admin', 'township-admin', 'admin', ?, ?, ?, ?, ?, ?, ?, 'PARTY_A')""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.fromString(id));
            insert.setString(3, c.county);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.setString(5, hash);
            insert.setString(6, seal.value());
            insert.setString(7, seal.keyId());
            insert.setString(8, c.townships.get(1));
            insert.setString(9, townshipPath);
            insert.executeUpdate();
        }
        as("auditor", c.county).get("/agreements/" + id + "/verification").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems", equalTo(java.util.List.of("signature-countersign-signer-not-party")))
                .body("signatures.sealValid", contains(true, true))
                .body("signatures.signerCouldActForParty", contains(true, false));
        as("auditor", c.county).get("/agreements/" + id + "/verification").then().body("problems", hasItem(
                "signature-countersign-signer-not-party"));
    }

    private static Connection database() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
