package org.tuanjie.units.abuse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.Tokens;

/**
 * Hostile bodies get a 4xx problem, never a 5xx, and change nothing.
 */
@QuarkusTest
class HostileInputTest {

    private static final String OFFICE = "360000000000";

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.of("admin", OFFICE)).contentType("application/json");
    }

    @Test
    void invalidUtf8IsABadRequest() {
        byte[] body = "{\"code\":\"360000000000\",\"kind\":\"PROVINCE\",\"names\":{\"zh\":\"XX\"}}".getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.UTF_8).indexOf("XX");
        body[at] = (byte) 0xC3;
        body[at + 1] = (byte) 0x28; // not a continuation byte
        admin().body(body).post("/units").then().statusCode(400).contentType(startsWith("application/problem+json"));
        admin().get("/units/by-code/360000000000").then().statusCode(404);
    }

    @Test
    void deeplyNestedJsonIsABadRequest() {
        String nested = "[".repeat(5000) + "]".repeat(5000);
        admin().body("{\"code\":\"360000000000\",\"kind\":\"PROVINCE\",\"names\":" + nested + "}").post("/units").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void massAssignmentIsIgnored() {
        admin().body("{\"code\":\"360000000000\",\"kind\":\"PROVINCE\",\"names\":{\"zh\":\"江西省\"},"
                + "\"createdBy\":\"someone-else\",\"version\":99,\"status\":\"CLOSED\",\"path\":[\"x\"]}")
                .post("/units").then().statusCode(201)
                .body("createdBy", equalTo("user-admin-" + OFFICE)).body("version", equalTo(0))
                .body("status", equalTo("OPEN")).body("path[0]", equalTo(OFFICE));
    }
}
