package org.tuanjie.units.readiness;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.tuanjie.units.UnitsApi.admin;
import static org.tuanjie.units.UnitsApi.as;
import static org.tuanjie.units.UnitsApi.completeReadiness;
import static org.tuanjie.units.UnitsApi.recordLeaderAndLiaison;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.Hierarchy;

@QuarkusTest
class ReadinessApiTest {

    private static Hierarchy h;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("62");
        }
    }

    @Test
    void aNewUnitIsThreeNoneUntilItsProfileIsFilled() {
        admin(h.province).get("/units/" + h.id(h.villageA) + "/readiness").then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("score", equalTo(0)).body("complete", equalTo(false)).body("threeNone", equalTo(true))
                .body("missing", hasItem("OFFICE"));
    }

    @Test
    void theUnitsOwnLiaisonFillsItAndTheScoreFollows() {
        String path = "/units/" + h.id(h.school) + "/readiness";
        as("unit-liaison", h.school).header("If-Match", "\"0\"").body(completeReadiness()).put(path).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("score", equalTo(75)).body("complete", equalTo(false))
                .body("missing", containsInAnyOrder("PRINCIPAL_LEADER", "LIAISON"))
                .body("principalLeader", nullValue());
        // the leader and liaison items are the unit's people, not text typed into the profile
        recordLeaderAndLiaison(h.county, h.id(h.school));
        as("unit-liaison", h.school).get(path).then().statusCode(200)
                .header("ETag", equalTo("\"3\""))
                .body("score", equalTo(100)).body("complete", equalTo(true)).body("threeNone", equalTo(false))
                .body("missing", org.hamcrest.Matchers.empty())
                .body("principalLeader.name", equalTo("扎西"))
                .body("liaison.phone", equalTo("13900002222"))
                .body("updatedBy", equalTo("user-admin-" + h.county));
        Map<String, Object> partial = completeReadiness();
        partial.put("office", false);
        partial.put("signage", false);
        as("unit-leader", h.school).header("If-Match", "\"3\"").body(partial).put(path).then().statusCode(200)
                .body("score", equalTo(75)).body("missing", containsInAnyOrder("OFFICE", "SIGNAGE"));
    }

    @Test
    void aLiaisonCannotEditAnotherUnitNorAnAuditorAny() {
        String path = "/units/" + h.id(h.temple) + "/readiness";
        // the school's liaison cannot even see the temple
        as("unit-liaison", h.school).header("If-Match", "\"0\"").body(completeReadiness()).put(path).then().statusCode(404);
        // the township's liaison sees it but it is not their own unit
        as("unit-liaison", h.townshipB).header("If-Match", "\"0\"").body(completeReadiness()).put(path).then().statusCode(403)
                .body("type", equalTo("/problems/not-own-unit"));
        as("auditor", h.province).header("If-Match", "\"0\"").body(completeReadiness()).put(path).then().statusCode(403);
        as("inspector", h.province).header("If-Match", "\"0\"").body(completeReadiness()).put(path).then().statusCode(403);
        admin(h.province).get(path).then().body("score", equalTo(0)).header("ETag", equalTo("\"0\""));
    }

    @Test
    void invalidProfilesAreFieldErrors() {
        String path = "/units/" + h.id(h.organ) + "/readiness";
        Map<String, Object> body = completeReadiness();
        body.put("staffCount", -1);
        body.put("staffNames", List.of("x".repeat(51)));
        admin(h.province).header("If-Match", "\"0\"").body(body).put(path).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("staffCount", "staffNames[0]"));
        Map<String, Object> undocumented = completeReadiness();
        undocumented.put("leadingGroupDocNo", " ");
        admin(h.province).header("If-Match", "\"0\"").body(undocumented).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("leadingGroupDocNo"));
        admin(h.province).body(completeReadiness()).put(path).then().statusCode(428);
        admin(h.province).get(path).then().header("ETag", equalTo("\"0\""));
    }

    @Test
    void listsTheUnitsOfASubtreeMissingAnItem() {
        String path = "/units/" + h.id(h.townshipB) + "/readiness";
        admin(h.province).header("If-Match", "\"0\"").body(completeReadiness()).put(path).then().statusCode(200);
        admin(h.province).queryParam("within", h.id(h.townshipB)).queryParam("missing", "OFFICE").get("/readiness")
                .then().statusCode(200).body("items.unitCode", contains(h.villageB, h.temple));
        admin(h.province).queryParam("within", h.id(h.townshipB)).queryParam("threeNone", false).get("/readiness")
                .then().statusCode(200).body("items.unitCode", contains(h.townshipB));
        as("auditor", h.townshipA).queryParam("missing", "LIAISON").get("/readiness").then().statusCode(200)
                .body("items.unitCode", not(hasItem(h.villageB)));
        as("auditor", h.townshipA).queryParam("within", h.id(h.townshipB)).get("/readiness").then().statusCode(404);
        admin(h.province).queryParam("missing", "NOTHING").get("/readiness").then().statusCode(400)
                .body("errors[0].field", equalTo("missing"));
        admin(h.province).queryParam("within", "not-an-id").get("/readiness").then().statusCode(400)
                .body("errors[0].field", equalTo("within"));
    }
}
