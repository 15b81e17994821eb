package org.tuanjie.units;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tuanjie.testing.FakeServer;

/**
 * The part of tasks-service's contract units-service asks: the findings not yet rectified per unit and indicator. Tests
 * set them per unit through {@code /__admin/open/{unitId}} ({@code [{"code": "1.2", "open": 1}]}) and switch the fake
 * {@code up} or {@code down} (connections dropped) through {@code /__admin/mode}. Every answer is checked against
 * tasks-service's committed contract, so the fake cannot drift from the service.
 */
public class FakeTasksService extends FakeServer {

    static final Path CONTRACT = Path.of(System.getProperty("tasks.contract", "../tasks-service/src/main/openapi/openapi.yaml"));

    private final Map<String, List<Map<String, Object>>> open = new ConcurrentHashMap<>();
    private volatile String mode = "up";
    private OpenApiInteractionValidator contract;

    @Override
    public Map<String, String> start() {
        if (!Files.exists(CONTRACT)) {
            throw new IllegalStateException("tasks-service's contract not found at " + CONTRACT.toAbsolutePath());
        }
        contract = OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT.toUri().toString()).build();
        return super.start();
    }

    @Override
    protected Map<String, String> config(String baseUrl) {
        return Map.of("quarkus.rest-client.tasks.url", baseUrl);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/__admin/")) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String what = path.substring("/__admin/".length());
            if (what.equals("mode")) {
                mode = new String(body, StandardCharsets.UTF_8).trim();
            } else if (what.startsWith("open/")) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (JsonNode item : JSON.readTree(body)) {
                    items.add(Map.of("code", item.get("code").asText(), "open", item.get("open").asInt()));
                }
                open.put(what.substring("open/".length()), items);
            }
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        if ("down".equals(mode)) {
            return;
        }
        if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
            answer(exchange, 401, Map.of("type", "/problems/unauthorized", "title", "Unauthorized", "status", 401));
            return;
        }
        String unitId = null;
        for (String pair : exchange.getRequestURI().getQuery().split("&")) {
            if (pair.startsWith("unitId=")) {
                unitId = pair.substring("unitId=".length());
            }
        }
        String unit = unitId;
        List<Map<String, Object>> items = open.getOrDefault(unit, List.of()).stream()
                .map(i -> Map.<String, Object>of("unitId", unit, "unitCode", "000000000000", "indicatorCode", i.get("code"),
                        "open", i.get("open"))).toList();
        answer(exchange, 200, Map.of("unitId", unit, "items", items));
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        String type = status >= 400 ? "application/problem+json" : "application/json";
        ValidationReport report = contract.validateResponse(exchange.getRequestURI().getPath(), Request.Method.GET,
                SimpleResponse.Builder.status(status).withContentType(type).withBody(new String(json, StandardCharsets.UTF_8)).build());
        if (report.hasErrors()) {
            json = ("FakeTasksService answers outside tasks-service's contract: " + report).getBytes(StandardCharsets.UTF_8);
            status = 500;
            type = "text/plain";
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }
}
