package org.tuanjie.units;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tuanjie.testing.FakeServer;

/**
 * The part of Keycloak's Admin REST API that units-service uses, from memory, with the answers Keycloak gives
 * (201 with Location, 409 for a taken username, 400 for a password under the policy, 204 for the rest), behind
 * a client-credentials token for client {@code units-service}. The end-to-end run checks the same calls
 * against a real Keycloak. Tests read the users through {@code GET /__admin/users} and switch it with
 * {@code /__admin/mode/{up|down|refuse-roles|refuse-revoke-once|down-after-N}}: down drops connections,
 * refuse-roles fails role mappings (500), refuse-revoke-once fails the next revocation, down-after-N makes N
 * accounts and then goes down.
 */
public class FakeKeycloak extends FakeServer {

    static final String SECRET = "units-service-test-secret";
    static final List<String> REALM_ROLES = List.of("admin", "inspector", "auditor", "unit-liaison", "unit-leader",
            "integration", "default-roles-unity");
    private static final Pattern USER = Pattern.compile("/admin/realms/unity/users/([^/]+)(/.*)?");

    private final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();
    private volatile String mode = "up";

    @Override
    protected Map<String, String> config(String baseUrl) {
        return Map.of("units.accounts.realm-url", baseUrl + "/realms/unity", "units.accounts.client-secret", SECRET);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith("/__admin/")) {
                admin(exchange, path.substring("/__admin/".length()));
                return;
            }
            if ("down".equals(mode)) {
                return; // the connection closes without an answer
            }
            if (mode.startsWith("down-after-") && method.equals("POST") && path.equals("/admin/realms/unity/users")) {
                int left = Integer.parseInt(mode.substring("down-after-".length()));
                mode = left == 0 ? "down" : "down-after-" + (left - 1);
                if (left == 0) {
                    return;
                }
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("/realms/unity/protocol/openid-connect/token")) {
                boolean ours = body.contains("client_id=units-service") && body.contains("client_secret=" + SECRET);
                send(exchange, ours ? 200 : 401, ours ? Map.of("access_token", "fake-admin-token", "expires_in", 300)
                        : Map.of("error", "unauthorized_client"));
                return;
            }
            if (!"Bearer fake-admin-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, Map.of("error", "HTTP 401 Unauthorized"));
                return;
            }
            if (path.equals("/admin/realms/unity/users") && method.equals("POST")) {
                create(exchange, JSON.readTree(body));
                return;
            }
            Matcher user = USER.matcher(path);
            if (!user.matches() || !users.containsKey(user.group(1))) {
                send(exchange, 404, Map.of("error", "User not found"));
                return;
            }
            userCall(exchange, users.get(user.group(1)), method, user.group(2) == null ? "" : user.group(2), body);
        }
    }

    private void create(HttpExchange exchange, JsonNode user) throws IOException {
        String username = user.path("username").asText().toLowerCase(Locale.ROOT);
        if (users.values().stream().anyMatch(u -> u.get("username").equals(username))) {
            send(exchange, 409, Map.of("errorMessage", "User exists with same username"));
            return;
        }
        String password = user.path("credentials").path(0).path("value").asText();
        if (password.length() < 12) {
            send(exchange, 400, Map.of("error", "invalidPasswordMinLengthMessage",
                    "errorMessage", "Invalid password: minimum length 12."));
            return;
        }
        String id = UUID.randomUUID().toString();
        Map<String, Object> made = new ConcurrentHashMap<>();
        made.put("id", id);
        made.put("username", username);
        made.put("enabled", user.path("enabled").asBoolean());
        made.put("firstName", user.path("firstName").asText());
        made.put("unit_code", user.path("attributes").path("unit_code").path(0).asText());
        made.put("temporary", user.path("credentials").path(0).path("temporary").asBoolean());
        made.put("requiredActions", JSON.convertValue(user.path("requiredActions"), List.class));
        made.put("roles", java.util.Collections.synchronizedList(new ArrayList<String>()));
        made.put("loggedOut", false);
        users.put(id, made);
        exchange.getResponseHeaders().add("Location", "http://" + exchange.getRequestHeaders().getFirst("Host")
                + "/admin/realms/unity/users/" + id);
        exchange.sendResponseHeaders(201, -1);
    }

    @SuppressWarnings("unchecked")
    private void userCall(HttpExchange exchange, Map<String, Object> user, String method, String rest, String body)
            throws IOException {
        switch (method + " " + rest) {
            case "GET /role-mappings/realm/available" -> {
                List<Map<String, Object>> roles = new ArrayList<>();
                REALM_ROLES.stream().filter(r -> !((List<String>) user.get("roles")).contains(r))
                        .forEach(r -> roles.add(Map.of("id", "role-" + r, "name", r, "composite", false)));
                send(exchange, 200, roles);
            }
            case "POST /role-mappings/realm" -> {
                if ("refuse-roles".equals(mode)) {
                    send(exchange, 500, Map.of("error", "unknown_error"));
                    return;
                }
                for (JsonNode role : JSON.readTree(body)) {
                    if (!role.path("id").asText().equals("role-" + role.path("name").asText())) {
                        send(exchange, 404, Map.of("error", "Role not found"));
                        return;
                    }
                    ((List<String>) user.get("roles")).add(role.path("name").asText());
                }
                exchange.sendResponseHeaders(204, -1);
            }
            case "GET /role-mappings/realm" -> {
                List<Map<String, Object>> held = new ArrayList<>();
                ((List<String>) user.get("roles")).forEach(r -> held.add(Map.of("id", "role-" + r, "name", r)));
                send(exchange, 200, held);
            }
            case "DELETE /role-mappings/realm" -> {
                if ("refuse-revoke-once".equals(mode)) {
                    mode = "up";
                    send(exchange, 500, Map.of("error", "unknown_error"));
                    return;
                }
                for (JsonNode role : JSON.readTree(body)) {
                    ((List<String>) user.get("roles")).remove(role.path("name").asText());
                }
                exchange.sendResponseHeaders(204, -1);
            }
            case "PUT " -> {
                JsonNode change = JSON.readTree(body);
                if (change.has("enabled")) {
                    user.put("enabled", change.path("enabled").asBoolean());
                }
                exchange.sendResponseHeaders(204, -1);
            }
            case "POST /logout" -> {
                user.put("loggedOut", true);
                exchange.sendResponseHeaders(204, -1);
            }
            case "DELETE " -> {
                users.remove(user.get("id").toString());
                exchange.sendResponseHeaders(204, -1);
            }
            default -> send(exchange, 405, Map.of("error", "not in the fake: " + method + " " + rest));
        }
    }

    private void admin(HttpExchange exchange, String what) throws IOException {
        if (what.startsWith("mode/")) {
            mode = what.substring("mode/".length());
            exchange.sendResponseHeaders(204, -1);
        } else if (what.equals("users")) {
            Map<String, Object> byName = new LinkedHashMap<>();
            users.values().forEach(u -> byName.put(u.get("username").toString(), u));
            send(exchange, 200, byName);
        } else {
            send(exchange, 404, Map.of());
        }
    }


    /** The fake's record of an account (username, enabled, roles, unit_code, temporary, requiredActions, loggedOut), or null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> user(String username) {
        return (Map<String, Object>) io.restassured.RestAssured.given().baseUri(base()).get("/__admin/users").then()
                .statusCode(200).extract().jsonPath().getMap("$").get(username.toLowerCase(Locale.ROOT));
    }

    /** Switches the fake: {@code up}, {@code down}, {@code refuse-roles}, {@code down-after-N}. */
    public static void mode(String mode) {
        io.restassured.RestAssured.given().baseUri(base()).post("/__admin/mode/" + mode).then().statusCode(204);
    }

    private static String base() {
        String realm = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("units.accounts.realm-url", String.class);
        return realm.substring(0, realm.indexOf("/realms/"));
    }
}
