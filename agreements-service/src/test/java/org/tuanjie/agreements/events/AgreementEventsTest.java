package org.tuanjie.agreements.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;

/** An agreement's steps as other platforms are told them: issued, signed, active; a refused step tells nothing. */
@QuarkusTest
class AgreementEventsTest {

    private static FakeCounty c;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new FakeCounty("540142");
        }
    }

    private static List<Map<String, Object>> about(String role, String unitCode, String agreementId) {
        return as(role, unitCode).queryParam("limit", 500).get("/agreements/events").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(e -> ("agreements/" + agreementId).equals(e.get("subject"))).toList();
    }

    @Test
    void issuedSignedAndActiveAreToldInOrderToWhoseReachCoversTheUnit() {
        String village = c.villages.get(0);
        issueWithin(c, publishedTemplate(c, 2031), c.county).then().statusCode(200);
        String id = agreementOf(c, village, 2031);
        act("unit-liaison", village, id, "sign", null, c.county).then().statusCode(403);
        act("unit-leader", village, id, "sign", null, c.county).then().statusCode(200);
        act("admin", c.county, id, "countersign", null, c.county).then().statusCode(200);

        List<Map<String, Object>> told = about("integration", c.county, id);
        assertEquals(List.of("org.tuanjie.agreement.issued", "org.tuanjie.agreement.signed", "org.tuanjie.agreement.active"),
                told.stream().map(e -> e.get("type")).toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) told.get(2).get("data");
        assertEquals("ACTIVE", data.get("state"));
        assertEquals(village, data.get("unitCode"));
        assertEquals(3, about("auditor", c.townships.get(0), id).size(), "the village's township");
        assertEquals(0, about("auditor", c.townships.get(1), id).size(), "another township");
        as("unit-leader", village).get("/agreements/events").then().statusCode(403);
    }

    /** Subscribing is for the office and other platforms; oversight looks; a subscription is seen within the reach of its scope. */
    @Test
    void theOfficeAndPlatformsSubscribeToAgreementEventsAndOthersDoNot() {
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/hook", "types", List.of("org.tuanjie.agreement.signed"));
        for (String role : List.of("inspector", "unit-liaison", "unit-leader", "auditor")) {
            as(role, c.county).body(body).post("/agreements/webhooks").then().statusCode(403);
        }
        String id = as("integration", c.townships.get(0)).body(body).post("/agreements/webhooks").then().statusCode(201)
                .extract().path("id");
        as("auditor", c.county).get("/agreements/webhooks/" + id).then().statusCode(200);
        as("admin", c.townships.get(1)).get("/agreements/webhooks/" + id).then().statusCode(404);
        as("auditor", c.townships.get(0)).delete("/agreements/webhooks/" + id).then().statusCode(403);
        as("admin", c.county).delete("/agreements/webhooks/" + id).then().statusCode(204);
    }
}
