package org.tuanjie.agreements.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.agreements.audit.AuditTampering.rewriteAndReHash;
import static org.tuanjie.agreements.audit.AuditTampering.withOriginalsRestored;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tuanjie.agreements.audit.service.AuditCheckpoints;
import org.tuanjie.testing.FakeCounty;

/**
 * Signed checkpoints anchor the audit chain: a database owner who rewrites entries and re-hashes the chain after them
 * (so that walking the chain finds every link intact) is caught by an earlier checkpoint, and so is one who deletes the
 * last entries.
 */
@QuarkusTest
class AuditCheckpointTest {

    @Inject
    AuditCheckpoints checkpoints;

    private static String county;

    @Test
    void aCheckpointCatchesARewrittenAndReHashedHistoryAndACutTail() throws Exception {
        FakeCounty c = new FakeCounty("540181");
        county = c.county;
        issueWithin(c, publishedTemplate(c, 2026), c.county).then().statusCode(200);
        for (String unit : List.of(c.villages.get(0), c.villages.get(1))) {
            act("unit-leader", unit, agreementOf(c, unit, 2026), "sign", null, c.county).then().statusCode(200);
        }
        checkpoints.checkpoint();
        Map<String, Object> held = as("auditor", c.county).get("/audit/checkpoints").then().statusCode(200)
                .extract().path("items[0]");
        List<Map<String, Object>> ours = as("admin", c.county).queryParam("limit", 500).get("/audit").then().statusCode(200)
                .extract().path("items");
        long head = ((Number) ours.get(ours.size() - 1).get("seq")).longValue();
        assertEquals(head, ((Number) held.get("seq")).longValue(), "the checkpoint is of the chain's head");
        assertEquals(ours.get(ours.size() - 1).get("hash"), held.get("headHash"));
        assertTrue(((String) held.get("sealedPayload")).contains("\"chain\":\"agreements-audit\""));
        verify(held).body("valid", equalTo(true)).body("seal", equalTo("VALID")).body("reason", nullValue());

        // the first signature's entry rewritten (another actor) and every entry after it re-hashed, as a superuser can
        Map<String, Object> rewritten = ours.get(ours.size() - 2);
        long from = ((Number) rewritten.get("seq")).longValue();
        withOriginalsRestored(from, sql -> {
            String prev = rewriteAndReHash(sql, ours.subList(ours.size() - 2, ours.size()), "someone-else");
            // walking the chain finds nothing wrong: every link was re-made
            as("auditor", c.county).queryParam("fromSeq", from).get("/audit/verification").then().statusCode(200)
                    .body("valid", equalTo(true));
            // the checkpoint held from before does
            verify(held).body("valid", equalTo(false)).body("seal", equalTo("VALID"))
                    .body("reason", equalTo("history-rewritten")).body("headHashNow", equalTo(prev));
        });
        verify(held).body("valid", equalTo(true));

        // the last entry deleted: the chain no longer reaches the checkpoint
        withOriginalsRestored(head, sql -> {
            sql.executeUpdate("delete from audit_entry where seq = " + head);
            verify(held).body("valid", equalTo(false)).body("reason", equalTo("truncated"))
                    .body("chainLength", equalTo((int) head - 1));
        });

        // a checkpoint made up (another head) does not carry the service's seal
        Map<String, Object> forged = new HashMap<>(held);
        forged.put("headHash", "0".repeat(64));
        verify(forged).body("valid", equalTo(false)).body("seal", equalTo("SIGNATURE_INVALID")).body("reason", equalTo("seal-invalid"));

        // who may hold and check them: the offices and their auditors, other platforms; nobody without a token
        as("unit-liaison", c.villages.get(0)).get("/audit/checkpoints").then().statusCode(403);
        as("unit-leader", c.villages.get(0)).body(held).post("/audit/checkpoints/verification").then().statusCode(403);
        as("integration", c.county).get("/audit/checkpoints").then().statusCode(200);
        RestAssured.given().get("/audit/checkpoints").then().statusCode(401);
        as("auditor", c.county).body(Map.of("seq", 0)).post("/audit/checkpoints/verification").then().statusCode(400);
    }

    private static io.restassured.response.ValidatableResponse verify(Map<String, Object> held) {
        return as("auditor", county).body(held).post("/audit/checkpoints/verification").then().statusCode(200);
    }
}
