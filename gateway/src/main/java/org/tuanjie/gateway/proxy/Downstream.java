package org.tuanjie.gateway.proxy;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.tuanjie.gateway.config.GatewayConfig;

/**
 * GET calls from the gateway itself to a service, for composed views, docs and health: JSON in,
 * bounded in time.
 */
@ApplicationScoped
public class Downstream {

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    Circuits circuits;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(1000).setMaxPoolSize(50));
    }

    /**
     * A GET answered in time, whatever its status; refused at once ({@link CircuitOpen}) while the
     * service's circuit is open, and its outcome counted in the circuit.
     */
    public Uni<Reply> get(String service, String path, String authorization, String requestId, Duration bound) {
        Circuit circuit = circuits.of(service);
        if (circuit.tryAcquire() > 0) {
            return Uni.createFrom().failure(new CircuitOpen(service));
        }
        return probe(service, path, authorization, requestId, bound)
                .invoke(reply -> circuit.succeeded())
                .onFailure().invoke(failure -> circuit.failed());
    }

    /** The same GET whatever the circuit says, not counted in it: for health checks, which must see the service itself. */
    public Uni<Reply> probe(String service, String path, String authorization, String requestId, Duration bound) {
        URI base = config.services().get(service).url();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                .setPort(base.getPort()).setURI(path).setIdleTimeout(bound.toMillis())
                .addHeader("Accept", "application/json");
        if (authorization != null) {
            options.addHeader("Authorization", authorization);
        }
        if (requestId != null) {
            options.addHeader("X-Request-Id", requestId);
        }
        var future = client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Reply(response.statusCode(), body)));
        return Uni.createFrom().completionStage(future.toCompletionStage())
                .ifNoItem().after(bound).fail();
    }

    /** The service's circuit is open: not asked. */
    public static final class CircuitOpen extends RuntimeException {
        public CircuitOpen(String service) {
            super(service + "-service circuit open", null, false, false);
        }
    }

    public record Reply(int status, Buffer body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public <T> T as(Class<T> type) {
            return Json.decodeValue(body, type);
        }
    }
}
