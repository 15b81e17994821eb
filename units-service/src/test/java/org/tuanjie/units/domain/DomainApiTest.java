package org.tuanjie.units.domain;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.Hierarchy;

@QuarkusTest
class DomainApiTest {

    private static Hierarchy h;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("63");
        }
    }

    private String domainId(String code) {
        List<Map<String, Object>> domains = admin(h.county).queryParam("owner", h.id(h.county)).get("/domains")
                .then().statusCode(200).extract().path("");
        return domains.stream().filter(d -> code.equals(d.get("code"))).map(d -> (String) d.get("id")).findFirst()
                .orElseThrow();
    }

    @Test
    void everyCountyStartsWithTheNineStandardDomains() {
        admin(h.county).queryParam("owner", h.id(h.county)).get("/domains").then().statusCode(200)
                .body("", hasSize(9))
                .body("code", hasItems("ORGANS", "SCHOOLS", "RELIGIOUS_VENUES", "SCENIC_AREAS", "CORPS_COMPANIES"))
                .body("find { it.code == 'SCHOOLS' }.names.zh", equalTo("民族团结进步进学校"))
                .body("standard", org.hamcrest.Matchers.everyItem(equalTo(true)));
        // a township sees its county's domains
        as("unit-liaison", h.townshipA).get("/domains").then().statusCode(200).body("code", hasItem("SCHOOLS"));
    }

    @Test
    void coverageCountsMembersWithACompleteProfile() {
        String schools = domainId("SCHOOLS");
        String etag = admin(h.county).get("/domains/" + schools).then().statusCode(200).extract().header("ETag");
        admin(h.county).header("If-Match", etag)
                .body(Map.of("names", Map.of("zh", "民族团结进步进学校"), "leadUnitId", h.id(h.organ)))
                .put("/domains/" + schools).then().statusCode(200).body("leadUnitId", equalTo(h.id(h.organ)));
        admin(h.county).body(Map.of("unitId", h.id(h.school))).post("/domains/" + schools + "/members")
                .then().statusCode(201).body("code", equalTo(h.school));
        admin(h.county).body(Map.of("unitId", h.id(h.school))).post("/domains/" + schools + "/members")
                .then().statusCode(200);
        admin(h.county).body(Map.of("unitId", h.id(h.villageA))).post("/domains/" + schools + "/members")
                .then().statusCode(201);
        admin(h.county).get("/domains/" + schools + "/coverage").then().statusCode(200)
                .body("members", equalTo(2)).body("complete", equalTo(0)).body("rate", equalTo(0.0f))
                .body("incomplete", hasSize(2));
        admin(h.county).header("If-Match", "\"0\"").body(org.tuanjie.units.UnitsApi.completeReadiness())
                .put("/units/" + h.id(h.school) + "/readiness").then().statusCode(200);
        admin(h.county).get("/domains/" + schools + "/coverage").then().body("complete", equalTo(0));
        // the principal leader and liaison are the school's people records
        org.tuanjie.units.UnitsApi.recordLeaderAndLiaison(h.county, h.id(h.school));
        admin(h.county).get("/domains/" + schools + "/coverage").then().statusCode(200)
                .body("members", equalTo(2)).body("complete", equalTo(1)).body("rate", equalTo(0.5f))
                .body("incomplete.code", org.hamcrest.Matchers.contains(h.villageA));
        // the township's auditor sees only its own part of the domain
        as("auditor", h.townshipB).get("/domains/" + schools + "/coverage").then().statusCode(200)
                .body("members", equalTo(0));
        Response members = admin(h.county).get("/domains/" + schools + "/members");
        members.then().statusCode(200).body("items", hasSize(2));
        String domainEtag = admin(h.county).get("/domains/" + schools).header("ETag");
        admin(h.county).delete("/domains/" + schools + "/members/" + h.id(h.villageA)).then().statusCode(428);
        admin(h.county).header("If-Match", domainEtag).delete("/domains/" + schools + "/members/" + h.id(h.villageA))
                .then().statusCode(204);
        admin(h.county).get("/domains/" + schools + "/coverage").then().body("members", equalTo(1))
                .body("rate", equalTo(1.0f));
    }

    @Test
    void localDomainsAndTheirRules() {
        Map<String, Object> body = new HashMap<>();
        body.put("ownerUnitId", h.id(h.county));
        body.put("code", "HOSPITALS");
        body.put("names", Map.of("zh", "民族团结进步进医院"));
        String id = admin(h.county).body(body).post("/domains").then().statusCode(201)
                .body("standard", equalTo(false)).extract().path("id");
        admin(h.county).body(body).post("/domains").then().statusCode(409)
                .body("type", equalTo("/problems/domain-code-taken"));
        Map<String, Object> lowercase = new HashMap<>(body);
        lowercase.put("code", "hospitals");
        admin(h.county).body(lowercase).post("/domains").then().statusCode(400).body("errors[0].field", equalTo("code"));
        Map<String, Object> ownedByOrganization = new HashMap<>(body);
        ownedByOrganization.put("ownerUnitId", h.id(h.organ));
        ownedByOrganization.put("code", "ORGAN_LOCAL");
        admin(h.county).body(ownedByOrganization).post("/domains").then().statusCode(422);
        as("auditor", h.county).body(body).post("/domains").then().statusCode(403);
        // a township's office cannot change the county's domain, and sees it as missing
        admin(h.townshipA).body(Map.of("unitId", h.id(h.villageA))).post("/domains/" + id + "/members")
                .then().statusCode(404);
        // another county does not see it at all
        admin("610000000000").get("/domains/" + id).then().statusCode(404);
    }

    @Test
    void theLeadUnitMustBeInTheDomainsJurisdiction() {
        String organs = domainId("ORGANS");
        String etag = admin(h.province).get("/domains/" + organs).header("ETag");
        admin(h.province).header("If-Match", etag)
                .body(Map.of("names", Map.of("zh", "进机关"), "leadUnitId", h.id(h.prefecture)))
                .put("/domains/" + organs).then().statusCode(422)
                .body("type", equalTo("/problems/domain-outside-owner"));
        admin(h.province).get("/domains/" + organs).then().header("ETag", equalTo(etag))
                .body("names.zh", equalTo("民族团结进步进机关"));
    }
}
