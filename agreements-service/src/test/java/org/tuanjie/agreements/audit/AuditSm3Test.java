package org.tuanjie.agreements.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.agreements.audit.AuditTampering.withOriginalsRestored;
import static org.tuanjie.testing.FakeCounty.as;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuanjie.bundle.BundleVerifier;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.seal.SealAlgorithm;
import org.tuanjie.platform.seal.SealKeys;
import org.tuanjie.testing.FakeCounty;

/**
 * A deployment whose cryptography is assessed (密评) seals with SM2 and hashes its audit trail with SM3 (GB/T 32918,
 * GB/T 32905), and co-seals with Ed25519 for verifiers who have only that: a leader's signature carries the SM2 key's
 * seal and the Ed25519 key's co-seal and verifies online; a checkpoint's forged co-seal is refused; each audit entry says SM3, its hash
 * is the SM3 of its canonical fields with that name among them; the chain and the agreements' bundle verify online and
 * offline; an entry changed behind the service's back is found by the SM3 walk.
 */
@QuarkusTest
@TestProfile(AuditSm3Test.Sm3.class)
class AuditSm3Test {

    /**
     * A 国密 deployment: the audit trail hashed with SM3, and an SM2 key taking over from the Ed25519 one the moment
     * the service starts (earlier seals, made by other tests, stay in the Ed25519 key's period).
     */
    public static class Sm3 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path ring = Path.of("target/test-sm2-keys");
            try {
                Files.createDirectories(ring);
                // from the next whole second: no seal made before this profile starts falls in the SM2 key's period
                Instant from = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
                Files.writeString(ring.resolve("sm2.pem"), "Valid-From: " + from + "\n" + SealKeys.newKeyPem(SealAlgorithm.SM2),
                        StandardCharsets.US_ASCII);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("agreements.audit.digest", "SM3", "seal.keys-dir", ring.toString(),
                    "seal.co-keys-dir", coRing().toString());
        }

        /**
         * Sealing with both algorithms: the co-sealing ring of the other tests (an SM2 key from the beginning) rotates to
         * an Ed25519 key as this profile starts, so every seal SM2 makes here carries an Ed25519 co-seal, and the co-seals
         * made before keep verifying in the SM2 co-key's period.
         */
        private static Path coRing() {
            Path coRing = Path.of("target/test-co-keys");
            try {
                Files.createDirectories(coRing);
                Instant from = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
                Files.writeString(coRing.resolve("ed25519.pem"), "Valid-From: " + from + "\n"
                        + SealKeys.newKeyPem(SealAlgorithm.ED25519), StandardCharsets.US_ASCII);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return coRing;
        }
    }

    @TempDir
    Path temp;

    @jakarta.inject.Inject
    org.tuanjie.agreements.audit.service.AuditCheckpoints auditCheckpoints;

    @Test
    void theChainIsHashedWithSm3AndStillVerifiesOnlineAndOffline() throws Exception {
        FakeCounty c = new FakeCounty("540185");
        issueWithin(c, publishedTemplate(c, 2026), c.county).then().statusCode(200);
        String agreement = agreementOf(c, c.villages.get(0), 2026);
        act("unit-leader", c.villages.get(0), agreement, "sign", null, c.county).then().statusCode(200);

        // sealed with the SM2 key in force, and verified online
        String sm2 = as("auditor", c.county).get("/seal/public-keys").then().statusCode(200).extract()
                .path("find { it.algorithm == 'SM2' }.keyId");
        List<Map<String, Object>> keys = as("auditor", c.county).get("/seal/public-keys").then().statusCode(200)
                .extract().path("");
        String coEd25519 = keys.stream().filter(k -> "Ed25519".equals(k.get("algorithm")) && k.get("validUntil") == null)
                .map(k -> (String) k.get("keyId")).reduce((first, last) -> last).orElseThrow();
        as("auditor", c.county).get("/agreements/" + agreement + "/signatures").then().statusCode(200)
                .body("[0].keyId", equalTo(sm2)).body("[0].coKeyId", equalTo(coEd25519));
        as("auditor", c.county).get("/agreements/" + agreement + "/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("signatures[0].sealCheck", equalTo("VALID"))
                .body("signatures[0].sealValid", equalTo(true));

        // a checkpoint sealed with SM2 and co-sealed with Ed25519 holds; its co-seal swapped for its seal does not
        auditCheckpoints.checkpoint();
        Map<String, Object> held = as("auditor", c.county).get("/audit/checkpoints").then().statusCode(200)
                .extract().path("items[0]");
        assertEquals(coEd25519, held.get("coKeyId"));
        as("auditor", c.county).body(held).post("/audit/checkpoints/verification").then().statusCode(200)
                .body("valid", equalTo(true));
        Map<String, Object> forged = new java.util.HashMap<>(held);
        forged.put("coSeal", held.get("seal"));
        as("auditor", c.county).body(forged).post("/audit/checkpoints/verification").then().statusCode(200)
                .body("valid", equalTo(false)).body("seal", equalTo("SIGNATURE_INVALID"));

        List<Map<String, Object>> entries = as("admin", c.county).queryParam("limit", 500).get("/audit").then().statusCode(200)
                .extract().path("items");
        assertFalse(entries.isEmpty());
        for (Map<String, Object> e : entries) {
            assertEquals("SM3", e.get("digest"));
            assertEquals(sm3Of(e), e.get("hash"), "the SM3 of the entry's canonical fields, its digest named among them");
        }
        as("auditor", c.county).get("/audit/verification").then().statusCode(200).body("valid", equalTo(true));

        byte[] zip = as("auditor", c.county).queryParam("unitId", c.id(c.county)).queryParam("from", "2026-01-01")
                .queryParam("to", "2026-12-31").get("/audit/bundle.zip").then().statusCode(200).extract().asByteArray();
        Path file = Files.write(Files.createTempFile(temp, "sm3-", ".zip"), zip);
        BundleVerifier.Report report = BundleVerifier.verify(file, Optional.empty());
        assertTrue(report.valid(), report.problems()::toString);
        assertTrue(report.chainEntriesChecked() >= entries.size());
        assertEquals("SM2", report.algorithm(), "the manifest sealed with SM2 (its digests SM3)");
        assertTrue(report.sealsChecked() >= 2, "the leader's SM2 seal and its Ed25519 co-seal checked offline");

        // the leader's signing entry given to someone else, its SM3 hash left as it was: the walk finds it
        long signed = ((Number) entries.get(entries.size() - 1).get("seq")).longValue();
        withOriginalsRestored(signed, sql -> {
            sql.executeUpdate("update audit_entry set actor = 'someone-else' where seq = " + signed);
            as("auditor", c.county).queryParam("fromSeq", signed).get("/audit/verification").then().statusCode(200)
                    .body("valid", equalTo(false)).body("brokenAt", equalTo((int) signed))
                    .body("reason", equalTo("entry-altered"));
        });
    }

    /** The hash as GB/T 32905 and RFC 8785 give it, from what the API shows of the entry. */
    @SuppressWarnings("unchecked")
    private static String sm3Of(Map<String, Object> e) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("seq", ((Number) e.get("seq")).longValue());
        fields.put("at", DateTimeFormatter.ISO_INSTANT.format(OffsetDateTime.parse((String) e.get("at")).toInstant()));
        fields.put("actor", (String) e.get("actor"));
        fields.put("action", (String) e.get("action"));
        fields.put("agreementId", (String) e.get("agreementId"));
        fields.put("unitCode", (String) e.get("unitCode"));
        ObjectNode detail = fields.putObject("detail");
        ((Map<String, String>) e.get("detail")).forEach(detail::put);
        fields.put("prevHash", (String) e.get("prevHash"));
        fields.put("digest", "SM3");
        return HexFormat.of().formatHex(SealAlgorithm.sm3(CanonicalJson.of(fields).getBytes(StandardCharsets.UTF_8)));
    }
}
