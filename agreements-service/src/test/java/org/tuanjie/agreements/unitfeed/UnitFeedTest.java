package org.tuanjie.agreements.unitfeed;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.agreements.TestServers;
import org.tuanjie.testing.FakeCounty;

/** A unit moved in units-service takes its agreement along: to the township it joined, away from the one it left. */
@QuarkusTest
class UnitFeedTest {

    @AfterEach
    void noServiceIdentity() {
        FakeCounty.serviceRoot(null);
    }

    @Test
    void anAgreementFollowsItsUnitToAnotherTownship() {
        FakeCounty c = new FakeCounty("540127");
        String school = c.schools.get(0);
        String from = c.townships.get(0);
        String to = c.townships.get(2);
        issueWithin(c, publishedTemplate(c, 2026), from).then().statusCode(200);
        String id = agreementOf(c, school, 2026);
        as("auditor", from).get("/agreements/" + id).then().statusCode(200);
        as("auditor", to).get("/agreements/" + id).then().statusCode(404);

        c.move(school, to);
        FakeCounty.serviceRoot(TestServers.SERVICE_ROOT);
        as("auditor", c.county).post("/agreements/unit-feed").then().statusCode(403);
        as("admin", c.county).post("/agreements/unit-feed").then().statusCode(200)
                .body("moved", equalTo(1)).body("departed", equalTo(0)).body("rows", equalTo(1));

        as("auditor", from).get("/agreements/" + id).then().statusCode(404);
        as("auditor", from).queryParam("year", 2026).get("/agreements").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as("auditor", to).get("/agreements/" + id).then().statusCode(200)
                .body("township.code", equalTo(to)).body("unit.code", equalTo(school));
        as("auditor", c.county).queryParam("year", 2026).queryParam("within", c.id(to)).get("/coverage").then()
                .statusCode(200).body("issued", equalTo(1));
        // the school's leader, whose reach moved with the school, still signs it
        act("unit-leader", school, id, "sign", null, c.county).then().statusCode(200);

        as("admin", c.county).post("/agreements/unit-feed").then().statusCode(200).body("rows", equalTo(0));
    }
}
