package org.tuanjie.units.abuse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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

    @Test
    void announcedOversizedBodyIsRefusedWithAProblemBeforeItIsRead() throws Exception {
        String answer = exchange("Content-Length: 30000000\r\n\r\n{\"code\":");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("payload-too-large"), answer);
        admin().get("/units/by-code/360000000000").then().statusCode(404);
    }

    @Test
    void oversizedBodyAwaitingContinueGetsTheProblemInsteadOfAContinue() throws Exception {
        String answer = exchange("Content-Length: 22020096\r\nExpect: 100-continue\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertFalse(answer.contains("100 Continue"), answer);
        assertTrue(answer.contains("payload-too-large"), answer);
    }

    @Test
    void aChunkedBodyWithoutLengthIsRefusedWithAProblemAndNothingIsCreated() throws Exception {
        String json = "{\"code\":\"360000000000\",\"kind\":\"PROVINCE\",\"names\":{\"zh\":\"分块省\"}}";
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        String answer = exchange("Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(utf8.length) + "\r\n"
                + new String(utf8, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 411"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("length-required"), answer);
        admin().get("/units/by-code/360000000000").then().statusCode(404);
    }

    /** Sends a POST /units head (and whatever follows it) and reads until the server closes. */
    private static String exchange(String rest) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /units HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + Tokens.of("admin", OFFICE) + "\r\n" + rest)
                    .getBytes(StandardCharsets.ISO_8859_1)); // bytes as given: the head is ASCII, a body may be any
            out.flush();
            return readUntilClosed(socket.getInputStream());
        }
    }

    private static String readUntilClosed(InputStream in) throws Exception {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) > 0; ) {
            read.write(buffer, 0, n);
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
