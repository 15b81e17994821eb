package org.tuanjie.agreements;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tuanjie.testing.FakeServer;

/**
 * tasks-service's figures contract ({@code GET /figures?by=UNIT&unitId=…&category=…}), served from
 * numbers the tests set through {@code POST /__admin/figures}; {@code /__admin/mode} takes it down.
 */
public class FakeTasksService extends FakeServer {

    private final Map<String, long[]> figures = new ConcurrentHashMap<>();
    private volatile String mode = "up";

    @Override
    protected Map<String, String> config(String baseUrl) {
        return Map.of("quarkus.rest-client.tasks.url", baseUrl);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/__admin/mode")) {
                mode = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (path.equals("/__admin/figures")) {
                JsonNode f = JSON.readTree(exchange.getRequestBody().readAllBytes());
                figures.put(key(f.get("unitId").asText(), f.path("category").asText("")),
                        new long[] {f.get("total").asLong(), f.get("verified").asLong()});
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if ("down".equals(mode)) {
                return;
            }
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            long[] f = figures.getOrDefault(key(query.get("unitId"), query.getOrDefault("category", "")), new long[2]);
            byte[] body = JSON.writeValueAsBytes(Map.of("by", "UNIT", "total",
                    Map.of("total", f[0], "verified", f[1], "open", f[0] - f[1], "overdue", 0), "rows", java.util.List.of()));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String key(String unitId, String category) {
        return unitId + "|" + category;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }
}
