package org.tuanjie.agreements;

import static org.hamcrest.Matchers.equalTo;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.testing.ContractExamples.body;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;

/**
 * The request bodies the contract shows as examples are accepted as they are: a clerk who sends one to a resource
 * it fits gets no 400. Ids of the demo county in them are replaced with the test county's.
 */
@QuarkusTest
class ContractExamplesTest {

    @Test
    void theExampleBodiesAreAcceptedAlongTheWorkflow() {
        FakeCounty c = new FakeCounty("540151");
        String draft = as("admin", c.county).body(body("createTemplate")).post("/templates").then().statusCode(201)
                .extract().path("id");
        as("admin", c.county).header("If-Match", "\"0\"").body(body("reviseTemplate")).put("/templates/" + draft)
                .then().statusCode(200).body("targets.size()", equalTo(4));

        String template = as("admin", c.county).body(body("createTemplate")).post("/templates").then().statusCode(201)
                .extract().path("id");
        as("admin", c.county).header("If-Match", "\"0\"").post("/templates/" + template + "/publish").then().statusCode(200);
        Map<String, Object> issue = body("issueAgreements");
        issue.put("within", c.id(c.county));
        as("admin", c.county).body(issue).post("/templates/" + template + "/issue").then().statusCode(200);

        String assessed = agreementOf(c, c.villages.get(0), 2026);
        act("unit-leader", c.villages.get(0), assessed, "sign", null, c.county).then().statusCode(200);
        act("admin", c.county, assessed, "countersign", null, c.county).then().statusCode(200);
        c.readiness(c.villages.get(0), 100, true);
        act("admin", c.county, assessed, "assessment", body("assessAgreement"), c.county).then().statusCode(200)
                .body("result", equalTo("FULFILLED"));

        String amended = agreementOf(c, c.villages.get(1), 2026);
        act("admin", c.county, amended, "amendments", body("amendAgreement"), c.county).then().statusCode(201);

        String revoked = agreementOf(c, c.schools.get(0), 2026);
        act("admin", c.county, revoked, "revoke", body("revokeAgreement"), c.county).then().statusCode(200)
                .body("state", equalTo("REVOKED"));
    }
}
