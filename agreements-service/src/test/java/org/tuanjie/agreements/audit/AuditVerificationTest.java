package org.tuanjie.agreements.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;

/**
 * Chain verification in bounded windows, told in terms of the caller's jurisdiction. Two counties write
 * to the one chain: county X (its townships A and B signing) and then county Y. Tests run with at most
 * 20 entries walked per call (see application.properties), fewer than the two counties wrote.
 */
@QuarkusTest
class AuditVerificationTest {

    private static final int MAX_PER_CALL = 20;

    private static FakeCounty x;
    private static FakeCounty y;
    private static String townshipA;
    private static String townshipB;
    private static long firstOfX;

    /** Once for the class: the two counties' entries are the stretch of chain every test walks. */
    @BeforeEach
    void twoCountiesWriteToTheChain() {
        if (x != null) {
            return;
        }
        x = new FakeCounty("540131");
        y = new FakeCounty("540132");
        townshipA = x.townships.get(0);
        townshipB = x.townships.get(1);
        issueWithin(x, publishedTemplate(x, 2026), x.county).then().statusCode(200);
        for (String unit : List.of(x.villages.get(0), x.schools.get(0), x.villages.get(1))) {
            act("unit-leader", unit, agreementOf(x, unit, 2026), "sign", null, x.county).then().statusCode(200);
        }
        issueWithin(y, publishedTemplate(y, 2026), y.county).then().statusCode(200);
        firstOfX = entries("auditor", x.county).get(0).seq();
    }

    @Test
    void aTownshipAuditorCountsExactlyTheEntriesItMaySee() {
        // township A: its own, village A and school A issued, then village A and school A signed
        assertEquals(5, entries("auditor", townshipA).size());
        assertEquals(entries("auditor", townshipA).size(), checkedIn(walk("auditor", townshipA, firstOfX)));
        assertEquals(entries("auditor", townshipB).size(), checkedIn(walk("auditor", townshipB, firstOfX)));
        assertEquals(entries("auditor", x.county).size(), checkedIn(walk("auditor", x.county, firstOfX)));
        assertEquals(entries("auditor", y.county).size(), checkedIn(walk("auditor", y.county, firstOfX)));
        assertEquals(entries("admin", y.county).size(), checkedIn(walk("admin", y.county, firstOfX)));

        List<String> elsewhere = new ArrayList<>(List.of(townshipB, x.villages.get(1), x.schools.get(1), y.county,
                agreementOf(x, x.villages.get(1), 2026), agreementOf(y, y.villages.get(0), 2026)));
        for (JsonPath answer : walk("auditor", townshipA, firstOfX)) {
            String text = answer.prettify();
            elsewhere.forEach(code -> assertFalse(text.contains(code), () -> code + " in " + text));
        }
    }

    @Test
    void aLongChainIsWalkedInBoundedStepsThatJoin() {
        List<JsonPath> windows = walk("auditor", x.county, firstOfX);
        assertTrue(windows.size() >= 2, "the two counties wrote more than one call may walk");
        for (int i = 0; i < windows.size(); i++) {
            JsonPath w = windows.get(i);
            assertTrue(w.getBoolean("valid"));
            assertTrue(w.getLong("to") - w.getLong("from") + 1 <= MAX_PER_CALL);
            if (i + 1 < windows.size()) {
                assertEquals(w.getLong("to") + 1, w.getLong("next"));
                assertEquals(w.getLong("next"), windows.get(i + 1).getLong("from"));
            }
        }
        assertNull(windows.get(windows.size() - 1).get("next"));
        long last = windows.get(windows.size() - 1).getLong("to");
        assertEquals(entries("auditor", y.county).get(entries("auditor", y.county).size() - 1).seq(), last);

        // without fromSeq: the latest entries, as many as one call may walk
        as("auditor", x.county).get("/audit/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("to", equalTo((int) last))
                .body("from", equalTo((int) last - MAX_PER_CALL + 1)).body("next", nullValue());
        as("auditor", x.county).queryParam("fromSeq", firstOfX).queryParam("limit", 3).get("/audit/verification")
                .then().statusCode(200).body("to", equalTo((int) firstOfX + 2)).body("next", equalTo((int) firstOfX + 3));
        as("auditor", x.county).queryParam("limit", MAX_PER_CALL + 1).get("/audit/verification").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("auditor", x.county).queryParam("limit", 0).get("/audit/verification").then().statusCode(400);
        as("auditor", x.county).queryParam("fromSeq", 0).get("/audit/verification").then().statusCode(400)
                .body("errors[0].field", equalTo("fromSeq"));
        as("auditor", x.county).queryParam("fromSeq", last + 1).get("/audit/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("checked", equalTo(0)).body("next", nullValue());
    }

    @Test
    void anAlteredEntryIsNamedToWhoMaySeeItAndOnlyFlaggedToOthers() throws SQLException {
        List<Entry> ofA = entries("auditor", townshipA);
        long villageASigned = ofA.stream().filter(e -> e.action().equals("SIGNED")).findFirst().orElseThrow().seq();
        long countedBefore = ofA.stream().filter(e -> e.seq() < villageASigned).count();
        tampered(villageASigned, "update audit_entry set actor = 'forger' where seq = " + villageASigned, () -> {
            for (String auditor : List.of(townshipA, x.county)) {
                JsonPath broken = firstBreak(walk("auditor", auditor, firstOfX));
                assertEquals(villageASigned, broken.getLong("brokenAt"));
                assertEquals("entry-altered", broken.getString("reason"));
                assertEquals(villageASigned, broken.getLong("to"));
                assertEquals(villageASigned + 1, broken.getLong("next"));
            }
            assertEquals(countedBefore, checkedIn(untilBreak(walk("auditor", townshipA, firstOfX))));
            JsonPath flagged = firstBreak(walk("auditor", townshipB, firstOfX));
            assertEquals("outside-your-reach", flagged.getString("reason"));
            assertNull(flagged.get("brokenAt"));
        });

        long ofY = entries("auditor", y.county).get(3).seq();
        tampered(ofY, "update audit_entry set detail = '{\"templateId\":\"forged\"}' where seq = " + ofY, () -> {
            JsonPath named = firstBreak(walk("auditor", y.county, firstOfX));
            assertEquals(ofY, named.getLong("brokenAt"));
            assertEquals("entry-altered", named.getString("reason"));

            List<JsonPath> flagged = walk("auditor", x.county, firstOfX);
            JsonPath first = firstBreak(flagged);
            assertEquals("outside-your-reach", first.getString("reason"));
            assertNull(first.get("brokenAt"));
            assertEquals(entries("auditor", x.county).size(), checkedIn(flagged), "X's entries all precede Y's");
            // past the break the rest of the chain is intact
            assertTrue(flagged.get(flagged.size() - 1).getBoolean("valid"));
        });
        assertTrue(walk("auditor", x.county, firstOfX).stream().allMatch(w -> w.getBoolean("valid")));
    }

    /** Removing one of your own entries cannot pass unnoticed, even where its neighbour is someone else's. */
    @Test
    void aRemovedEntryBreaksTheWindowOfItsOwnerToo() throws SQLException {
        List<Entry> ofA = entries("auditor", townshipA);
        long removed = ofA.get(ofA.size() - 1).seq(); // school A signed; village B signed follows it
        tampered(removed, "delete from audit_entry where seq = " + removed, () -> {
            JsonPath own = firstBreak(walk("auditor", townshipA, firstOfX));
            assertEquals("outside-your-reach", own.getString("reason"));
            JsonPath neighbour = firstBreak(walk("auditor", townshipB, firstOfX));
            assertEquals("missing-entry", neighbour.getString("reason"));
            assertEquals(removed, neighbour.getLong("brokenAt"));
        });
        assertTrue(walk("auditor", townshipA, firstOfX).stream().allMatch(w -> w.getBoolean("valid")));
    }

    private record Entry(long seq, String action) {
    }

    /** Everything GET /audit lists for the caller, oldest first. */
    private static List<Entry> entries(String role, String unitCode) {
        List<Map<String, Object>> items = as(role, unitCode).queryParam("limit", 500).get("/audit").then().statusCode(200)
                .extract().path("items");
        return items.stream().map(i -> new Entry(((Number) i.get("seq")).longValue(), (String) i.get("action"))).toList();
    }

    /** Each window from fromSeq to the end of the chain, following next (past breaks too). */
    private static List<JsonPath> walk(String role, String unitCode, long fromSeq) {
        List<JsonPath> windows = new ArrayList<>();
        Long from = fromSeq;
        while (from != null) {
            assertTrue(windows.size() < 100, "next should reach the end of the chain");
            JsonPath w = as(role, unitCode).queryParam("fromSeq", from).get("/audit/verification").then().statusCode(200)
                    .extract().jsonPath();
            windows.add(w);
            from = w.get("next") == null ? null : w.getLong("next");
        }
        return windows;
    }

    private static JsonPath firstBreak(List<JsonPath> windows) {
        return windows.stream().filter(w -> !w.getBoolean("valid")).findFirst().orElseThrow(() -> new AssertionError(
                "no window reported a break"));
    }

    private static List<JsonPath> untilBreak(List<JsonPath> windows) {
        List<JsonPath> upTo = new ArrayList<>();
        for (JsonPath w : windows) {
            upTo.add(w);
            if (!w.getBoolean("valid")) {
                break;
            }
        }
        return upTo;
    }

    private static long checkedIn(List<JsonPath> windows) {
        return windows.stream().mapToLong(w -> w.getLong("checked")).sum();
    }

    /** Changes one entry behind the service's back (as a superuser can), runs the checks, puts the entry back. */
    private static void tampered(long seq, String change, Runnable checks) throws SQLException {
        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute("create temp table original as select * from audit_entry where seq = " + seq);
            try {
                sql.executeUpdate(change);
                checks.run();
            } finally {
                sql.executeUpdate("delete from audit_entry where seq = " + seq);
                sql.executeUpdate("insert into audit_entry select * from original");
                sql.execute("drop table original");
                sql.execute("set session_replication_role = origin");
            }
        }
    }

    private static Connection database() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
