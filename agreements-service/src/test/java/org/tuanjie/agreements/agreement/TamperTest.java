package org.tuanjie.agreements.agreement;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;

/**
 * Someone with database access edits a signed agreement, a signature and an audit entry behind the
 * service's back: verification names what broke.
 */
@QuarkusTest
class TamperTest {

    private static Connection database() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    @Test
    void anEditedSignedAgreementOrSignatureFailsVerification() throws SQLException {
        FakeCounty c = new FakeCounty("540123");
        issueWithin(c, publishedTemplate(c, 2026), c.county).then().statusCode(200);
        String a = agreementOf(c, c.villages.get(0), 2026);
        String b = agreementOf(c, c.villages.get(1), 2026);
        for (String id : new String[] {a, b}) {
            String leaderUnit = id.equals(a) ? c.villages.get(0) : c.villages.get(1);
            act("unit-leader", leaderUnit, id, "sign", null, c.county).then().statusCode(200);
            act("admin", c.county, id, "countersign", null, c.county).then().statusCode(200);
            as("auditor", c.county).get("/agreements/" + id + "/verification").then().body("valid", equalTo(true));
        }
        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.executeUpdate("update agreement set content = jsonb_set(content, '{passMark}', '0') where id = '" + a + "'");
            sql.executeUpdate("update signature set signer_subject = 'somebody-else' where agreement_id = '" + b
                    + "' and kind = 'SIGN'");
        }
        as("auditor", c.county).get("/agreements/" + a + "/verification").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems", hasItem("content-altered"))
                .body("problems", hasItem("signature-sign-content-mismatch"))
                .body("problems", hasItem("signature-countersign-content-mismatch"));
        as("auditor", c.county).get("/agreements/" + b + "/verification").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems", equalTo(java.util.List.of("signature-sign-seal-invalid")));
    }

    @Test
    void theAuditTrailRefusesEditsAndAnEntryChangedAnywayIsFound() throws SQLException {
        FakeCounty c = new FakeCounty("540124");
        issueWithin(c, publishedTemplate(c, 2026), c.county).then().statusCode(200);
        as("auditor", c.county).get("/audit/verification").then().body("valid", equalTo(true));
        long seq = ((Number) as("auditor", c.county).queryParam("limit", 1).get("/audit").then().statusCode(200)
                .extract().path("items[0].seq")).longValue();
        try (Connection db = database(); Statement sql = db.createStatement()) {
            assertThrows(SQLException.class, () -> sql.executeUpdate("update audit_entry set actor = 'x' where seq = " + seq));
            assertThrows(SQLException.class, () -> sql.executeUpdate("delete from audit_entry where seq = " + seq));
            // a superuser can switch triggers off; the chain still tells
            sql.execute("set session_replication_role = replica");
            String actor;
            try (var rs = sql.executeQuery("select actor from audit_entry where seq = " + seq)) {
                rs.next();
                actor = rs.getString(1);
            }
            sql.executeUpdate("update audit_entry set actor = 'forger' where seq = " + seq);
            try {
                as("auditor", c.county).get("/audit/verification").then().statusCode(200)
                        .body("valid", equalTo(false)).body("brokenAt", equalTo((int) seq))
                        .body("reason", equalTo("entry-altered"));
            } finally {
                sql.executeUpdate("update audit_entry set actor = '" + actor + "' where seq = " + seq);
                sql.execute("set session_replication_role = origin");
            }
        }
        as("auditor", c.county).get("/audit/verification").then().body("valid", equalTo(true));
    }
}
