package org.tuanjie.tasks.timeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.tasks.Flows.act;
import static org.tuanjie.tasks.Flows.finding;
import static org.tuanjie.tasks.Flows.inspection;
import static org.tuanjie.tasks.Flows.task;
import static org.tuanjie.testing.ChainTampering.lineAt;
import static org.tuanjie.testing.ChainTampering.withOriginalsRestored;
import static org.tuanjie.testing.FakeCounty.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tuanjie.bundle.BundleVerifier;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.tasks.timeline.service.TimelineChain;
import org.tuanjie.testing.FakeCounty;

/**
 * The tasks' timelines are anchored like the agreements' audit trail: a checkpoint held from before catches a
 * timeline line changed behind the service's back, the chain re-hashed after it, and the chain's tail cut; a bundle
 * carries the chain's segment and its checkpoints, which the offline verifier holds against each other.
 */
@QuarkusTest
class TimelineChainTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    TimelineChain chain;

    @TempDir
    Path temp;

    @Test
    void aCheckpointCatchesATimelineRewrittenAndReHashedAndACutTail() throws Exception {
        FakeCounty c = new FakeCounty("513283");
        String village = c.villages.get(0);
        String elsewhere = c.villages.get(1);
        String inspectionId = inspection(c.county, List.of(c.id(village), c.id(elsewhere)));
        String other = task(c.county, finding(c.county, inspectionId, c.id(elsewhere), "PUBLICITY"), TODAY.plusDays(10));
        String ours = task(c.county, finding(c.county, inspectionId, c.id(village), "PUBLICITY"), TODAY.plusDays(10));
        act("liaison-chain", "unit-liaison", village, ours, "start", null, 200);
        chain.chain().checkpoint();

        Map<String, Object> held = as("auditor", c.county).get("/timeline/checkpoints").then().statusCode(200)
                .extract().path("items[0]");
        long head = ((Number) held.get("seq")).longValue();
        assertTrue(((String) held.get("sealedPayload")).contains("\"chain\":\"tasks-timeline\""));
        verify(c, held).body("valid", equalTo(true)).body("seal", equalTo("VALID")).body("chainLength", equalTo((int) head));

        // the start of our task (the head) given to someone else behind the service's back: that line no longer gives
        // its hash; re-hashed as well, the chain holds another head than the checkpoint sealed
        withOriginalsRestored("timeline", "task_event", "actor", head, sql -> {
            long event = lineAt(sql, "timeline", head);
            sql.executeUpdate("update task_event set actor = 'someone-else' where id = " + event);
            verify(c, held).body("valid", equalTo(false)).body("reason", equalTo("entry-altered"));
            String rehashed = hashOf(sql, head);
            sql.executeUpdate("update timeline_link set hash = '" + rehashed + "' where seq = " + head);
            verify(c, held).body("valid", equalTo(false)).body("reason", equalTo("history-rewritten"))
                    .body("headHashNow", equalTo(rehashed));
            List<String> found = bundleProblems(c);
            assertEquals(List.of("timeline/checkpoints.json"), found.stream().map(p -> p.substring(0, p.indexOf(':'))).distinct()
                    .toList(), found::toString);
            assertTrue(found.get(0).contains("history rewritten"), found::toString);
        });
        verify(c, held).body("valid", equalTo(true));

        // the last link deleted: the chain no longer reaches the checkpoint, online and offline
        withOriginalsRestored("timeline", "task_event", "actor", head, sql -> {
            sql.executeUpdate("delete from timeline_link where seq = " + head);
            verify(c, held).body("valid", equalTo(false)).body("reason", equalTo("truncated"))
                    .body("chainLength", equalTo((int) head - 1));
            List<String> found = bundleProblems(c);
            assertTrue(found.size() == 1 && found.get(0).startsWith("timeline/chain.jsonl: the chain ends at seq " + (head - 1)),
                    found::toString);
        });

        // as it is: the township's bundle verifies, our lines in full, the other township's as links only
        byte[] zip = bundle(c);
        BundleVerifier.Report report = verify(zip);
        assertTrue(report.valid(), report.problems()::toString);
        assertTrue(report.chainEntriesChecked() >= head, "every link from the first: " + report.chainEntriesChecked());
        String lines = text(zip, "timeline/chain.jsonl");
        assertTrue(lines.contains("\"taskId\":\"" + ours + "\""));
        assertFalse(lines.contains(other), "the other township's task is withheld");
        assertTrue(lines.contains("\"withheld\":true"));
    }

    @Test
    void theOfficeAuditorsAndOtherPlatformsKeepCheckpointsNobodyElse() {
        FakeCounty c = new FakeCounty("513284");
        chain.chain().checkpoint();
        as("integration", c.county).get("/timeline/checkpoints").then().statusCode(200);
        as("admin", c.townships.get(0)).get("/timeline/checkpoints").then().statusCode(200);
        for (String[] who : List.of(new String[] {"unit-liaison", c.villages.get(0)}, new String[] {"unit-leader", c.townships.get(0)},
                new String[] {"inspector", c.county})) {
            as(who[0], who[1]).get("/timeline/checkpoints").then().statusCode(403);
            as(who[0], who[1]).contentType("application/json").body(Map.of("seq", 1)).post("/timeline/checkpoints/verification")
                    .then().statusCode(403);
        }
        given().get("/timeline/checkpoints").then().statusCode(401);
        as("auditor", c.county).contentType("application/json").body(Map.of("seq", 0))
                .post("/timeline/checkpoints/verification").then().statusCode(400);
        Map<String, Object> held = as("auditor", c.county).get("/timeline/checkpoints").then().statusCode(200)
                .extract().path("items[0]");
        Map<String, Object> forged = new HashMap<>(held);
        forged.put("headHash", "0".repeat(64));
        verify(c, forged).body("valid", equalTo(false)).body("seal", equalTo("SIGNATURE_INVALID"))
                .body("reason", equalTo("seal-invalid"));
        // sealed with both algorithms (the tests co-seal with SM2): the co-seal is checked too
        assertTrue(held.get("coKeyId") instanceof String && held.get("coSeal") instanceof String, held::toString);
        verify(c, held).body("valid", equalTo(true));
        Map<String, Object> coForged = new HashMap<>(held);
        coForged.put("coSeal", held.get("seal"));
        verify(c, coForged).body("valid", equalTo(false)).body("seal", equalTo("SIGNATURE_INVALID"));
    }

    private static ValidatableResponse verify(FakeCounty c, Map<String, Object> held) {
        return as("auditor", c.county).contentType("application/json").body(held).post("/timeline/checkpoints/verification")
                .then().statusCode(200);
    }

    private byte[] bundle(FakeCounty c) {
        String id = as("auditor", c.county).contentType("application/json").body(Map.of("unitId", c.id(c.townships.get(0)),
                "from", TODAY.minusDays(30).toString(), "to", TODAY.toString())).post("/bundles").then().statusCode(202)
                .extract().path("id");
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            Map<String, Object> bundle = as("auditor", c.county).get("/bundles/" + id).then().extract().path("");
            if ("READY".equals(bundle.get("state"))) {
                break;
            }
            assertNotEquals("FAILED", bundle.get("state"), () -> "the bundle failed: " + bundle.get("failure"));
            assertTrue(System.currentTimeMillis() < until, "the bundle was not built within a minute");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return as("auditor", c.county).get("/bundles/" + id + "/content").then().statusCode(200).extract().asByteArray();
    }

    private List<String> bundleProblems(FakeCounty c) throws Exception {
        return verify(bundle(c)).problems().stream().map(BundleVerifier.Problem::toString).toList();
    }

    private BundleVerifier.Report verify(byte[] zip) throws Exception {
        Path file = Files.write(Files.createTempFile(temp, "timeline-", ".zip"), zip);
        return BundleVerifier.verify(file, Optional.empty());
    }

    private static String text(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in the bundle");
    }

    /** The link's hash re-made from its line as stored now, as a database owner covering their tracks would. */
    private static String hashOf(Statement sql, long seq) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (ResultSet rs = sql.executeQuery("select l.prev_hash, e.id, e.task_id, e.type, e.from_state, e.to_state,"
                + " e.detail::text, e.actor, e.at, e.recorded_at from timeline_link l join task_event e on e.id = l.line_id"
                + " where l.seq = " + seq)) {
            rs.next();
            ObjectNode fields = json.createObjectNode();
            fields.put("seq", seq);
            fields.put("eventId", rs.getLong(2));
            fields.put("taskId", rs.getString(3));
            fields.put("type", rs.getString(4));
            fields.put("fromState", rs.getString(5));
            fields.put("toState", rs.getString(6));
            fields.set("detail", json.readTree(rs.getString(7)));
            fields.put("actor", rs.getString(8));
            fields.put("at", DateTimeFormatter.ISO_INSTANT.format(rs.getObject(9, OffsetDateTime.class).toInstant()));
            fields.put("recordedAt", DateTimeFormatter.ISO_INSTANT.format(rs.getObject(10, OffsetDateTime.class).toInstant()));
            fields.put("prevHash", rs.getString(1));
            return CanonicalJson.sha256(CanonicalJson.of(fields));
        }
    }
}
