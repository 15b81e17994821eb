package org.tuanjie.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.yaml.snakeyaml.Yaml;

/**
 * Three real HTTP backends standing in for units-, tasks- and agreements-service. Each echoes what
 * it received (method, path, query, headers, body) unless a canned answer was set for the path,
 * serves the service's committed OpenAPI document and a health check, and can be switched {@code up}, {@code down}
 * (connections dropped) or {@code hang} through {@code /__admin}.
 */
public class FakeBackends implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, HttpServer> servers = new LinkedHashMap<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : List.of("units", "tasks", "agreements")) {
            Backend backend = new Backend(service);
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.setExecutor(Executors.newFixedThreadPool(8));
                server.createContext("/", backend::handle);
                server.start();
                servers.put(service, server);
                config.put("gateway.services." + service + ".url", "http://127.0.0.1:" + server.getAddress().getPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return config;
    }

    @Override
    public void stop() {
        servers.values().forEach(s -> s.stop(0));
    }

    static final class Backend {
        private final String service;
        private final Map<String, Map<String, Object>> stubs = new ConcurrentHashMap<>();
        private final AtomicInteger seen = new AtomicInteger();
        /** Every request that reached the backend, answered or not (down and hang included). */
        private final AtomicInteger attempts = new AtomicInteger();
        /** Every request that reached the backend at all, {@code /q/…} included: what a refused path must not move. */
        private final AtomicInteger received = new AtomicInteger();
        /** The raw path of the last request received, as it arrived on the wire. */
        private volatile String lastPath = "";
        /** Slow streamed answers ({@code /stream}) whose reader went away before the end. */
        private final AtomicInteger streamsCut = new AtomicInteger();
        private volatile String mode = "up";

        Backend(String service) {
            this.service = service;
        }

        void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (path.startsWith("/__admin/")) {
                    admin(exchange, path.substring(9), body);
                    return;
                }
                received.incrementAndGet();
                lastPath = exchange.getRequestURI().getRawPath();
                if (!path.startsWith("/q/")) {
                    attempts.incrementAndGet();
                }
                if ("down".equals(mode)) {
                    return;
                }
                if ("hang".equals(mode)) {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
                if (path.equals("/q/health/ready")) {
                    send(exchange, 200, Map.of("status", "UP"), Map.of());
                    return;
                }
                if (path.equals("/q/openapi")) {
                    send(exchange, 200, openapi(), Map.of());
                    return;
                }
                if (path.endsWith("/stream")) {
                    stream(exchange);
                    return;
                }
                String query = exchange.getRequestURI().getRawQuery();
                if (path.endsWith("/stored-slowly") || "stored-slowly".equals(query)) {
                    // a service storing a large upload, or importing a sheet, before it answers: longer than the
                    // gateway's 1 s bound in tests
                    try {
                        Thread.sleep(2_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                seen.incrementAndGet();
                Map<String, Object> stub = stubs.get(path);
                if (stub != null) {
                    send(exchange, (Integer) stub.get("status"), stub.get("body"), Map.of());
                    return;
                }
                Map<String, Object> echo = new LinkedHashMap<>();
                echo.put("service", service);
                echo.put("method", exchange.getRequestMethod());
                echo.put("path", path);
                echo.put("query", exchange.getRequestURI().getRawQuery());
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
                echo.put("headers", headers);
                echo.put("body", new String(body, StandardCharsets.UTF_8));
                int status = path.endsWith("/created") ? 201 : 200;
                String self = "http://" + exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
                send(exchange, status, echo, Map.of("ETag", "\"7\"", "X-Backend", service, "X-Request-Id", "backend-own-id",
                        "Location", self + path + "/1", "Link", "<" + self + path + "?cursor=abc>; rel=\"next\""));
            }
        }

        private void admin(HttpExchange exchange, String what, byte[] body) throws IOException {
            switch (what) {
                case "mode" -> mode = new String(body, StandardCharsets.UTF_8).trim();
                case "stub" -> {
                    JsonNode stub = JSON.readTree(body);
                    stubs.put(stub.get("path").asText(), Map.of("status", stub.get("status").asInt(),
                            "body", JSON.convertValue(stub.get("body"), Object.class)));
                }
                case "seen" -> {
                    send(exchange, 200, Map.of("seen", seen.get(), "attempts", attempts.get(), "streamsCut", streamsCut.get(),
                            "received", received.get(), "lastPath", lastPath), Map.of());
                    return;
                }
                default -> {
                }
            }
            exchange.sendResponseHeaders(204, -1);
        }

        /** The service's committed contract, as the real service serves it. */
        private Map<String, Object> openapi() {
            try {
                return new Yaml().load(Files.readString(Path.of("..", service + "-service", "src", "main", "openapi", "openapi.yaml")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A large answer without a length, 8 KiB every 50 ms for up to 20 s, like a long ledger export. */
        private void stream(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, 0);
            byte[] rows = ("row," + "x".repeat(8187) + "\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 400; i++) {
                    exchange.getResponseBody().write(rows);
                    exchange.getResponseBody().flush();
                    Thread.sleep(50);
                }
            } catch (IOException e) {
                streamsCut.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void send(HttpExchange exchange, int status, Object body, Map<String, String> headers)
                throws IOException {
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
