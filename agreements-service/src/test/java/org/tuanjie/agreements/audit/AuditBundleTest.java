package org.tuanjie.agreements.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.agreements.audit.AuditTampering.rewriteAndReHash;
import static org.tuanjie.agreements.audit.AuditTampering.withOriginalsRestored;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuanjie.agreements.audit.service.AuditCheckpoints;
import org.tuanjie.bundle.BundleVerifier;
import org.tuanjie.testing.FakeCounty;

/**
 * The agreements' side of an auditor's evidence: a township's agreements with their canonical content, seals and audit
 * entries, and the chain's checkpoints, in one sealed ZIP the offline verifier checks, seals inside included; an
 * agreement's content edited in the database before the bundle was built is caught by its own signatures.
 */
@QuarkusTest
class AuditBundleTest {

    @Inject
    AuditCheckpoints checkpoints;

    @TempDir
    Path temp;

    @Test
    void theCountysAuditorTakesAwayATownshipsAgreementsThatVerifyOfflineSealBySeal() throws Exception {
        FakeCounty c = new FakeCounty("540182");
        String township = c.townships.get(0);
        issueWithin(c, publishedTemplate(c, 2026), c.county).then().statusCode(200);
        String ours = agreementOf(c, c.villages.get(0), 2026);
        String neighbours = agreementOf(c, c.villages.get(1), 2026);
        act("unit-leader", c.villages.get(0), ours, "sign", null, c.county).then().statusCode(200);
        act("admin", c.county, ours, "countersign", null, c.county).then().statusCode(200);
        checkpoints.checkpoint();

        byte[] zip = bundle("auditor", c.county, c.id(township)).then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", startsWith("attachment")).extract().asByteArray();
        List<String> names = names(zip);
        assertTrue(names.contains("agreements/" + ours + "/canonical-content.json"), names::toString);
        assertTrue(names.contains("agreements/" + ours + "/signatures.json"));
        assertTrue(names.contains("audit/checkpoints.json"));
        assertFalse(names.stream().anyMatch(n -> n.contains(neighbours)), "the other township's agreement stays out");
        BundleVerifier.Report report = verify(zip);
        assertTrue(report.valid(), () -> report.problems().toString());
        assertTrue(report.sealsChecked() >= 3, "the leader's and the county's seals and a checkpoint's: " + report.sealsChecked());
        // the chain from its start (no checkpoint before the period): the township's entries in full, others' withheld
        String chain = text(zip, "audit/chain.jsonl");
        List<Map<String, Object>> county = as("admin", c.county).queryParam("limit", 500).get("/audit").then().statusCode(200)
                .extract().path("items");
        long head = ((Number) county.get(county.size() - 1).get("seq")).longValue();
        assertTrue(report.chainEntriesChecked() >= head, "every entry from the first, each held against the checkpoint: "
                + report.chainEntriesChecked());
        assertTrue(chain.contains("\"unitCode\":\"" + c.villages.get(0) + "\""), "the township's entries in full");
        assertFalse(chain.contains(c.villages.get(1)), "the other township's entries withheld");
        assertTrue(chain.contains("\"withheld\":true"));

        // the county's countersignature rewritten as a superuser could, its hash re-made: every link holds, the
        // checkpoint made before does not
        withOriginalsRestored(head, sql -> {
            rewriteAndReHash(sql, county.subList(county.size() - 1, county.size()), "someone-else");
            BundleVerifier.Report rewritten = verify(bundle("auditor", c.county, c.id(township)).then().statusCode(200)
                    .extract().asByteArray());
            assertEquals(List.of("audit/checkpoints.json"),
                    rewritten.problems().stream().map(BundleVerifier.Problem::file).distinct().toList(), rewritten.problems()::toString);
            assertTrue(rewritten.problems().get(0).message().contains("history rewritten"));
        });
        // the last entry removed: the chain stops short of the checkpoint
        withOriginalsRestored(head, sql -> {
            sql.executeUpdate("delete from audit_entry where seq = " + head);
            BundleVerifier.Report cut = verify(bundle("auditor", c.county, c.id(township)).then().statusCode(200)
                    .extract().asByteArray());
            assertEquals(List.of("audit/chain.jsonl"), cut.problems().stream().map(BundleVerifier.Problem::file).distinct().toList(),
                    cut.problems()::toString);
            assertTrue(cut.problems().get(0).message().contains("entries were removed"));
        });

        // the content edited behind the service's back: the bundle is sealed as built, its signatures say otherwise
        withContentEdited(ours, () -> {
            BundleVerifier.Report edited = verify(bundle("auditor", c.county, c.id(township)).then().statusCode(200)
                    .extract().asByteArray());
            assertEquals(List.of("agreements/" + ours + "/canonical-content.json"),
                    edited.problems().stream().map(BundleVerifier.Problem::file).distinct().toList());
        });
        assertTrue(verify(bundle("admin", c.county, c.id(township)).then().statusCode(200).extract().asByteArray()).valid());
    }

    @Test
    void onlyAuditorsAndTheOfficeTakeTheAgreementsOfUnitsInTheirReach() {
        FakeCounty c = new FakeCounty("540183");
        String township = c.id(c.townships.get(0));
        for (String[] who : List.of(new String[] {"unit-liaison", c.villages.get(0)}, new String[] {"unit-leader", c.townships.get(0)},
                new String[] {"inspector", c.county}, new String[] {"integration", c.county})) {
            bundle(who[0], who[1], township).then().statusCode(403).contentType(startsWith("application/problem+json"));
        }
        given().queryParam("unitId", township).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/audit/bundle.zip").then().statusCode(401);
        bundle("auditor", c.townships.get(1), township).then().statusCode(404);
        bundle("admin", c.townships.get(0), c.id(c.county)).then().statusCode(404);
        bundle("auditor", new FakeCounty("540184").county, township).then().statusCode(404);
        as("auditor", c.county).queryParam("unitId", township).queryParam("from", "2026-12-31").queryParam("to", "2026-01-01")
                .get("/audit/bundle.zip").then().statusCode(400).body("errors[0].field", equalTo("to"));
        as("auditor", c.county).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/audit/bundle.zip").then().statusCode(400);
    }

    private static Response bundle(String role, String unitCode, String unitId) {
        return as(role, unitCode).queryParam("unitId", unitId).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/audit/bundle.zip");
    }

    private BundleVerifier.Report verify(byte[] zip) throws IOException {
        Path file = Files.createTempFile(temp, "agreements-", ".zip");
        Files.write(file, zip);
        return BundleVerifier.verify(file, Optional.empty());
    }

    private static String text(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in the bundle");
    }

    private static List<String> names(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    interface Check {
        void run() throws Exception;
    }

    /** Edits an agreement's stored content as a database owner could (triggers off), checks, then restores it. */
    private static void withContentEdited(String agreementId, Check check) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            db.createStatement().execute("set session_replication_role = replica");
            db.createStatement().execute("create temp table kept as select id, content from agreement where id = '"
                    + agreementId + "'");
            try (PreparedStatement edit = db.prepareStatement(
                    "update agreement set content = replace(content::text, '2026', '2025')::jsonb where id = ?::uuid")) {
                edit.setString(1, agreementId);
                assertEquals(1, edit.executeUpdate());
            }
            try {
                check.run();
            } finally {
                db.createStatement().executeUpdate("update agreement a set content = k.content from kept k where a.id = k.id");
                db.createStatement().execute("drop table kept");
                db.createStatement().execute("set session_replication_role = origin");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
