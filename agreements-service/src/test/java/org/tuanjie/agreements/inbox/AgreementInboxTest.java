package org.tuanjie.agreements.inbox;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;

/**
 * The agreements inbox, written from the rules: an issued agreement waits for the signature of its own unit's principal
 * leader (not a liaison's, not the township leader's above it, not the office's); once signed it waits for the issuing
 * office's admins to countersign (not a township admin's below); the step that answers an item resolves it; a read mark
 * is the person's own.
 */
@QuarkusTest
class AgreementInboxTest {

    private static FakeCounty c;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new FakeCounty("540171");
            issueWithin(c, publishedTemplate(c, 2026), c.county).then().statusCode(200);
        }
    }

    /** Everything a first sync of {@code role} at {@code unit} brings, then what later syncs bring, by the cursor. */
    private static final class Device {
        private final String role;
        private final String unit;
        private String cursor;

        Device(String role, String unit) {
            this.role = role;
            this.unit = unit;
        }

        List<Map<String, Object>> sync() {
            List<Map<String, Object>> items = new ArrayList<>();
            while (true) {
                var request = as(role, unit);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath batch = request.get("/agreements/inbox").then().statusCode(200).extract().jsonPath();
                items.addAll(batch.getList("items"));
                cursor = batch.getString("cursor");
                if (!batch.getBoolean("more")) {
                    return items;
                }
            }
        }
    }

    private static List<Map<String, Object>> about(List<Map<String, Object>> items, String agreementId) {
        return items.stream().filter(i -> agreementId.equals(i.get("agreementId"))).toList();
    }

    @Test
    void anIssuedAgreementWaitsOnlyForItsOwnUnitsLeader() {
        String village = c.villages.get(0);
        String agreement = agreementOf(c, village, 2026);
        List<Map<String, Object>> leaders = new Device("unit-leader", village).sync();
        assertEquals(1, leaders.size(), "one agreement to sign, the village's own: " + leaders);
        assertEquals("TO_SIGN", leaders.get(0).get("kind"));
        assertEquals(agreement, leaders.get(0).get("agreementId"));
        assertEquals(village, ((Map<?, ?>) leaders.get(0).get("detail")).get("unitCode"));

        // the township's leader reads the village's agreement, but signs only the township's own
        String township = c.townships.get(0);
        List<Map<String, Object>> above = new Device("unit-leader", township).sync();
        assertEquals(List.of(agreementOf(c, township, 2026)), above.stream().map(i -> i.get("agreementId")).toList());
        assertTrue(new Device("unit-liaison", village).sync().isEmpty(), "a liaison does not sign");
        assertTrue(about(new Device("admin", c.county).sync(), agreement).isEmpty(), "the office does not sign for party B");
        as("auditor", c.county).get("/agreements/inbox").then().statusCode(403);
        as("integration", c.county).get("/agreements/inbox").then().statusCode(403);
    }

    @Test
    void signingAnswersTheLeaderAndWaitsForTheIssuingOfficeUntilItCountersigns() {
        String village = c.villages.get(1);
        String agreement = agreementOf(c, village, 2026);
        Device leader = new Device("unit-leader", village);
        Device office = new Device("admin", c.county);
        Device townshipOffice = new Device("admin", c.townships.get(1));
        assertEquals(1, about(leader.sync(), agreement).size());
        office.sync();
        townshipOffice.sync();

        act("unit-leader", village, agreement, "sign", null, c.county).then().statusCode(200).body("state", equalTo("SIGNED"));
        List<Map<String, Object>> answered = about(leader.sync(), agreement);
        assertEquals(1, answered.size());
        assertNotNull(answered.get(0).get("resolvedAt"), "signed: the leader's item is resolved");
        List<Map<String, Object>> toCountersign = about(office.sync(), agreement);
        assertEquals(1, toCountersign.size());
        assertEquals("TO_COUNTERSIGN", toCountersign.get(0).get("kind"));
        assertEquals(null, toCountersign.get(0).get("resolvedAt"));
        assertTrue(about(townshipOffice.sync(), agreement).isEmpty(), "the county issued it: not the township's to countersign");

        act("admin", c.county, agreement, "countersign", null, c.county).then().statusCode(200).body("state", equalTo("ACTIVE"));
        List<Map<String, Object>> done = about(office.sync(), agreement);
        assertEquals(1, done.size());
        assertNotNull(done.get(0).get("resolvedAt"), "countersigned: nothing waits any more");
        assertTrue(about(new Device("admin", c.county).sync(), agreement).isEmpty(), "a new device never sees what was answered");
    }

    @Test
    void aReadMarkIsThePersonsOwnAndOthersItemsAreNotFound() {
        String village = c.villages.get(2);
        Device leader = new Device("unit-leader", village);
        String item = (String) leader.sync().get(0).get("id");
        assertFalse((Boolean) new Device("unit-leader", village).sync().get(0).get("read"));
        as("unit-leader", c.villages.get(0)).post("/agreements/inbox/" + item + "/read").then().statusCode(404)
                .body("type", equalTo("/problems/inbox-item-not-found"));
        as("admin", c.county).post("/agreements/inbox/" + item + "/read").then().statusCode(404);
        as("unit-leader", village).post("/agreements/inbox/" + item + "/read").then().statusCode(204);
        as("unit-leader", village).post("/agreements/inbox/" + item + "/read").then().statusCode(204);
        List<Map<String, Object>> marked = leader.sync();
        assertEquals(1, marked.size(), "the mark reaches the person's other device once: " + marked);
        assertEquals(true, marked.get(0).get("read"));
        assertEquals(true, new Device("unit-leader", village).sync().get(0).get("read"),
                "a new device of the same person sees the mark");
    }
}
