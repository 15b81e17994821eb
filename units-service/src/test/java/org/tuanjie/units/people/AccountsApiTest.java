package org.tuanjie.units.people;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tuanjie.units.UnitsApi.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.Tokens;
import org.tuanjie.units.FakeKeycloak;
import org.tuanjie.units.Hierarchy;
import org.tuanjie.units.people.service.PeopleService;

/**
 * Accounts made by the suite, written from the rules: an admin makes the account of a person of a unit in its
 * reach, granting only what its level may (the office roles admin, inspector and auditor are a county office's
 * to grant, and to revoke); the account and the person's record are made together or not at all; the account
 * is disabled the day the person leaves. The identity server is {@code FakeKeycloak}; the end-to-end run does
 * the same against a real Keycloak.
 */
@QuarkusTest
class AccountsApiTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static Hierarchy h;

    @Inject
    PeopleService service;

    @BeforeEach
    void hierarchy() {
        if (h == null) {
            h = new Hierarchy("43");
        }
        FakeKeycloak.mode("up");
    }

    @AfterEach
    void keycloakUp() {
        FakeKeycloak.mode("up");
    }

    @Test
    void aCountyAdminMakesAVillageLiaisonsAccountWithThePersonAndTheGrantGoesOnTheUnitsHistory() {
        String username = username("village-liaison");
        Response made = admin(h.county).body(person("LIAISON", "卓玛", account(username, "unit-liaison")))
                .post(people(h.villageA));
        made.then().statusCode(201)
                .body("account.username", equalTo(username))
                .body("account.roles", contains("unit-liaison"))
                .body("account.state", equalTo("ACTIVE"))
                .body("account", not(hasKey("temporaryPassword")));

        Map<String, Object> user = FakeKeycloak.user(username);
        assertEquals(h.villageA, user.get("unit_code"), "the token's unit_code will be the village");
        assertEquals(List.of("unit-liaison"), user.get("roles"));
        assertEquals(true, user.get("enabled"));
        assertEquals(true, user.get("temporary"), "the password is to be changed at first login");
        assertEquals(List.of("UPDATE_PASSWORD"), user.get("requiredActions"));
        assertEquals("卓玛", user.get("firstName"));

        JsonPath history = admin(h.county).get("/units/" + h.id(h.villageA) + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(history.getList("findAll { it.change == 'ACCOUNT_ROLE_GRANTED' && it.username == '" + username + "' }")
                .size() == 1, history.prettify());
        assertEquals("user-admin-" + h.county, history.getString("find { it.username == '" + username + "' }.recordedBy"));
        assertEquals(made.path("id").toString(), history.getString("find { it.username == '" + username + "' }.personId"));
        assertEquals("unit-liaison", history.getString("find { it.username == '" + username + "' }.accountRole"));
    }

    @Test
    void aTownshipAdminMakesAccountsForItsVillagesButNoSupervisorsAndNobodyOutsideItsTownship() {
        String liaison = username("township-made");
        admin(h.townshipA).body(person("STAFF", "次仁", account(liaison, "unit-liaison"))).post(people(h.villageA))
                .then().statusCode(201);
        assertEquals(List.of("unit-liaison"), FakeKeycloak.user(liaison).get("roles"));

        for (String office : List.of("inspector", "admin", "auditor")) {
            String name = username("township-" + office);
            admin(h.townshipA).body(person("STAFF", "格桑", account(name, office))).post(people(h.townshipA))
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/grant-above-level"));
            assertNull(FakeKeycloak.user(name), office + ": no account made");
        }
        admin(h.townshipA).get(people(h.townshipA)).then().statusCode(200).body("nameZh", not(hasItem("格桑")));

        String outside = username("outside");
        admin(h.townshipA).body(person("LIAISON", "拉姆", account(outside, "unit-liaison"))).post(people(h.villageB))
                .then().statusCode(404);
        assertNull(FakeKeycloak.user(outside));

        String inspector = username("county-inspector");
        admin(h.county).body(person("STAFF", "王强", account(inspector, "inspector"))).post(people(h.county))
                .then().statusCode(201);
        assertEquals(h.county, FakeKeycloak.user(inspector).get("unit_code"));
    }

    @Test
    void onlyThePrincipalLeaderGetsTheRoleThatSignsAgreements() {
        String name = username("not-leader");
        admin(h.county).body(person("LIAISON", "多吉", account(name, "unit-leader"))).post(people(h.organ))
                .then().statusCode(422).body("type", equalTo("/problems/leader-role-not-leader"));
        assertNull(FakeKeycloak.user(name));
        String leader = username("leader");
        admin(h.county).body(person("LEADER", "多吉", account(leader, "unit-leader"))).post(people(h.organ))
                .then().statusCode(201).body("account.roles", contains("unit-leader"));
        // the unit names the leader's account: agreements-service lets that account alone sign for the unit
        admin(h.county).get("/units/" + h.id(h.organ)).then().statusCode(200)
                .body("principalLeader.nameZh", equalTo("多吉"))
                .body("principalLeader.accountUsername", equalTo(leader));
    }

    @Test
    void withTheIdentityServerDownNothingIsRecordedAndNoAccountIsLeft() {
        int before = recorded(h.school);
        FakeKeycloak.mode("down");
        String down = username("down");
        admin(h.county).body(person("STAFF", "央金", account(down, "unit-liaison"))).post(people(h.school))
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("/problems/identity-unavailable"));
        FakeKeycloak.mode("refuse-roles");
        String halfway = username("halfway");
        admin(h.county).body(person("STAFF", "央金", account(halfway, "unit-liaison"))).post(people(h.school))
                .then().statusCode(503);
        FakeKeycloak.mode("up");
        assertEquals(before, recorded(h.school), "no person without their account");
        assertNull(FakeKeycloak.user(down));
        assertNull(FakeKeycloak.user(halfway), "the account begun before the roles failed was removed");
    }

    @Test
    void aTakenUsernameOrAPasswordUnderThePolicyRecordsNothing() {
        String name = username("taken");
        admin(h.county).body(person("STAFF", "平措", account(name, "unit-liaison"))).post(people(h.temple))
                .then().statusCode(201);
        int before = recorded(h.temple);
        admin(h.county).body(person("STAFF", "平措二", account(name, "unit-liaison"))).post(people(h.temple))
                .then().statusCode(409).body("type", equalTo("/problems/username-taken"));
        Map<String, Object> weak = account(username("weak"), "unit-liaison");
        weak.put("temporaryPassword", "short-pw1");
        admin(h.county).body(person("STAFF", "平措三", weak)).post(people(h.temple))
                .then().statusCode(422).body("type", equalTo("/problems/password-policy"));
        Map<String, Object> badName = account("Bad Name!", "unit-liaison");
        admin(h.county).body(person("STAFF", "平措四", badName)).post(people(h.temple))
                .then().statusCode(400).body("errors.field", hasItem("account.username"));
        assertEquals(before, recorded(h.temple));
    }

    @Test
    void leavingDisablesTheAccountThatDayAndRevokesItsRolesOnTheHistory() {
        String name = username("leaver");
        String person = admin(h.county).body(person("STAFF", "尼玛", account(name, "unit-liaison")))
                .post(people(h.townshipB)).then().statusCode(201).extract().path("id");
        String path = people(h.townshipB) + "/" + person;

        FakeKeycloak.mode("down");
        leave(h.county, path, today()).then().statusCode(503);
        FakeKeycloak.mode("up");
        admin(h.county).get(path).then().statusCode(200).body("to", nullValue()).body("account.state", equalTo("ACTIVE"));
        assertEquals(true, FakeKeycloak.user(name).get("enabled"), "still enabled while the leaving is not recorded");

        leave(h.county, path, today()).then().statusCode(200).body("account.state", equalTo("DISABLED"));
        assertEquals(false, FakeKeycloak.user(name).get("enabled"));
        assertEquals(true, FakeKeycloak.user(name).get("loggedOut"), "its sessions end too");
        JsonPath history = admin(h.county).get("/units/" + h.id(h.townshipB) + "/history").then().extract().jsonPath();
        assertEquals("ACCOUNT_ROLE_REVOKED",
                history.getString("find { it.username == '" + name + "' && it.change == 'ACCOUNT_ROLE_REVOKED' }.change"));
    }

    @Test
    void aTownshipAdminCannotRevokeTheCountysSupervisorsByRecordingThemGone() {
        String name = username("township-auditor");
        String person = admin(h.county).body(person("STAFF", "次仁", account(name, "auditor")))
                .post(people(h.townshipA)).then().statusCode(201).extract().path("id");
        String path = people(h.townshipA) + "/" + person;
        leave(h.townshipA, path, today()).then().statusCode(403)
                .body("type", equalTo("/problems/grant-above-level"));
        // nor by recording it ahead, for the periods job to carry out
        leave(h.townshipA, path, today().plusDays(2)).then().statusCode(403)
                .body("type", equalTo("/problems/grant-above-level"));
        assertEquals(true, FakeKeycloak.user(name).get("enabled"));
        admin(h.county).get(path).then().body("to", nullValue());
        leave(h.county, path, today()).then().statusCode(200);
        assertEquals(false, FakeKeycloak.user(name).get("enabled"));
    }

    @Test
    void aTownshipCannotEndTheCountysAppointeeByRecordingASuccessor() {
        String name = username("county-made-liaison");
        admin(h.county).body(person("LIAISON", "扎西", account(name, "unit-liaison"), today().minusYears(1)))
                .post(people(h.townshipA)).then().statusCode(201);
        String liaison = admin(h.county).get(people(h.townshipA)).then().statusCode(200)
                .extract().path("find { it.account.username == '" + name + "' }.id");
        setRoles(h.county, people(h.townshipA) + "/" + liaison, List.of("unit-liaison", "admin")).then().statusCode(200);
        // a successor from next week would end the liaison's period, and with it the county's admin role
        admin(h.townshipA).body(person("LIAISON", "次仁多吉", null, today().plusDays(5))).post(people(h.townshipA))
                .then().statusCode(403).body("type", equalTo("/problems/grant-above-level"));
        assertEquals(true, FakeKeycloak.user(name).get("enabled"));
        admin(h.county).get(people(h.townshipA)).then().body("nameZh", not(hasItem("次仁多吉")));
    }

    @Test
    void nobodyChangesOrEndsTheirOwnAccount() {
        String name = username("own");
        String person = admin(h.county).body(person("STAFF", "格列", account(name, "admin"))).post(people(h.county))
                .then().statusCode(201).extract().path("id");
        String path = people(h.county) + "/" + person;
        String self = Tokens.of(name, "admin", h.county); // the caller's name is the account's username
        String etag = given().auth().oauth2(self).get(path).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(self).contentType("application/json").header("If-Match", etag)
                .body(Map.of("roles", List.of("admin", "auditor"))).put(path + "/account/roles").then().statusCode(403)
                .body("type", equalTo("/problems/own-account"));
        given().auth().oauth2(self).contentType("application/json").header("If-Match", etag)
                .body(Map.of("on", today().toString())).post(path + "/leave").then().statusCode(403)
                .body("type", equalTo("/problems/own-account"));
        assertEquals(true, FakeKeycloak.user(name).get("enabled"));
        setRoles(h.county, path, List.of("admin", "auditor")).then().statusCode(200);
    }

    @Test
    void anAccountIsMadeWithinThePersonsPeriodOnly() {
        String person = admin(h.county).body(person("LEADER", "强巴", null, today().plusDays(7))).post(people(h.organ))
                .then().statusCode(201).extract().path("id");
        admin(h.county).body(account(username("early"), "unit-leader")).post(people(h.organ) + "/" + person + "/account")
                .then().statusCode(409).body("type", equalTo("/problems/period-not-started"));
    }

    @Test
    void aRoleChangeThatFailsHalfWayIsUndoneAtTheIdentityServer() {
        String name = username("half");
        String person = admin(h.county).body(person("STAFF", "边巴", account(name, "unit-liaison")))
                .post(people(h.county)).then().statusCode(201).extract().path("id");
        FakeKeycloak.mode("refuse-revoke-once");
        setRoles(h.county, people(h.county) + "/" + person, List.of("inspector")).then().statusCode(503);
        assertEquals(List.of("unit-liaison"), FakeKeycloak.user(name).get("roles"), "the grant made before the failure is undone");
        setRoles(h.county, people(h.county) + "/" + person, List.of("inspector")).then().statusCode(200);
        assertEquals(List.of("inspector"), FakeKeycloak.user(name).get("roles"));
    }

    @Test
    void aLeavingRecordedAheadDisablesTheAccountWhenItsDayComes() {
        String name = username("later");
        String person = admin(h.county).body(person("STAFF", "达瓦", account(name, "unit-liaison")))
                .post(people(h.organ)).then().statusCode(201).extract().path("id");
        LocalDate last = today().plusDays(10);
        leave(h.county, people(h.organ) + "/" + person, last).then().statusCode(200).body("account.state", equalTo("ACTIVE"));
        assertEquals(true, FakeKeycloak.user(name).get("enabled"), "the person still works until their last day");

        service.periodsTurn(last.minusDays(1));
        assertEquals(true, FakeKeycloak.user(name).get("enabled"));
        service.periodsTurn(last);
        assertEquals(false, FakeKeycloak.user(name).get("enabled"));
        admin(h.county).get(people(h.organ) + "/" + person).then().body("account.state", equalTo("DISABLED"));
    }

    @Test
    void aNewLiaisonEndsThePreviousOnesAccountWithTheirPeriod() {
        String first = username("first");
        admin(h.county).body(person("LIAISON", "德吉", account(first, "unit-liaison"), today().minusYears(1)))
                .post(people(h.villageB)).then().statusCode(201);
        String second = username("second");
        admin(h.county).body(person("LIAISON", "索朗", account(second, "unit-liaison"), today()))
                .post(people(h.villageB)).then().statusCode(201);
        assertEquals(false, FakeKeycloak.user(first).get("enabled"), "the predecessor's period ended yesterday");
        assertEquals(true, FakeKeycloak.user(second).get("enabled"));
    }

    @Test
    void aPersonRecordedWithoutAnAccountGetsOneLaterOnce() {
        String person = admin(h.county).body(person("LEADER", "扎西", null)).post(people(h.school))
                .then().statusCode(201).body("account", nullValue()).extract().path("id");
        String path = people(h.school) + "/" + person + "/account";
        String name = username("later-account");
        admin(h.townshipA).body(account(name, "unit-leader")).post(path).then().statusCode(200)
                .body("account.roles", contains("unit-leader"));
        assertEquals(h.school, FakeKeycloak.user(name).get("unit_code"));
        admin(h.county).body(account(username("again"), "unit-leader")).post(path).then().statusCode(409)
                .body("type", equalTo("/problems/account-exists"));
        admin(h.townshipB).body(account(username("outside"), "unit-leader")).post(path).then().statusCode(404);
    }

    @Test
    void rolesChangeWithinTheAdminsLevelAndEachGrantAndRevocationGoesOnTheHistory() {
        String name = username("changing");
        String person = admin(h.county).body(person("STAFF", "卓嘎", account(name, "unit-liaison")))
                .post(people(h.townshipA)).then().statusCode(201).extract().path("id");
        String path = people(h.townshipA) + "/" + person;

        // the township's own office may not make its staff an inspector; the county may
        setRoles(h.townshipA, path, List.of("unit-liaison", "inspector")).then().statusCode(403)
                .body("type", equalTo("/problems/grant-above-level"));
        assertEquals(List.of("unit-liaison"), FakeKeycloak.user(name).get("roles"));
        setRoles(h.county, path, List.of("inspector")).then().statusCode(200)
                .body("account.roles", contains("inspector"));
        assertEquals(List.of("inspector"), FakeKeycloak.user(name).get("roles"));
        // nor take it away again
        setRoles(h.townshipA, path, List.of("unit-liaison")).then().statusCode(403);
        setRoles(h.county, path, List.of("unit-leader")).then().statusCode(422)
                .body("type", equalTo("/problems/leader-role-not-leader"));

        JsonPath history = admin(h.county).get("/units/" + h.id(h.townshipA) + "/history").then().extract().jsonPath();
        assertEquals(List.of("ACCOUNT_ROLE_GRANTED:unit-liaison", "ACCOUNT_ROLE_GRANTED:inspector",
                "ACCOUNT_ROLE_REVOKED:unit-liaison"), history.getList("findAll { it.username == '" + name + "' }"
                        + ".collect { it.change + ':' + it.accountRole }"));
        FakeKeycloak.mode("down");
        setRoles(h.county, path, List.of("auditor")).then().statusCode(503);
        FakeKeycloak.mode("up");
        assertEquals(List.of("inspector"), FakeKeycloak.user(name).get("roles"));
        admin(h.county).get(path).then().body("account.roles", contains("inspector"));
    }

    private static Response setRoles(String adminUnit, String path, List<String> roles) {
        String etag = admin(adminUnit).get(path).then().statusCode(200).extract().header("ETag");
        return admin(adminUnit).header("If-Match", etag).body(Map.of("roles", roles)).put(path + "/account/roles");
    }

    private static Response leave(String adminUnit, String path, LocalDate on) {
        String etag = admin(adminUnit).get(path).then().statusCode(200).extract().header("ETag");
        return admin(adminUnit).header("If-Match", etag).body(Map.of("on", on.toString())).post(path + "/leave");
    }

    private static int recorded(String unitCode) {
        return admin(h.county).queryParam("all", true).get(people(unitCode)).then().statusCode(200)
                .extract().jsonPath().getList("$").size();
    }

    private static String people(String unitCode) {
        return "/units/" + h.id(unitCode) + "/people";
    }

    private static Map<String, Object> person(String role, String name, Map<String, Object> account) {
        return person(role, name, account, today().minusMonths(1));
    }

    private static Map<String, Object> person(String role, String name, Map<String, Object> account, LocalDate from) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("nameZh", name);
        body.put("from", from.toString());
        if (account != null) {
            body.put("account", account);
        }
        return body;
    }

    private static Map<String, Object> account(String username, String role) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("username", username);
        account.put("roles", List.of(role));
        account.put("temporaryPassword", "Tj-first-login-2026!");
        return account;
    }

    private static String username(String what) {
        return "t43-" + what + "-" + NAMES.incrementAndGet();
    }

    private static LocalDate today() {
        return LocalDate.now(PeopleService.CALENDAR);
    }

}
