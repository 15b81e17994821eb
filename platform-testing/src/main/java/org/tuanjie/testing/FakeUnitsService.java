package org.tuanjie.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * units-service's HTTP contract, served from memory for the tests of the services that ask it: units by id and
 * code, ancestors and domain members, each cut to the caller's jurisdiction (the {@code unit_code}
 * of the bearer token), as the real service does. Tests load units and switch it
 * {@code up}, {@code down} (connections dropped) or {@code hang} through {@code /__admin}; readiness
 * profiles are set per unit code ({@code /__admin/readiness/{code}}). Units move with
 * {@code /__admin/move/{code}} (body: the new parent's code) and show in {@code /units/changes}, which also
 * names units that left the caller's reach. A unit's principal leader is set with {@code /__admin/leader/{code}}
 * (body: {@code {"personId", "nameZh", "from"}} and optionally {@code "accountUsername"}, or empty for none); as in units-service, a new leader rewrites the
 * unit, so it shows in {@code /units/changes} again. It is the identity server too: client credentials at
 * {@code /protocol/openid-connect/token} give a token of role {@code integration} for the root set with
 * {@code /__admin/service-root}, and are refused while none is set.
 */
public class FakeUnitsService extends FakeServer {

    private final Map<String, Map<String, Object>> byId = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> byCode = new ConcurrentHashMap<>();
    private final Map<String, List<String>> domains = new ConcurrentHashMap<>();
    private final Map<String, String> leads = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> readiness = new ConcurrentHashMap<>();
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();
    private final List<Departure> departures = new ArrayList<>();
    private long changes;
    private volatile String serviceRoot;
    private volatile String mode = "up";

    @Override
    protected Map<String, String> config(String url) {
        return Map.of("quarkus.rest-client.units.url", url, "quarkus.oidc-client.auth-server-url", url,
                "quarkus.oidc-client.credentials.secret", "test-secret");
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/__admin/")) {
                admin(exchange, path.substring("/__admin/".length()));
                return;
            }
            if ("down".equals(mode)) {
                return; // closes the connection without an answer, like a crashed service
            }
            if ("hang".equals(mode)) {
                sleep(10_000);
                return;
            }
            if (path.equals("/protocol/openid-connect/token")) {
                token(exchange);
                return;
            }
            String caller = callerUnitCode(exchange.getRequestHeaders().getFirst("Authorization"));
            if (caller == null) {
                send(exchange, 401, Map.of("status", 401));
                return;
            }
            String[] parts = path.substring(1).split("/");
            if (parts.length == 2 && parts[0].equals("units") && parts[1].equals("changes")) {
                changes(exchange, caller);
            } else if (parts.length == 3 && parts[0].equals("units") && parts[1].equals("by-code")) {
                visible(exchange, byCode.get(parts[2]), caller);
            } else if (parts.length == 2 && parts[0].equals("units")) {
                visible(exchange, byId.get(parts[1]), caller);
            } else if (parts.length == 3 && parts[0].equals("units") && parts[2].equals("subtree")) {
                subtree(exchange, byId.get(parts[1]), caller);
            } else if (parts.length == 3 && parts[0].equals("units") && parts[2].equals("readiness")) {
                Map<String, Object> unit = byId.get(parts[1]);
                if (unit == null || !within(unit, caller)) {
                    send(exchange, 404, Map.of("status", 404));
                } else {
                    send(exchange, 200, readiness.getOrDefault((String) unit.get("code"),
                            Map.of("unitId", unit.get("id"), "score", 0, "complete", false)));
                }
            } else if (parts.length == 3 && parts[0].equals("units") && parts[2].equals("ancestors")) {
                ancestors(exchange, byId.get(parts[1]), caller);
            } else if (parts.length == 3 && parts[0].equals("domains") && parts[2].equals("members")) {
                members(exchange, parts[1], caller);
            } else {
                send(exchange, 404, Map.of("status", 404));
            }
        }
    }

    private void admin(HttpExchange exchange, String what) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        switch (what) {
            case "mode" -> mode = new String(body, StandardCharsets.UTF_8).trim();
            case "units" -> {
                for (JsonNode unit : JSON.readTree(body)) {
                    String parent = unit.path("parentCode").asText(null);
                    List<String> path = new ArrayList<>();
                    if (parent != null) {
                        @SuppressWarnings("unchecked")
                        List<String> parentPath = (List<String>) byCode.get(parent).get("path");
                        path.addAll(parentPath);
                    }
                    path.add(unit.get("code").asText());
                    Map<String, Object> stored = Map.of("id", unit.get("id").asText(), "code", unit.get("code").asText(),
                            "kind", unit.get("kind").asText(), "path", List.copyOf(path),
                            "names", Map.of("zh", unit.get("name").asText()), "status", "OPEN");
                    store(stored);
                }
            }
            case "service-root" -> serviceRoot = body.length == 0 ? null
                    : new String(body, StandardCharsets.UTF_8).trim();
            default -> {
                if (what.startsWith("readiness/")) {
                    String code = what.substring("readiness/".length());
                    JsonNode r = JSON.readTree(body);
                    readiness.put(code, Map.of("unitId", byCode.get(code).get("id"), "score", r.get("score").asInt(),
                            "complete", r.get("complete").asBoolean()));
                }
                if (what.startsWith("leader/")) {
                    leader(what.substring("leader/".length()), body.length == 0 ? null : JSON.readTree(body));
                }
                if (what.startsWith("move/")) {
                    move(what.substring("move/".length()), new String(body, StandardCharsets.UTF_8).trim());
                }
                if (what.startsWith("domains/")) {
                    JsonNode domain = JSON.readTree(body);
                    List<String> members = new ArrayList<>();
                    (domain.isArray() ? domain : domain.get("members")).forEach(id -> members.add(id.asText()));
                    domains.put(what.substring("domains/".length()), members);
                    if (domain.has("leadCode")) {
                        leads.put(what.substring("domains/".length()), domain.get("leadCode").asText());
                    }
                }
            }
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private synchronized void store(Map<String, Object> unit) {
        byId.put((String) unit.get("id"), unit);
        byCode.put((String) unit.get("code"), unit);
        changedAt.put((String) unit.get("id"), ++changes);
    }

    /** Moves a unit and everything under it below another parent, as units-service's move does. */
    @SuppressWarnings("unchecked")
    private synchronized void move(String code, String newParent) {
        List<String> parentPath = (List<String>) byCode.get(newParent).get("path");
        for (Map<String, Object> unit : List.copyOf(byId.values())) {
            List<String> path = (List<String>) unit.get("path");
            int at = path.indexOf(code);
            if (at < 0) {
                continue;
            }
            List<String> moved = new ArrayList<>(parentPath);
            moved.addAll(path.subList(at, path.size()));
            Map<String, Object> next = new HashMap<>(unit);
            next.put("path", List.copyOf(moved));
            departures.add(new Departure(changes + 1, (String) unit.get("id"), path));
            store(Map.copyOf(next));
        }
    }

    /** Records who leads a unit now ({@code null}: nobody), in the form of units-service's {@code UnitLeader}. */
    private synchronized void leader(String code, JsonNode leader) {
        Map<String, Object> next = new HashMap<>(byCode.get(code));
        if (leader == null) {
            next.remove("principalLeader");
        } else {
            Map<String, Object> named = new HashMap<>(Map.of("personId", leader.get("personId").asText(),
                    "nameZh", leader.get("nameZh").asText(), "from", leader.get("from").asText()));
            if (leader.hasNonNull("accountUsername")) {
                named.put("accountUsername", leader.get("accountUsername").asText());
            }
            next.put("principalLeader", Map.copyOf(named));
        }
        store(Map.copyOf(next));
    }

    /** Changes in commit order after the cursor (a sequence number here), and units that left the caller's reach. */
    private void changes(HttpExchange exchange, String caller) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        long after = 0;
        int limit = 200;
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("cursor") && kv.length == 2 && !kv[1].isEmpty()) {
                after = Long.parseLong(kv[1]);
            } else if (kv[0].equals("limit") && kv.length == 2) {
                limit = Integer.parseInt(kv[1]);
            }
        }
        List<Change> events = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<String, Long> changed : changedAt.entrySet()) {
                Map<String, Object> unit = byId.get(changed.getKey());
                if (changed.getValue() > after && within(unit, caller)) {
                    events.add(new Change(changed.getValue(), unit, null));
                }
            }
            for (Departure d : departures) {
                if (d.seq() > after && d.oldPath().contains(caller) && !within(byId.get(d.id()), caller)) {
                    events.add(new Change(d.seq(), null, d.id()));
                }
            }
        }
        events.sort((x, y) -> Long.compare(x.seq(), y.seq()));
        List<Change> batch = events.subList(0, Math.min(limit, events.size()));
        List<Object> items = new ArrayList<>();
        List<Object> removed = new ArrayList<>();
        batch.forEach(e -> {
            if (e.unit() != null) {
                items.add(e.unit());
            } else {
                removed.add(e.removedId());
            }
        });
        long next = batch.isEmpty() ? after : batch.get(batch.size() - 1).seq();
        send(exchange, 200, Map.of("items", items, "removed", removed, "cursor", String.valueOf(next),
                "more", events.size() > limit));
    }

    private void token(HttpExchange exchange) throws IOException {
        String root = serviceRoot;
        if (root == null) {
            send(exchange, 401, Map.of("error", "invalid_client"));
        } else {
            send(exchange, 200, Map.of("access_token", Tokens.of("service-account", "integration", root),
                    "token_type", "Bearer", "expires_in", 300));
        }
    }

    private record Departure(long seq, String id, List<String> oldPath) {
    }

    /** A unit changed inside the caller's reach, or the id of one that left it. */
    private record Change(long seq, Map<String, Object> unit, String removedId) {
    }

    private void visible(HttpExchange exchange, Map<String, Object> unit, String caller) throws IOException {
        if (unit == null || !within(unit, caller)) {
            send(exchange, 404, Map.of("status", 404));
        } else {
            send(exchange, 200, unit);
        }
    }

    @SuppressWarnings("unchecked")
    private void ancestors(HttpExchange exchange, Map<String, Object> unit, String caller) throws IOException {
        if (unit == null || !within(unit, caller)) {
            send(exchange, 404, Map.of("status", 404));
            return;
        }
        List<Map<String, Object>> chain = new ArrayList<>();
        for (String code : (List<String>) unit.get("path")) {
            Map<String, Object> ancestor = byCode.get(code);
            if (ancestor != null && within(ancestor, caller)) {
                chain.add(ancestor);
            }
        }
        send(exchange, 200, chain);
    }

    @SuppressWarnings("unchecked")
    private void subtree(HttpExchange exchange, Map<String, Object> root, String caller) throws IOException {
        if (root == null || !within(root, caller)) {
            send(exchange, 404, Map.of("status", 404));
            return;
        }
        String rootCode = (String) root.get("code");
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> unit : byId.values()) {
            if (((List<String>) unit.get("path")).contains(rootCode)) {
                items.add(unit);
            }
        }
        items.sort((x, y) -> String.join("/", (List<String>) x.get("path")).compareTo(String.join("/", (List<String>) y.get("path"))));
        send(exchange, 200, Map.of("items", items));
    }

    private void members(HttpExchange exchange, String domainId, String caller) throws IOException {
        List<String> members = domains.get(domainId);
        if (members == null) {
            send(exchange, 404, Map.of("status", 404));
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        // as units-service: members in the caller's subtree; all of them for the domain's lead unit (牵头单位)
        boolean lead = caller != null && caller.equals(leads.get(domainId));
        for (String id : members) {
            Map<String, Object> unit = byId.get(id);
            if (unit != null && (lead || within(unit, caller))) {
                items.add(Map.of("unitId", id, "code", unit.get("code"), "name", ((Map<?, ?>) unit.get("names")).get("zh")));
            }
        }
        send(exchange, 200, Map.of("items", items));
    }

    @SuppressWarnings("unchecked")
    private static boolean within(Map<String, Object> unit, String caller) {
        return ((List<String>) unit.get("path")).contains(caller);
    }

    private static String callerUnitCode(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            String payload = authorization.substring(7).split("\\.")[1];
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
            return claims.path("unit_code").asText(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
