package org.tuanjie.units.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tuanjie.units.UnitsApi.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.Tokens;
import org.tuanjie.units.FakeKeycloak;
import org.tuanjie.units.people.service.PeopleService;

/**
 * A county brought in by its sheet, with each unit's principal leader and liaison, and their accounts, in the
 * same import: all of it, or nothing of it (no unit, no person, no account left at the identity server).
 */
@QuarkusTest
class PeopleImportApiTest {

    @Inject
    PeopleService people;

    private static final String HEADER = "代码,名称,上级代码,类型,主要负责人,主要负责人电话,主要负责人账号,联络员,联络员账号,初始密码\n";

    @AfterEach
    void keycloakUp() {
        FakeKeycloak.mode("up");
    }

    @Test
    void unitsTheirLeadersLiaisonsAndAccountsComeInOneImport() {
        String csv = HEADER
                + "310000000000,测试省31,,省,,,,,,\n"
                + "313422000000,测试县,310000000000,县,张书记,13800001111,,王联络,t31-county-liaison,Tj-Start-2026!\n"
                + "313422100000,测试镇,313422000000,乡镇,扎西,,t31-township-leader,卓玛,t31-township-liaison,Tj-Start-2026!\n";
        importing("310000000000", csv).then().statusCode(200)
                .body("created", equalTo(3)).body("people", equalTo(4)).body("accounts", equalTo(3));

        String township = admin("310000000000").get("/units/by-code/313422100000").then().statusCode(200)
                .body("principalLeader.nameZh", equalTo("扎西")).extract().path("id");
        admin("310000000000").get("/units/" + township + "/people").then().statusCode(200)
                .body("role", contains("LIAISON", "LEADER"))
                .body("account.username", contains("t31-township-liaison", "t31-township-leader"));
        admin("310000000000").get("/units/" + township + "/readiness").then()
                .body("principalLeader.name", equalTo("扎西")).body("liaison.name", equalTo("卓玛"));
        Map<String, Object> leader = FakeKeycloak.user("t31-township-leader");
        assertEquals(List.of("unit-leader"), leader.get("roles"));
        assertEquals("313422100000", leader.get("unit_code"));
        assertEquals(true, leader.get("temporary"));
        assertEquals(List.of("unit-liaison"), FakeKeycloak.user("t31-county-liaison").get("roles"));
    }

    @Test
    void aBadPeopleCellFailsTheWholeImportWithItsLine() {
        String csv = HEADER
                + "320000000000,测试省32,,省,,,,,,\n"
                + "323422000000,测试县,320000000000,县,张书记,call me,,王联络,t32-liaison,Tj-Start-2026!\n"
                + "323422100000,测试镇,323422000000,乡镇,,,t32-no-name,卓玛,t32-liaison,\n";
        importing("320000000000", csv).then().statusCode(400)
                .body("type", equalTo("/problems/import-invalid"))
                .body("errors.field", containsInAnyOrder("leader_phone", "leader_name", "liaison_username"))
                .body("errors.line", containsInAnyOrder(3, 4, 4));
        admin("320000000000").get("/units/by-code/320000000000").then().statusCode(404);
        assertNull(FakeKeycloak.user("t32-liaison"));
    }

    @Test
    void anIdentityServerFailingMidwayLeavesNoUnitNoPersonAndNoAccount() {
        String csv = HEADER
                + "330000000000,测试省33,,省,,,,,,\n"
                + "333422000000,测试县,330000000000,县,张书记,,t33-a,王联络,t33-b,Tj-Start-2026!\n"
                + "333422100000,测试镇,333422000000,乡镇,扎西,,t33-c,卓玛,t33-d,Tj-Start-2026!\n";
        FakeKeycloak.mode("down-after-2");
        importing("330000000000", csv).then().statusCode(503)
                .body("type", equalTo("/problems/identity-unavailable"));
        FakeKeycloak.mode("up");
        admin("330000000000").get("/units/by-code/333422000000").then().statusCode(404);
        // made before the identity server went, they could not be removed with the import: never enabled
        assertEquals(false, FakeKeycloak.user("t33-a").get("enabled"));
        assertEquals(false, FakeKeycloak.user("t33-b").get("enabled"));
        assertNull(FakeKeycloak.user("t33-c"));
        assertEquals(0, people.removeOrphanAccounts(), "the periods job removes them once the server is back");
        for (String made : List.of("t33-a", "t33-b", "t33-c", "t33-d")) {
            assertNull(FakeKeycloak.user(made), made + " removed");
        }
        importing("330000000000", csv).then().statusCode(200).body("accounts", equalTo(4));
        assertEquals(true, FakeKeycloak.user("t33-a").get("enabled"));
    }

    @Test
    void aRetryAfterAFailedImportTakesTheNamesItLeftBehind() {
        String csv = HEADER
                + "340000000000,测试省34,,省,,,,,,\n"
                + "343422000000,测试县,340000000000,县,张书记,,t34-a,王联络,t34-b,Tj-Start-2026!\n";
        FakeKeycloak.mode("down-after-1");
        importing("340000000000", csv).then().statusCode(503);
        FakeKeycloak.mode("up");
        assertEquals(false, FakeKeycloak.user("t34-a").get("enabled"));
        importing("340000000000", csv).then().statusCode(200).body("accounts", equalTo(2));
        assertEquals(true, FakeKeycloak.user("t34-a").get("enabled"));
        assertEquals(List.of("unit-leader"), FakeKeycloak.user("t34-a").get("roles"));
    }

    private static io.restassured.response.Response importing(String adminUnit, String csv) {
        return given().auth().oauth2(Tokens.of("admin", adminUnit)).contentType("text/csv").accept(ContentType.JSON)
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/units/import");
    }

}
