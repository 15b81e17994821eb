package org.tuanjie.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * A service the tested one calls, played from memory on a free local port for the whole test run: subclasses
 * answer each exchange and say which configuration points the tested service at them.
 */
public abstract class FakeServer implements QuarkusTestResourceLifecycleManager {

    protected static final ObjectMapper JSON = new ObjectMapper();
    /** The latest requests that came with a trace context, for tests that follow a trace across a call. */
    private static final ConcurrentLinkedDeque<Called> TRACED = new ConcurrentLinkedDeque<>();
    private HttpServer server;

    /** Answers one request; the exchange is closed afterwards, answered or not (a dropped connection). */
    protected abstract void handle(HttpExchange exchange) throws IOException;

    /** The tested service's configuration that points it at {@code baseUrl} ({@code http://127.0.0.1:port}). */
    protected abstract Map<String, String> config(String baseUrl);

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            try (exchange) {
                String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
                if (traceparent != null) {
                    TRACED.addLast(new Called(exchange.getRequestURI().getPath(), traceparent));
                    while (TRACED.size() > 1000) {
                        TRACED.pollFirst();
                    }
                }
                handle(exchange);
            }
        });
        server.start();
        return config("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A JSON answer. */
    protected static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A request a fake received within a trace. */
    public record Called(String path, String traceparent) {

        /** The id of the caller's span (the parent of whatever the callee does). */
        public String parentSpanId() {
            return traceparent.split("-")[2];
        }
    }

    /** The requests any fake received within the trace. */
    public static List<Called> calledIn(String traceId) {
        return TRACED.stream().filter(called -> called.traceparent().startsWith("00-" + traceId + "-")).toList();
    }
}
