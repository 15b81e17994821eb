package org.tuanjie.units;

import static org.hamcrest.Matchers.equalTo;
import static org.tuanjie.testing.ContractExamples.body;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.etag;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every request body units-service's contract shows as an example is accepted as it stands, sent by the role the
 * operation is for ("Try it out" in Swagger UI): only ids of the demo county are replaced with the test county's,
 * and the receiver's address with one on this machine.
 */
@QuarkusTest
class ContractExamplesTest {

    private static RequestSpecification changing(RequestSpecification who, String reader, String unitCode, String path) {
        return who.header("If-Match", etag(reader, unitCode, path));
    }

    @Test
    void theUnitBodiesAreAcceptedAlongAUnitsLife() {
        Hierarchy h = new Hierarchy("78");
        Map<String, Object> unit = body("createUnit");
        unit.put("code", h.townshipA.substring(0, 9) + "003");
        unit.put("parentId", h.id(h.townshipA));
        String id = admin(h.county).body(unit).post("/units").then().statusCode(201).extract().path("id");
        String path = "/units/" + id;

        changing(admin(h.county), "auditor", h.county, path).body(body("renameUnit")).put(path).then().statusCode(200)
                .body("names.bo", equalTo("དགོན་ཆེན་གྲོང་རྡལ།"));
        // what moves between townships is a unit named by its credit code (a monastery), not a village
        Map<String, Object> move = body("moveUnit");
        move.put("parentId", h.id(h.townshipA));
        String temple = "/units/" + h.id(h.temple);
        changing(admin(h.county), "auditor", h.county, temple).body(move).post(temple + "/move").then().statusCode(200)
                .body("parentId", equalTo(h.id(h.townshipA)));
        changing(admin(h.county), "auditor", h.county, path).body(body("closeUnit")).post(path + "/close").then()
                .statusCode(200);
        changing(admin(h.county), "auditor", h.county, path).body(body("reopenUnit")).post(path + "/reopen").then()
                .statusCode(200);

        String readiness = "/units/" + h.id(h.townshipA) + "/readiness";
        changing(as("unit-liaison", h.townshipA), "auditor", h.county, readiness).body(body("replaceReadiness"))
                .put(readiness).then().statusCode(200).body("staffCount", equalTo(2));
    }

    @Test
    void theDossierBodiesAreAcceptedAlongAnEntrysLife() {
        Hierarchy h = new Hierarchy("79");
        RequestSpecification liaison = as("unit-liaison", h.townshipA);
        String activity = liaison.body(body("fileActivity")).post("/units/" + h.id(h.townshipA) + "/dossier/activities")
                .then().statusCode(201).extract().path("id");
        String activityPath = "/activities/" + activity;
        changing(as("unit-liaison", h.townshipA), "auditor", h.county, activityPath).body(body("reviseActivity"))
                .put(activityPath).then().statusCode(200).body("attendees", equalTo(350));
        changing(as("unit-liaison", h.townshipA), "auditor", h.county, activityPath).body(body("withdrawActivity"))
                .post(activityPath + "/withdraw").then().statusCode(200);

        String document = as("unit-liaison", h.townshipA).body(body("fileDocument"))
                .post("/units/" + h.id(h.townshipA) + "/dossier/documents").then().statusCode(201).extract().path("id");
        String documentPath = "/documents/" + document;
        changing(as("unit-liaison", h.townshipA), "auditor", h.county, documentPath).body(body("reviseDocument"))
                .put(documentPath).then().statusCode(200).body("indicatorCodes", equalTo(List.of("1.1", "1.2")));
        changing(as("unit-liaison", h.townshipA), "auditor", h.county, documentPath).body(body("withdrawDocument"))
                .post(documentPath + "/withdraw").then().statusCode(200);
    }

    @Test
    void theDomainBodiesAreAccepted() {
        Hierarchy h = new Hierarchy("80");
        Map<String, Object> domain = body("createDomain");
        domain.put("ownerUnitId", h.id(h.county));
        String id = admin(h.county).body(domain).post("/domains").then().statusCode(201).extract().path("id");
        String path = "/domains/" + id;
        Map<String, Object> update = body("updateDomain");
        update.put("leadUnitId", h.id(h.organ));
        changing(admin(h.county), "auditor", h.county, path).body(update).put(path).then().statusCode(200)
                .body("leadUnitId", equalTo(h.id(h.organ)));
        Map<String, Object> member = body("addDomainMember");
        member.put("unitId", h.id(h.school));
        admin(h.county).body(member).post(path + "/members").then().statusCode(201);
    }

    @Test
    void thePeopleAndAccountBodiesAreAccepted() {
        Hierarchy h = new Hierarchy("81");
        String people = "/units/" + h.id(h.townshipB) + "/people";
        String liaison = admin(h.county).body(body("addPerson")).post(people).then().statusCode(201)
                .body("account.username", equalTo("maisu-liaison")).extract().path("id");
        String liaisonPath = people + "/" + liaison;
        changing(admin(h.county), "auditor", h.county, liaisonPath).body(body("changeAccountRoles"))
                .put(liaisonPath + "/account/roles").then().statusCode(200);

        Map<String, Object> leader = body("addPerson");
        leader.remove("account");
        leader.put("role", "LEADER");
        leader.put("nameZh", "扎西");
        String leaderId = admin(h.county).body(leader).post(people).then().statusCode(201).extract().path("id");
        String leaderPath = people + "/" + leaderId;
        admin(h.county).body(body("openAccount")).post(leaderPath + "/account").then().statusCode(200)
                .body("account.username", equalTo("maisu-leader"));
        changing(admin(h.county), "auditor", h.county, leaderPath).body(body("endPersonPeriod"))
                .post(leaderPath + "/leave").then().statusCode(200);
    }

    @Test
    void theWebhookBodiesAreAccepted() {
        Hierarchy h = new Hierarchy("82");
        Map<String, Object> subscription = body("createUnitWebhook");
        subscription.put("url", "http://127.0.0.1:9/hooks/tuanjie"); // the county OA's address, on this machine
        String id = as("integration", h.county).body(subscription).post("/units/webhooks").then().statusCode(201)
                .extract().path("id");
        as("integration", h.county).body(body("redeliverUnitWebhook")).post("/units/webhooks/" + id + "/redeliveries")
                .then().statusCode(200);
    }
}
