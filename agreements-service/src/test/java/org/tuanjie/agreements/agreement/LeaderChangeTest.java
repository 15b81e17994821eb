package org.tuanjie.agreements.agreement;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tuanjie.agreements.Agreements.act;
import static org.tuanjie.agreements.Agreements.agreementOf;
import static org.tuanjie.agreements.Agreements.issueWithin;
import static org.tuanjie.agreements.Agreements.publishedTemplate;
import static org.tuanjie.testing.FakeCounty.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.agreements.TestServers;
import org.tuanjie.testing.FakeCounty;

/**
 * A new principal leader (一把手) recorded in units-service reaches the agreements their predecessor signed through the
 * unit feed: those in force await re-signing, by the new leader only.
 */
@QuarkusTest
class LeaderChangeTest {

    private static FakeCounty c;

    @BeforeEach
    void county() {
        if (c == null) {
            c = new FakeCounty("540133");
            issueWithin(c, publishedTemplate(c, 2026), c.county).then().statusCode(200);
        }
        FakeCounty.serviceRoot(TestServers.SERVICE_ROOT);
    }

    @AfterEach
    void noServiceIdentity() {
        FakeCounty.serviceRoot(null);
    }

    private static org.hamcrest.Matcher<String> type(String type) {
        return equalTo("/problems/" + type);
    }

    private static void runTheFeed() {
        as("admin", c.county).post("/agreements/unit-feed").then().statusCode(200);
    }

    private static Response read(String id) {
        return as("auditor", c.county).get("/agreements/" + id);
    }

    private static Response trail(String id) {
        return as("auditor", c.county).queryParam("agreementId", id).get("/audit");
    }

    /** Signs with the current ETag, as the given person (a fresh request: rest-assured specifications keep headers). */
    private static Response sign(RequestSpecification who, String id) {
        return who.header("If-Match", read(id).header("ETag")).post("/agreements/" + id + "/sign");
    }

    @Test
    void aNewLeaderFlagsTheAgreementsInForceOfTheirUnitOnce() {
        String village = c.villages.get(0);
        String school = c.schools.get(0);
        String unsignedVillage = c.villages.get(1);
        String leaderlessSchool = c.schools.get(1);
        UUID zhaxi = c.leader(village, "扎西");
        UUID zhuoma = c.leader(school, "卓玛");
        c.leader(unsignedVillage, "格桑");
        c.leader(leaderlessSchool, "达瓦");
        String active = agreementOf(c, village, 2026);
        String untouched = agreementOf(c, school, 2026);
        String issued = agreementOf(c, unsignedVillage, 2026);
        String signed = agreementOf(c, leaderlessSchool, 2026);
        act("unit-leader", village, active, "sign", null, c.county).then().statusCode(200)
                .body("signingLeader.personId", equalTo(zhaxi.toString())).body("signingLeader.name", equalTo("扎西"))
                .body("resigningNeeded", equalTo(false)).body("leaderChange", nullValue());
        act("admin", c.county, active, "countersign", null, c.county).then().statusCode(200).body("state", equalTo("ACTIVE"));
        act("unit-leader", school, untouched, "sign", null, c.county).then().statusCode(200)
                .body("signingLeader.personId", equalTo(zhuoma.toString()));
        act("unit-leader", leaderlessSchool, signed, "sign", null, c.county).then().statusCode(200);
        runTheFeed();
        read(active).then().body("resigningNeeded", equalTo(false));

        UUID ciren = c.leader(village, "次仁");
        c.leader(unsignedVillage, "拉巴");
        c.noLeader(leaderlessSchool);
        runTheFeed();

        Response flagged = read(active);
        flagged.then().statusCode(200).body("state", equalTo("ACTIVE")).body("resigningNeeded", equalTo(true))
                .body("leaderChange.leaderPersonId", equalTo(ciren.toString()))
                .body("leaderChange.leaderName", equalTo("次仁")).body("leaderChange.since", notNullValue())
                .body("signingLeader.personId", equalTo(zhaxi.toString()));
        read(signed).then().body("state", equalTo("SIGNED")).body("resigningNeeded", equalTo(true))
                .body("leaderChange.since", notNullValue()).body("leaderChange.leaderPersonId", nullValue());
        read(untouched).then().body("resigningNeeded", equalTo(false)).body("leaderChange", nullValue());
        read(issued).then().body("state", equalTo("ISSUED")).body("resigningNeeded", equalTo(false))
                .body("leaderChange", nullValue());

        as("auditor", c.county).queryParam("year", 2026).queryParam("resigningNeeded", true).get("/agreements").then()
                .statusCode(200).body("items.id", containsInAnyOrder(active, signed));
        as("auditor", c.county).queryParam("year", 2026).queryParam("resigningNeeded", false).queryParam("limit", 500)
                .get("/agreements").then().statusCode(200).body("items.id", hasItems(untouched, issued))
                .body("items.id", not(hasItem(active))).body("items.id", not(hasItem(signed)));

        trail(active).then().statusCode(200)
                .body("items.action", contains("ISSUED", "SIGNED", "COUNTERSIGNED", "LEADER_CHANGED"))
                .body("items[1].detail.leaderPersonId", equalTo(zhaxi.toString()))
                .body("items[3].actor", equalTo("agreements-service"))
                .body("items[3].detail.signingLeaderPersonId", equalTo(zhaxi.toString()))
                .body("items[3].detail.newLeaderPersonId", equalTo(ciren.toString()))
                .body("items[3].detail.newLeaderName", equalTo("次仁"));
        trail(signed).then().body("items.action", contains("ISSUED", "SIGNED", "LEADER_CHANGED"))
                .body("items[2].detail.newLeaderPersonId", nullValue());
        trail(untouched).then().body("items.action", contains("ISSUED", "SIGNED"));
        trail(issued).then().body("items.action", contains("ISSUED"));

        // the feed reads the same units again: nothing is flagged twice, the agreement is not even rewritten
        runTheFeed();
        read(active).then().header("ETag", equalTo(flagged.header("ETag")))
                .body("leaderChange.since", equalTo(flagged.path("leaderChange.since")));
        trail(active).then().body("items.action", contains("ISSUED", "SIGNED", "COUNTERSIGNED", "LEADER_CHANGED"));
        as("auditor", c.county).get("/audit/verification").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void onlyThePrincipalLeadersOwnAccountSignsWhenUnitsServiceNamesIt() {
        String unit = c.villages.get(2);
        c.leaderWithAccount(unit, "央宗", "kc-user-yangzong");
        String id = agreementOf(c, unit, 2026);
        // another account holding unit-leader for the same unit (a deputy, an account made by hand) may not sign
        sign(as("kc-user-deputy", "unit-leader", unit), id).then().statusCode(403)
                .body("type", type("not-the-principal-leader"));
        read(id).then().body("state", equalTo("ISSUED"));
        sign(as("kc-user-yangzong", "unit-leader", unit), id).then().statusCode(200).body("state", equalTo("SIGNED"));
    }

    @Test
    void theNewLeaderSignsAgainAndNobodyElseMay() {
        String unit = c.education;
        UUID wangfang = c.leader(unit, "王芳");
        String id = agreementOf(c, unit, 2026);
        sign(as("unit-leader", unit), id).then().statusCode(200);
        act("admin", c.county, id, "countersign", null, c.county).then().statusCode(200);
        UUID liqiang = c.leader(unit, "李强");
        runTheFeed();
        read(id).then().body("resigningNeeded", equalTo(true));

        sign(as("unit-leader", unit), id).then().statusCode(403).body("type", type("not-permitted"))
                .body("detail", containsString("原签署人"));
        sign(as("unit-liaison", unit), id).then().statusCode(403).body("type", type("forbidden"));
        sign(as("unit-leader", c.publicity), id).then().statusCode(404);
        sign(as("admin", c.county), id).then().statusCode(403);
        read(id).then().body("resigningNeeded", equalTo(true));
        as("auditor", c.county).get("/agreements/" + id + "/signatures").then().body("kind", contains("SIGN", "COUNTERSIGN"));

        String newLeader = "leader-" + liqiang;
        sign(as(newLeader, "unit-leader", unit), id).then().statusCode(200).body("state", equalTo("ACTIVE"))
                .body("resigningNeeded", equalTo(false)).body("leaderChange", nullValue())
                .body("signingLeader.personId", equalTo(liqiang.toString())).body("signingLeader.name", equalTo("李强"));
        as("auditor", c.county).get("/agreements/" + id + "/signatures").then().statusCode(200)
                .body("kind", contains("SIGN", "COUNTERSIGN", "SIGN"))
                .body("findAll { it.onBehalfOf == 'PARTY_B' }.signerSubject",
                        contains("user-unit-leader-" + unit, newLeader))
                .body("[2].sealedPayload", containsString(newLeader));
        as("auditor", c.county).get("/agreements/" + id + "/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("signatures", hasSize(3))
                .body("signatures.sealValid", everyItem(equalTo(true)))
                .body("signatures.signerCouldActForParty", everyItem(equalTo(true)));
        List<String> actions = trail(id).then().statusCode(200).extract().path("items.action");
        assertEquals(List.of("ISSUED", "SIGNED", "COUNTERSIGNED", "LEADER_CHANGED", "SIGNED_AGAIN"), actions);
        trail(id).then().body("items[4].actor", equalTo(newLeader))
                .body("items[4].detail.leaderPersonId", equalTo(liqiang.toString()))
                .body("items[4].detail.replacedLeaderPersonId", equalTo(wangfang.toString()));

        // signed again: neither leader signs a third time, and the feed finds the signing leader in office
        sign(as("unit-leader", unit), id).then().statusCode(409).body("type", type("illegal-transition"));
        sign(as(newLeader, "unit-leader", unit), id).then().statusCode(409).body("type", type("illegal-transition"));
        runTheFeed();
        read(id).then().body("resigningNeeded", equalTo(false)).body("leaderChange", nullValue());
        assertEquals(actions, trail(id).then().extract().path("items.action"));
    }

    @Test
    void aSuccessorRecordedByMistakeAndRemovedLeavesNothingToSign() {
        String unit = c.publicity;
        UUID dawa = c.leader(unit, "达瓦");
        String id = agreementOf(c, unit, 2026);
        act("unit-leader", unit, id, "sign", null, c.county).then().statusCode(200);
        c.leader(unit, "次旦");
        runTheFeed();
        read(id).then().body("resigningNeeded", equalTo(true));

        c.leader(unit, dawa, "达瓦");
        runTheFeed();
        read(id).then().body("state", equalTo("SIGNED")).body("resigningNeeded", equalTo(false))
                .body("leaderChange", nullValue()).body("signingLeader.personId", equalTo(dawa.toString()));
        trail(id).then().body("items.action", contains("ISSUED", "SIGNED", "LEADER_CHANGED", "LEADER_RESTORED"))
                .body("items[3].actor", equalTo("agreements-service"));
    }
}
