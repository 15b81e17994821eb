package org.tuanjie.tasks;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.tuanjie.testing.FakeParts;
import org.tuanjie.testing.FakeServer;

/**
 * agreements-service's audit bundle ({@code GET /audit/bundle.zip?unitId&from&to}), answered from memory: a ZIP laid
 * out as the real one ({@link FakeParts}; its manifest counts the agreements) with one agreement, {@link #agreementOf} the unit asked for. It remembers the last request ({@code GET /__admin/last}:
 * its {@code Authorization} and query). {@code /__admin/mode}: {@code up}, {@code down} (connection dropped),
 * {@code refuse} (403 problem), {@code cut} (200 with the ZIP's first half only).
 */
public class FakeAgreementsService extends FakeServer {

    private volatile String mode = "up";
    private volatile Map<String, String> last = Map.of();

    /** The one agreement the fake's part holds for a unit. */
    public static UUID agreementOf(String unitId) {
        return UUID.nameUUIDFromBytes(("agreement-of-" + unitId).getBytes(StandardCharsets.UTF_8));
    }

    /** The agreement's file as the fake serves it. */
    public static byte[] agreementJson(String unitId) {
        return ("{\"id\":\"" + agreementOf(unitId) + "\",\"unitId\":\"" + unitId + "\",\"status\":\"COUNTERSIGNED\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Switches the fake (from a test, through its admin path). */
    public static void mode(String mode) {
        io.restassured.RestAssured.given().baseUri(url()).body(mode).post("/__admin/mode").then().statusCode(204);
    }

    /** The last request for a part: its {@code authorization} and {@code query}. */
    public static Map<String, String> lastRequest() {
        return io.restassured.RestAssured.given().baseUri(url()).get("/__admin/last").then().statusCode(200)
                .extract().jsonPath().getMap("");
    }

    private static String url() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("tasks.agreements.url", String.class);
    }

    @Override
    protected Map<String, String> config(String baseUrl) {
        return Map.of("tasks.agreements.url", baseUrl);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/__admin/mode")) {
            mode = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        if (path.equals("/__admin/last")) {
            send(exchange, 200, last);
            return;
        }
        if ("down".equals(mode)) {
            return;
        }
        if (!path.equals("/audit/bundle.zip") || !"GET".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        seen.put("query", String.valueOf(exchange.getRequestURI().getQuery()));
        last = seen;
        if ("refuse".equals(mode)) {
            byte[] problem = "{\"status\":403,\"title\":\"Forbidden\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(403, problem.length);
            exchange.getResponseBody().write(problem);
            return;
        }
        String unitId = exchange.getRequestURI().getQuery().replaceAll(".*unitId=([^&]+).*", "$1");
        byte[] zip = part(unitId);
        exchange.getResponseHeaders().set("Content-Type", "application/zip");
        if ("cut".equals(mode)) {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(zip, 0, zip.length / 2);
            return;
        }
        exchange.sendResponseHeaders(200, zip.length);
        exchange.getResponseBody().write(zip);
    }

    private static byte[] part(String unitId) throws IOException {
        String at = "agreements/" + agreementOf(unitId) + "/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(at + "agreement.json", agreementJson(unitId));
        files.put(at + "canonical-content.json", "{\"title\":\"责任书\"}".getBytes(StandardCharsets.UTF_8));
        return FakeParts.zip(files, Map.of("agreements", 1));
    }
}
