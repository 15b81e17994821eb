package org.tuanjie.units.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.testing.ChainTampering.lineAt;
import static org.tuanjie.testing.ChainTampering.withOriginalsRestored;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.etag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.seal.SealAlgorithm;
import org.tuanjie.units.Hierarchy;
import org.tuanjie.units.history.service.UnitHistoryChain;

/**
 * Units' closings and reopenings are anchored like the tasks' timelines (hashed with SM3 here, as a deployment whose
 * cryptography is assessed does): a checkpoint held from before catches a closing's reason changed behind the service's
 * back, the chain re-hashed after it, and the chain's tail cut.
 */
@QuarkusTest
class HistoryChainTest {

    private static Hierarchy h;

    @Inject
    UnitHistoryChain history;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("89");
        }
    }

    @Test
    void aCheckpointCatchesAClosingRewrittenAndReHashedAndACutTail() throws Exception {
        String village = h.id(h.villageA);
        admin(h.county).header("If-Match", etag("admin", h.county, "/units/" + village))
                .body(Map.of("endDate", "2026-10-31", "reason", "撤村并居")).post("/units/" + village + "/close")
                .then().statusCode(200);
        history.chain().checkpoint();
        Map<String, Object> held = as("auditor", h.county).get("/history/checkpoints").then().statusCode(200)
                .extract().path("items[0]");
        long head = ((Number) held.get("seq")).longValue();
        assertTrue(((String) held.get("sealedPayload")).contains("\"chain\":\"units-history\""));
        verify(held).body("valid", equalTo(true)).body("seal", equalTo("VALID")).body("chainLength", equalTo((int) head));

        // the closing's reason changed behind the service's back: that row no longer gives its hash; re-hashed as well,
        // the chain holds another head than the checkpoint sealed
        withOriginalsRestored("history", "unit_history", "reason", head, sql -> {
            // the tests' deployment hashes its history with SM3: the link says so, and its hash is the SM3 of its fields
            try (ResultSet link = sql.executeQuery("select digest, hash from history_link where seq = " + head)) {
                link.next();
                assertEquals("SM3", link.getString(1));
                assertEquals(link.getString(2), hashOf(sql, head));
            }
            sql.executeUpdate("update unit_history set reason = '另有原因' where id = " + lineAt(sql, "history", head));
            verify(held).body("valid", equalTo(false)).body("reason", equalTo("entry-altered"));
            String rehashed = hashOf(sql, head);
            sql.executeUpdate("update history_link set hash = '" + rehashed + "' where seq = " + head);
            verify(held).body("valid", equalTo(false)).body("reason", equalTo("history-rewritten"))
                    .body("headHashNow", equalTo(rehashed));
        });
        verify(held).body("valid", equalTo(true));

        // the last link deleted: the chain no longer reaches the checkpoint
        withOriginalsRestored("history", "unit_history", "reason", head, sql -> {
            sql.executeUpdate("delete from history_link where seq = " + head);
            verify(held).body("valid", equalTo(false)).body("reason", equalTo("truncated"))
                    .body("chainLength", equalTo((int) head - 1));
        });
        verify(held).body("valid", equalTo(true));
    }

    @Test
    void theOfficeAuditorsAndOtherPlatformsKeepCheckpointsNobodyElse() {
        String village = h.id(h.villageB);
        admin(h.county).header("If-Match", etag("admin", h.county, "/units/" + village))
                .body(Map.of("endDate", "2026-11-30", "reason", "撤村并居")).post("/units/" + village + "/close")
                .then().statusCode(200);
        history.chain().checkpoint();
        as("integration", h.county).get("/history/checkpoints").then().statusCode(200);
        as("admin", h.townshipA).get("/history/checkpoints").then().statusCode(200);
        for (String[] who : List.of(new String[] {"unit-liaison", h.villageA}, new String[] {"unit-leader", h.townshipA},
                new String[] {"inspector", h.county})) {
            as(who[0], who[1]).get("/history/checkpoints").then().statusCode(403);
            as(who[0], who[1]).body(Map.of("seq", 1)).post("/history/checkpoints/verification").then().statusCode(403);
        }
        given().get("/history/checkpoints").then().statusCode(401);
        as("auditor", h.county).body(Map.of("seq", 0)).post("/history/checkpoints/verification").then().statusCode(400);
        Map<String, Object> forged = new HashMap<>(as("auditor", h.county).get("/history/checkpoints").then().statusCode(200)
                .extract().<Map<String, Object>>path("items[0]"));
        forged.put("headHash", "0".repeat(64));
        verify(forged).body("valid", equalTo(false)).body("seal", equalTo("SIGNATURE_INVALID"))
                .body("reason", equalTo("seal-invalid"));
        // sealed with both algorithms (the tests co-seal with SM2): the co-seal is checked too
        Map<String, Object> held = as("auditor", h.county).get("/history/checkpoints").then().statusCode(200)
                .extract().path("items[0]");
        assertTrue(held.get("coKeyId") instanceof String && held.get("coSeal") instanceof String, held::toString);
        assertNotEquals(held.get("keyId"), held.get("coKeyId"));
        verify(held).body("valid", equalTo(true));
        Map<String, Object> coForged = new HashMap<>(held);
        coForged.put("coSeal", held.get("seal"));
        verify(coForged).body("valid", equalTo(false)).body("seal", equalTo("SIGNATURE_INVALID"));
    }

    private static ValidatableResponse verify(Map<String, Object> held) {
        return as("auditor", h.county).body(held).post("/history/checkpoints/verification").then().statusCode(200);
    }

    /** The link's hash re-made from its row as stored now, as a database owner covering their tracks would. */
    private static String hashOf(Statement sql, long seq) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (ResultSet rs = sql.executeQuery("select l.prev_hash, h.id, h.unit_id, h.change, h.effective_on::text, h.reason,"
                + " h.recorded_at, h.recorded_by from history_link l join unit_history h on h.id = l.line_id where l.seq = " + seq)) {
            rs.next();
            ObjectNode fields = json.createObjectNode();
            fields.put("seq", seq);
            fields.put("historyId", rs.getLong(2));
            fields.put("unitId", rs.getString(3));
            fields.put("change", rs.getString(4));
            fields.put("effectiveOn", rs.getString(5));
            fields.put("reason", rs.getString(6));
            fields.put("recordedAt", DateTimeFormatter.ISO_INSTANT.format(rs.getObject(7, OffsetDateTime.class).toInstant()));
            fields.put("recordedBy", rs.getString(8));
            fields.put("prevHash", rs.getString(1));
            fields.put("digest", "SM3");
            return HexFormat.of().formatHex(SealAlgorithm.sm3(CanonicalJson.of(fields).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
