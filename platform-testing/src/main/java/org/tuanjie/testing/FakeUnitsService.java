package org.tuanjie.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * unit, so it shows in {@code /units/changes} again. Entries of a unit's dossier are filed with
 * {@code /__admin/dossier/{code}} (body: {@code [{"kind", "date", "indicatorCodes"?, "withdrawn"?}]}) and counted by
 * {@code /units/{id}/dossier/counts} ({@code kind}, {@code from}, {@code to}, {@code subtree}). It is the identity
 * server too: client credentials at {@code /protocol/openid-connect/token} give a token of role {@code integration}
 * for the root set with {@code /__admin/service-root}, and are refused while none is set.
 *
 * <p>Every answer it gives as units-service is checked against units-service's committed contract
 * ({@code units-service/src/main/openapi/openapi.yaml}, beside the module under test): an operation the contract does
 * not have, an undocumented status or a body of the wrong shape is answered 500 with the validator's report instead,
 * so a fake that drifted from the service fails the tests that use it.
 */
public class FakeUnitsService extends FakeServer {

    private final Map<String, Map<String, Object>> byId = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> byCode = new ConcurrentHashMap<>();
    private final Map<String, List<String>> domains = new ConcurrentHashMap<>();
    private final Map<String, String> leads = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> readiness = new ConcurrentHashMap<>();
    /** Indicator codes by unit code and year ({@code code@year}). */
    private final Map<String, List<String>> indicators = new ConcurrentHashMap<>();
    /** unit code @ year → indicator code → [points, reviewer's score (negative: none yet)] */
    private final Map<String, Map<String, List<java.math.BigDecimal>>> reviews = new ConcurrentHashMap<>();
    private final Map<String, List<DossierEntry>> dossiers = new ConcurrentHashMap<>();
    private OpenApiInteractionValidator contract;
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();
    private final List<Departure> departures = new ArrayList<>();
    private long changes;
    private volatile String serviceRoot;
    private volatile String mode = "up";
    private volatile Map<String, String> lastPart = Map.of();

    /** units-service's committed contract, from the module under test (a sibling of units-service). */
    static final Path CONTRACT = Path.of(System.getProperty("units.contract", "../units-service/src/main/openapi/openapi.yaml"));

    @Override
    public Map<String, String> start() {
        if (!Files.exists(CONTRACT)) {
            throw new IllegalStateException("units-service's contract not found at " + CONTRACT.toAbsolutePath()
                    + ": the fake answers only as that contract allows (set -Dunits.contract=...)");
        }
        contract = OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT.toUri().toString())
                // the services' requests are theirs to get right; that the operation exists is the fake's
                .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.path.missing", ValidationReport.Level.ERROR)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.ERROR).build())
                .build();
        return super.start();
    }

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
                answer(exchange, 401, problem(401, "unauthorized"));
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
                    answer(exchange, 404, problem(404, "unit-not-found"));
                } else {
                    answer(exchange, 200, readiness.getOrDefault((String) unit.get("code"),
                            Map.of("unitId", unit.get("id"), "score", 0, "complete", false)));
                }
            } else if (parts.length == 4 && parts[0].equals("units") && parts[2].equals("dossier") && parts[3].equals("counts")) {
                dossierCounts(exchange, byId.get(parts[1]), caller);
            } else if (parts.length == 3 && parts[0].equals("units") && parts[2].equals("indicators")) {
                indicators(exchange, byId.get(parts[1]), caller);
            } else if (parts.length == 3 && parts[0].equals("units") && parts[2].equals("scorecard")) {
                scorecard(exchange, byId.get(parts[1]), caller);
            } else if (parts.length == 3 && parts[0].equals("units") && parts[2].equals("ancestors")) {
                ancestors(exchange, byId.get(parts[1]), caller);
            } else if (parts.length == 3 && parts[0].equals("domains") && parts[2].equals("members")) {
                members(exchange, parts[1], caller);
            } else if (path.equals("/history/bundle.zip")) {
                historyPart(exchange, caller);
            } else {
                answer(exchange, 404, problem(404, "unit-not-found"));
            }
        }
    }

    /**
     * The units' part of an evidence bundle, for a unit in the caller's reach: its history chain's segment (one line, of
     * the unit asked for); the request is remembered ({@code GET /__admin/last-part}).
     */
    private void historyPart(HttpExchange exchange, String caller) throws IOException {
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        lastPart = Map.of("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                "query", query);
        Map<String, Object> unit = byId.get(query.replaceAll(".*unitId=([^&]+).*", "$1"));
        if (unit == null || !within(unit, caller)) {
            answer(exchange, 404, problem(404, "unit-not-found"));
            return;
        }
        // the checkpoints before the chain, as the verifier reads them
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("history/checkpoints.json", "[]".getBytes(StandardCharsets.UTF_8));
        files.put("history/chain.jsonl", historyLine((String) unit.get("id")));
        byte[] zip = FakeParts.zip(files, Map.of());
        ValidationReport report = contract.validateResponse(exchange.getRequestURI().getPath(), Request.Method.GET,
                SimpleResponse.Builder.status(200).withContentType("application/zip").withBody("(the ZIP)").build());
        if (report.hasErrors()) {
            byte[] why = ("FakeUnitsService answers outside units-service's contract: " + report).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, why.length);
            exchange.getResponseBody().write(why);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/zip");
        exchange.sendResponseHeaders(200, zip.length);
        exchange.getResponseBody().write(zip);
    }

    /**
     * The one line of the fake's history chain for a unit, as a bundle's {@code history/chain.jsonl} carries a line it
     * withholds (place and links only; its hash stands for the unit).
     */
    public static byte[] historyLine(String unitId) {
        String hash = java.util.HexFormat.of().formatHex(java.util.Arrays.copyOf(unitId.getBytes(StandardCharsets.UTF_8), 32));
        return ("{\"hash\":\"" + hash + "\",\"prevHash\":\"" + "0".repeat(64) + "\",\"seq\":1,\"withheld\":true}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void admin(HttpExchange exchange, String what) throws IOException {
        if (what.equals("last-part")) {
            answerAdmin(exchange, lastPart);
            return;
        }
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
                if (what.startsWith("dossier/")) {
                    String code = what.substring("dossier/".length());
                    for (JsonNode entry : JSON.readTree(body)) {
                        List<String> codes = new ArrayList<>();
                        entry.path("indicatorCodes").forEach(c -> codes.add(c.asText()));
                        dossiers.computeIfAbsent(code, c -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                .add(new DossierEntry(entry.get("kind").asText(), LocalDate.parse(entry.get("date").asText()),
                                        codes.isEmpty() ? List.of("1.1") : List.copyOf(codes),
                                        entry.path("withdrawn").asBoolean(false)));
                    }
                }
                if (what.startsWith("indicators/")) {
                    JsonNode judged = JSON.readTree(body);
                    List<String> codes = new ArrayList<>();
                    judged.path("codes").forEach(c -> codes.add(c.asText()));
                    indicators.put(what.substring("indicators/".length()) + "@" + judged.get("year").asInt(), List.copyOf(codes));
                }
                if (what.startsWith("reviews/")) {
                    JsonNode review = JSON.readTree(body);
                    reviews.computeIfAbsent(what.substring("reviews/".length()) + "@" + review.get("year").asInt(),
                            k -> new java.util.concurrent.ConcurrentSkipListMap<>())
                            .put(review.get("code").asText(), List.of(review.get("points").decimalValue(),
                                    review.path("score").isMissingNode() ? java.math.BigDecimal.ONE.negate()
                                            : review.get("score").decimalValue()));
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
        answer(exchange, 200, Map.of("items", items, "removed", removed, "cursor", String.valueOf(next),
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
            answer(exchange, 404, problem(404, "unit-not-found"));
        } else {
            answer(exchange, 200, unit);
        }
    }

    @SuppressWarnings("unchecked")
    private void ancestors(HttpExchange exchange, Map<String, Object> unit, String caller) throws IOException {
        if (unit == null || !within(unit, caller)) {
            answer(exchange, 404, problem(404, "unit-not-found"));
            return;
        }
        List<Map<String, Object>> chain = new ArrayList<>();
        for (String code : (List<String>) unit.get("path")) {
            Map<String, Object> ancestor = byCode.get(code);
            if (ancestor != null && within(ancestor, caller)) {
                chain.add(ancestor);
            }
        }
        answer(exchange, 200, chain);
    }

    @SuppressWarnings("unchecked")
    private void subtree(HttpExchange exchange, Map<String, Object> root, String caller) throws IOException {
        if (root == null || !within(root, caller)) {
            answer(exchange, 404, problem(404, "unit-not-found"));
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
        answer(exchange, 200, Map.of("items", items));
    }

    private void members(HttpExchange exchange, String domainId, String caller) throws IOException {
        List<String> members = domains.get(domainId);
        if (members == null) {
            answer(exchange, 404, problem(404, "unit-not-found"));
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
        answer(exchange, 200, Map.of("items", items));
    }

    @SuppressWarnings("unchecked")
    private static boolean within(Map<String, Object> unit, String caller) {
        return ((List<String>) unit.get("path")).contains(caller);
    }

    /**
     * Active entries of the unit's dossier (or its subtree's) in a period, in all, per kind and per indicator code, as
     * units-service counts them; the {@code indicator} and {@code domain} filters are not played.
     */
    @SuppressWarnings("unchecked")
    /**
     * The indicators a unit is judged by in the year asked (this year when none), as set through
     * {@code /__admin/indicators/{code}} ({@code {"year": 2026, "codes": ["1.1", "2.1"]}}); none set: no catalogue in force.
     */
    private void indicators(HttpExchange exchange, Map<String, Object> unit, String caller) throws IOException {
        if (unit == null || !within(unit, caller)) {
            answer(exchange, 404, problem(404, "unit-not-found"));
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        int year = query != null && query.startsWith("year=") ? Integer.parseInt(query.substring(5))
                : LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        List<String> codes = indicators.get(unit.get("code") + "@" + year);
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("unitId", unit.get("id"));
        answer.put("year", year);
        if (codes == null) {
            answer.put("indicators", List.of());
        } else {
            String at = "2026-01-05T08:00:00Z";
            answer.put("catalogue", Map.ofEntries(Map.entry("id", "6f1c6b1e-0000-4000-8000-00000000000" + (year % 10)),
                    Map.entry("ownerUnitId", unit.get("id")), Map.entry("ownerCode", unit.get("code")),
                    Map.entry("ownerName", "测评指标所属单位"), Map.entry("year", year), Map.entry("edition", 1),
                    Map.entry("title", year + "年测评指标"), Map.entry("state", "PUBLISHED"), Map.entry("publishedAt", at),
                    Map.entry("publishedBy", "admin"), Map.entry("updatedAt", at), Map.entry("updatedBy", "admin"),
                    Map.entry("version", 1)));
            answer.put("indicators", codes.stream().map(code -> Map.of("code", code, "titles", Map.of("zh", "指标" + code),
                    "points", 5, "unitKinds", List.of(), "domains", List.of(), "measuredBy", "REVIEWER", "expectedDocuments", 0,
                    "expectedActivities", Map.of())).toList());
        }
        answer(exchange, 200, answer);
    }

    /**
     * A unit's scorecard for the year asked: only its indicators' points and reviewers' scores, as set through
     * {@code /__admin/reviews/{code}} ({@code {"year": 2026, "code": "5.1", "points": 10, "score": 8}}, no score: not
     * reviewed yet).
     */
    private void scorecard(HttpExchange exchange, Map<String, Object> unit, String caller) throws IOException {
        if (unit == null || !within(unit, caller)) {
            answer(exchange, 404, problem(404, "unit-not-found"));
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        int year = query != null && query.startsWith("year=") ? Integer.parseInt(query.substring(5).split("&")[0])
                : LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        List<Map<String, Object>> rows = new ArrayList<>();
        reviews.getOrDefault(unit.get("code") + "@" + year, Map.of()).forEach((code, scored) -> {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("code", code);
            row.put("points", scored.get(0));
            if (scored.get(1).signum() >= 0) {
                row.put("reviewScore", scored.get(1));
            }
            rows.add(row);
        });
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("unitId", unit.get("id"));
        answer.put("unitCode", unit.get("code"));
        answer.put("year", year);
        answer.put("indicators", rows);
        answer(exchange, 200, answer);
    }

    private void dossierCounts(HttpExchange exchange, Map<String, Object> unit, String caller) throws IOException {
        if (unit == null || !within(unit, caller)) {
            answer(exchange, 404, problem(404, "unit-not-found"));
            return;
        }
        List<String> kinds = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        boolean subtree = false;
        String query = exchange.getRequestURI().getQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            String value = kv.length == 2 ? kv[1] : "";
            switch (kv[0]) {
                case "kind" -> kinds.add(value);
                case "from" -> from = LocalDate.parse(value);
                case "to" -> to = LocalDate.parse(value);
                case "subtree" -> subtree = Boolean.parseBoolean(value);
                default -> { }
            }
        }
        String code = (String) unit.get("code");
        Map<String, Long> byKind = new TreeMap<>();
        Map<String, Map<String, Long>> byIndicator = new TreeMap<>();
        long total = 0;
        for (Map.Entry<String, List<DossierEntry>> dossier : dossiers.entrySet()) {
            Map<String, Object> holder = byCode.get(dossier.getKey());
            boolean counted = subtree ? ((List<String>) holder.get("path")).contains(code) : dossier.getKey().equals(code);
            for (DossierEntry e : counted ? dossier.getValue() : List.<DossierEntry>of()) {
                if (e.withdrawn() || (!kinds.isEmpty() && !kinds.contains(e.kind()))
                        || (from != null && e.date().isBefore(from)) || (to != null && e.date().isAfter(to))) {
                    continue;
                }
                total++;
                byKind.merge(e.kind(), 1L, Long::sum);
                e.indicatorCodes().forEach(c -> byIndicator.computeIfAbsent(c, x -> new TreeMap<>()).merge(e.kind(), 1L, Long::sum));
            }
        }
        List<Map<String, Object>> indicators = new ArrayList<>();
        byIndicator.forEach((c, counts) -> indicators.add(Map.of("code", c,
                "total", counts.values().stream().mapToLong(Long::longValue).sum(), "byKind", counts)));
        Map<String, Object> answer = new HashMap<>(Map.of("unitId", unit.get("id"), "unitCode", code, "subtree", subtree,
                "total", total, "byKind", byKind, "indicators", indicators));
        if (from != null) {
            answer.put("from", from.toString());
        }
        if (to != null) {
            answer.put("to", to.toString());
        }
        answer(exchange, 200, answer);
    }

    private record DossierEntry(String kind, LocalDate date, List<String> indicatorCodes, boolean withdrawn) {
    }

    /** An answer as units-service gives it, if its contract allows it; else a 500 naming what does not fit. */
    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        String type = status >= 400 ? "application/problem+json" : "application/json";
        ValidationReport report = contract.validateResponse(exchange.getRequestURI().getPath(),
                Request.Method.valueOf(exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT)),
                SimpleResponse.Builder.status(status).withContentType(type).withBody(new String(json, StandardCharsets.UTF_8))
                        .build());
        if (report.hasErrors()) {
            String why = "FakeUnitsService answers outside units-service's contract: " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI() + " → " + status + ": " + report;
            System.err.println(why);
            json = why.getBytes(StandardCharsets.UTF_8);
            status = 500;
            type = "text/plain";
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }

    private static void answerAdmin(HttpExchange exchange, Object body) throws IOException {
        send(exchange, 200, body);
    }

    private static Map<String, Object> problem(int status, String type) {
        return Map.of("type", "/problems/" + type, "title", type, "status", status);
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
