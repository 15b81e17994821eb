package org.tuanjie.agreements.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.FakeCounty;

@QuarkusTest
class AuditAndCoverageTest {

    @Test
    void theTrailRecordsEveryStepAndCoverageCountsSignatures() {
        FakeCounty c = new FakeCounty("540126");
        issueWithin(c, publishedTemplate(c, 2026), c.county).then().statusCode(200);
        String id = agreementOf(c, c.villages.get(0), 2026);
        act("unit-leader", c.villages.get(0), id, "sign", null, c.county).then().statusCode(200);
        act("admin", c.county, id, "countersign", null, c.county).then().statusCode(200);
        String school = agreementOf(c, c.schools.get(0), 2026);
        act("unit-leader", c.schools.get(0), school, "sign", null, c.county).then().statusCode(200);
        String department = agreementOf(c, c.education, 2026);
        act("unit-leader", c.education, department, "sign", null, c.county).then().statusCode(200);

        as("auditor", c.county).queryParam("agreementId", id).get("/audit").then().statusCode(200)
                .body("items.action", contains("ISSUED", "SIGNED", "COUNTERSIGNED"))
                .body("items[1].actor", equalTo("user-unit-leader-" + c.villages.get(0)))
                .body("items[1].prevHash", notNullValue());
        var trail = as("auditor", c.county).queryParam("agreementId", id).get("/audit").then().extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertNotEquals(trail.getString("items[0].hash"), trail.getString("items[1].hash"));
        as("auditor", c.county).queryParam("actor", "user-admin-" + c.county).queryParam("unitCode", c.villages.get(0))
                .get("/audit").then().body("items.action", contains("ISSUED", "COUNTERSIGNED"));
        as("auditor", c.townships.get(1)).queryParam("agreementId", id).get("/audit").then().body("items", hasSize(0));
        as("unit-liaison", c.county).get("/audit").then().statusCode(403);
        as("auditor", c.county).queryParam("from", "yesterday").get("/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as("auditor", c.county).get("/audit/verification").then().statusCode(200).body("valid", equalTo(true));

        // 11 units: township A has its village and school signed (2 of 3), the education bureau signed
        as("auditor", c.county).queryParam("year", 2026).get("/coverage").then().statusCode(200)
                .body("issued", equalTo(11)).body("signed", equalTo(3))
                .body("groups.find { it.code == '" + c.townships.get(0) + "' }.issued", equalTo(3))
                .body("groups.find { it.code == '" + c.townships.get(0) + "' }.signed", equalTo(2))
                .body("groups.find { it.code == '" + c.townships.get(0) + "' }.type", equalTo("TOWNSHIP"))
                .body("groups.find { it.code == '" + c.education + "' }.rate", equalTo(1.0f))
                .body("groups.find { it.code == '" + c.publicity + "' }.type", equalTo("DEPARTMENT"))
                .body("unsigned", hasSize(8));
        as("auditor", c.county).queryParam("year", 2026).queryParam("within", c.id(c.townships.get(1)))
                .get("/coverage").then().body("issued", equalTo(3)).body("signed", equalTo(0));
        as("auditor", c.county).get("/coverage").then().statusCode(400);
    }
}
