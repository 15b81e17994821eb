package org.tuanjie.units.domain;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.completeReadiness;
import static org.tuanjie.units.UnitsApi.create;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.Hierarchy;

/**
 * The lead unit (牵头单位) of a "9+N进" domain reads its member units and their readiness across subtrees,
 * read-only. Here township A leads the county's "entering townships" domain, whose members are township B
 * and a village of B; the religious venue under B is no member.
 */
@QuarkusTest
class LeadUnitReadsApiTest {

    private static Hierarchy h;
    private static String townships;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("42");
            townships = domainId("TOWNSHIPS");
            appointLead(townships, h.id(h.townshipA));
            for (String member : List.of(h.townshipB, h.villageB)) {
                admin(h.county).body(Map.of("unitId", h.id(member))).post("/domains/" + townships + "/members")
                        .then().statusCode(201);
            }
        }
    }

    @Test
    void theLeadReadsAMemberOutsideItsSubtree() {
        String townshipB = "/units/" + h.id(h.townshipB);
        as("unit-liaison", h.townshipA).get(townshipB + "/readiness").then().statusCode(200)
                .body("unitCode", equalTo(h.townshipB)).body("threeNone", equalTo(true));
        as("unit-leader", h.townshipA).get("/units/" + h.id(h.villageB) + "/readiness").then().statusCode(200)
                .body("unitCode", equalTo(h.villageB));
        admin(h.townshipA).get(townshipB).then().statusCode(200).body("code", equalTo(h.townshipB));
        as("unit-liaison", h.townshipA).get("/domains/" + townships + "/members").then().statusCode(200)
                .body("items.code", containsInAnyOrder(h.townshipB, h.villageB));
        as("unit-liaison", h.townshipA).get("/domains/" + townships + "/coverage").then().statusCode(200)
                .body("members", equalTo(2));
    }

    @Test
    void aNonMemberOutsideTheLeadsSubtreeStaysNotFound() {
        as("unit-liaison", h.townshipA).get("/units/" + h.id(h.temple) + "/readiness").then().statusCode(404)
                .body("type", equalTo("/problems/unit-not-found"));
        admin(h.townshipA).get("/units/" + h.id(h.temple)).then().statusCode(404);
        // only the member's unit and readiness are granted, not the tree around it
        admin(h.townshipA).get("/units/" + h.id(h.townshipB) + "/children").then().statusCode(404);
        admin(h.townshipA).get("/units/" + h.id(h.townshipB) + "/ancestors").then().statusCode(404);
        admin(h.townshipA).get("/units/" + h.id(h.townshipB) + "/history").then().statusCode(404);
    }

    @Test
    void theLeadCannotWriteAMembersReadiness() {
        String path = "/units/" + h.id(h.townshipB) + "/readiness";
        as("unit-liaison", h.townshipA).header("If-Match", "\"0\"").body(completeReadiness()).put(path).then()
                .statusCode(404);
        admin(h.townshipA).header("If-Match", "\"0\"").body(completeReadiness()).put(path).then().statusCode(404);
        admin(h.county).get(path).then().statusCode(200).header("ETag", equalTo("\"0\"")).body("score", equalTo(0));
    }

    @Test
    void nobodyElseReadsAcrossByTheDomain() {
        // a village under the lead is not the lead
        as("unit-liaison", h.villageA).get("/units/" + h.id(h.townshipB) + "/readiness").then().statusCode(404);
        as("unit-liaison", h.villageA).get("/domains/" + townships + "/members").then().statusCode(200)
                .body("items", hasSize(0));
        // a member does not read the lead, nor another township's units
        as("unit-liaison", h.townshipB).get("/units/" + h.id(h.townshipA) + "/readiness").then().statusCode(404);
        as("unit-liaison", h.townshipB).get("/units/" + h.id(h.school)).then().statusCode(404);
    }

    @Test
    void theReadEndsWhenTheUnitNoLongerLeads() {
        String scenic = domainId("SCENIC_AREAS");
        String scenicArea = create(h.province, org.tuanjie.units.UnitsApi.creditCode("12423422MB0000004"), "SCENIC_AREA",
                h.id(h.townshipB), "梅里雪山景区");
        appointLead(scenic, h.id(h.townshipA));
        admin(h.county).body(Map.of("unitId", scenicArea)).post("/domains/" + scenic + "/members").then().statusCode(201);
        as("unit-liaison", h.townshipA).get("/units/" + scenicArea + "/readiness").then().statusCode(200);
        appointLead(scenic, null);
        as("unit-liaison", h.townshipA).get("/units/" + scenicArea + "/readiness").then().statusCode(404);
        as("unit-liaison", h.townshipA).get("/domains/" + scenic + "/members").then().statusCode(200)
                .body("items", hasSize(0));
    }

    private static String domainId(String code) {
        List<Map<String, Object>> domains = admin(h.county).queryParam("owner", h.id(h.county)).get("/domains")
                .then().statusCode(200).extract().path("");
        return domains.stream().filter(d -> code.equals(d.get("code"))).map(d -> (String) d.get("id")).findFirst()
                .orElseThrow();
    }

    private static void appointLead(String domain, String leadUnitId) {
        String etag = admin(h.county).get("/domains/" + domain).then().statusCode(200).extract().header("ETag");
        Map<String, Object> update = new HashMap<>();
        update.put("names", Map.of("zh", "民族团结进步创建领域"));
        update.put("leadUnitId", leadUnitId);
        admin(h.county).header("If-Match", etag).body(update).put("/domains/" + domain).then().statusCode(200);
    }
}
