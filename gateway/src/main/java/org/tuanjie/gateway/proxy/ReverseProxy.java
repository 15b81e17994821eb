package org.tuanjie.gateway.proxy;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tuanjie.gateway.config.GatewayConfig;
import org.tuanjie.gateway.security.Callers;
import org.tuanjie.gateway.security.ClientLimits;
import org.tuanjie.platform.security.RememberedTokens;
import org.tuanjie.platform.web.ProblemWriter;
import org.tuanjie.platform.web.RequestIds;

/**
 * Streams {@code /api/…} to the owning service: method, path, query, headers (the caller's
 * {@code Authorization} included) and body go through as they came, the answer comes back as it
 * was, neither side buffered whole (but for JSON reads, bounded pages, which are tagged for revalidation). Before anything is forwarded, the token is verified (401) and
 * the client's rate checked (429); a dead service is a 502 and a hung one a 504 within
 * {@code gateway.timeout}. Only normalized paths get here ({@link NormalizedPaths}), each under one
 * service's own segments, and a service's {@code /q/…} is never asked (404).
 */
@ApplicationScoped
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    /** Hop-by-hop headers (RFC 9110 7.6.1) and those the proxy sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "x-forwarded-for",
            "x-forwarded-host", "x-forwarded-proto", "x-request-id",
            // the caller's trace context goes on as the gateway's own span's (injected by the traced client)
            "traceparent", "tracestate");
    /** The methods whose HTTP/2 requests may carry a body, announced by no header. */
    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    /** Served without a token: what anyone needs to verify a seal. */
    private static final Set<String> PUBLIC_PATHS = Set.of("/api/v1/seal/public-key", "/api/seal/public-key",
            "/api/v1/seal/public-keys", "/api/seal/public-keys");
    /** The request-context key Quarkus' HTTP metrics read the route template from. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /** Answers up to this size are relayed whole; larger or unsized ones (the ledger) are streamed. */
    private static final long WHOLE_BODY_MAX = 64 * 1024;
    /**
     * A JSON read up to this size (or of unannounced size: the services send large JSON chunked) is read whole so it
     * can be tagged and revalidated ({@link Revalidation}): what the services answer to a GET is a page of at most
     * 500 items or a view, bounded, unlike the ledger exports (not JSON), which are always streamed.
     */
    private static final long JSON_READ_MAX = 2 * 1024 * 1024;

    @Inject
    GatewayConfig config;

    @Inject
    ClientLimits limits;

    /** Tokens verified before (by this gateway's OIDC) and not yet expired: no need to ask again. */
    @Inject
    RememberedTokens tokens;

    @Inject
    Circuits circuits;

    @Inject
    Vertx vertx;

    /** File uploads: the service stores the file before it answers ({@link GatewayConfig#uploadTimeout()}). */
    @ConfigProperty(name = "platform.http.file-paths")
    Optional<String> filePaths;

    private HttpClient client;
    private Pattern uploads;
    private Pattern imports;

    void routes(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(1000).setKeepAlive(true)
                .setMaxPoolSize(100).setPoolCleanerPeriod(5000));
        uploads = Pattern.compile(filePaths.orElse("(?!)")); // (?!) matches nothing
        imports = Pattern.compile(config.importPaths());
        router.route(Routes.API + "/*").order(-10).handler(this::handle);
    }

    /** A file upload or a sheet import: the service stores or imports it all before it answers. */
    private boolean answersLate(String path) {
        return uploads.matcher(path).matches() || imports.matcher(path).matches();
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (Routes.namesManagement(request.path())) {
            // a service's health and metrics are for its operators, on its own port, never through the API
            ProblemWriter.write(ctx, 404, "not-found");
            return;
        }
        var target = Routes.resolve(request.path());
        if (target.isEmpty()) {
            ctx.next(); // the gateway's own endpoints (composed views, docs)
            return;
        }
        if (!target.get().versioned()) {
            deprecated(ctx);
        }
        request.pause();
        // what http_server_requests is tagged with (as Quarkus REST does for its own endpoints)
        Vertx.currentContext().putLocal(URL_PATH_TEMPLATE, Routes.template(request.path()));
        boolean open = PUBLIC_PATHS.contains(request.path());
        String authorization = request.getHeader("Authorization");
        var remembered = tokens.identityOfHeader(authorization);
        if (remembered != null) {
            admitted(ctx, request, remembered, target.get());
            return;
        }
        Callers.identity(ctx).subscribe().with(identity -> {
            if (identity.isAnonymous() && !open) {
                reject(ctx, request, 401, "unauthorized");
                return;
            }
            admitted(ctx, request, identity.isAnonymous() ? null : identity, target.get());
        }, failure -> reject(ctx, request, 401, "unauthorized"));
    }

    private void admitted(RoutingContext ctx, HttpServerRequest request, SecurityIdentity identity, Routes.Target target) {
        limits.tryAcquire(Callers.clientKey(identity, ctx), Callers.appKey(identity)).subscribe().with(decision -> {
            ctx.response().putHeader("RateLimit-Policy", decision.policy());
            ctx.response().putHeader("RateLimit", decision.state());
            if (decision.retryAfter() > 0) {
                ctx.response().putHeader("Retry-After", Long.toString(decision.retryAfter()));
                reject(ctx, request, 429, "rate-limited");
                return;
            }
            forward(ctx, target);
        }, failure -> reject(ctx, request, 503, "unavailable"));
    }

    /**
     * An unversioned path of the first release: it works as {@code /api/v1} does, and says it is deprecated
     * (RFC 9745) and from when it may go (RFC 8594), pointing at its successor.
     */
    private void deprecated(RoutingContext ctx) {
        ctx.response().putHeader("Deprecation", "@" + config.unversioned().deprecatedSince().toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC));
        ctx.response().putHeader("Sunset", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                config.unversioned().sunset().atStartOfDay(ZoneOffset.UTC)));
    }

    private static void reject(RoutingContext ctx, HttpServerRequest request, int status, String type, Object... args) {
        request.resume();
        ProblemWriter.write(ctx, status, type, args);
    }

    private void forward(RoutingContext ctx, Routes.Target target) {
        HttpServerRequest request = ctx.request();
        Circuit circuit = circuits.of(target.service());
        long wait = circuit.tryAcquire();
        if (wait > 0) {
            long seconds = (wait + 999) / 1000;
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            reject(ctx, request, 503, "downstream-circuit-open", target.service(), seconds);
            return;
        }
        URI base = config.services().get(target.service()).url();
        String query = request.query();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(base.getHost())
                .setPort(base.getPort())
                .setURI(target.path() + (query == null ? "" : "?" + query))
                .setIdleTimeout(config.timeout().toMillis());
        MultiMap headers = options.getHeaders() == null ? MultiMap.caseInsensitiveMultiMap() : options.getHeaders();
        request.headers().forEach(h -> {
            if (!NOT_FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        headers.set(RequestIds.HEADER, requestId(ctx));
        String forwardedFor = request.getHeader("X-Forwarded-For");
        String remote = request.remoteAddress() == null ? "" : request.remoteAddress().host();
        headers.set("X-Forwarded-For", forwardedFor == null ? remote : forwardedFor + ", " + remote);
        headers.set("X-Forwarded-Host", request.authority() == null ? "" : request.authority().toString());
        headers.set("X-Forwarded-Proto", request.scheme());
        options.setHeaders(headers);

        client.request(options)
                .compose(downstream -> send(downstream, request, config.timeout().toMillis(),
                        (answersLate(request.path()) ? config.uploadTimeout() : config.timeout()).toMillis()))
                .onSuccess(response -> {
                    circuit.succeeded();
                    relay(ctx, response, base, target);
                })
                .onFailure(failure -> {
                    if (failure instanceof LengthRequired) {
                        ProblemWriter.write(ctx, 411, "length-required");
                        return;
                    }
                    if (!ctx.response().closed()) { // a caller gone mid-upload says nothing about the service
                        circuit.failed();
                    }
                    fail(ctx, target, failure);
                });
    }

    /** The id the request-id filter gave this request (it may run after this route), made here if need be. */
    private static String requestId(RoutingContext ctx) {
        Object assigned = ctx.get(RequestIds.MDC_KEY);
        String id = assigned != null ? assigned.toString() : ctx.response().headers().get(RequestIds.HEADER);
        if (id == null) {
            id = RequestIds.idFor(ctx.request().getHeader(RequestIds.HEADER));
            ctx.put(RequestIds.MDC_KEY, id);
            ctx.response().putHeader(RequestIds.HEADER, id);
        }
        return id;
    }

    /**
     * Streams the caller's body to the service. The request's idle timeout counts only answer bytes, so it would
     * end any upload that takes longer than the bound to send (a 50 MB photo set from a township: minutes).
     * Every chunk the service takes sets it again: the bound applies to a pause, the service's (it stops reading)
     * or the caller's (its network stops), not to the whole upload. Once the body is sent, the service has
     * {@code answerBound} to answer.
     */
    private static io.vertx.core.Future<HttpClientResponse> send(HttpClientRequest downstream, HttpServerRequest request,
            long bound, long answerBound) {
        String length = request.getHeader("Content-Length");
        if (length == null && request.getHeader("Transfer-Encoding") == null) {
            if (request.version() == HttpVersion.HTTP_2 && BODY_METHODS.contains(request.method())) {
                return sendUnannounced(downstream, request);
            }
            request.resume();
            return downstream.send();
        }
        if (length == null) {
            downstream.setChunked(true);
        }
        request.handler(chunk -> {
            downstream.write(chunk);
            downstream.idleTimeout(bound);
            if (downstream.writeQueueFull()) {
                request.pause();
                downstream.drainHandler(drained -> {
                    downstream.idleTimeout(bound);
                    request.resume();
                });
            }
        });
        request.exceptionHandler(broken -> downstream.reset(0, broken));
        request.endHandler(ended -> {
            downstream.end();
            downstream.idleTimeout(answerBound);
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // The caller holds its body back until it hears 100 (curl waits a second, then sends anyway). The
            // header went on to the service, whose 100 is passed back: a service refusing on the head alone
            // (413 on the announced length) answers before a byte of the body moves.
            downstream.continueHandler(go -> {
                request.response().writeContinue();
                request.resume();
            });
            downstream.sendHead();
        } else {
            request.resume();
        }
        return downstream.response();
    }

    /**
     * An HTTP/2 request may carry a body without announcing its length, and a POST may carry none: the first
     * thing that arrives tells. No body: the request goes on as it is. A body: refused with 411, as the services
     * refuse a chunked one (BodyLimit), before any of it reaches a service.
     */
    private static io.vertx.core.Future<HttpClientResponse> sendUnannounced(HttpClientRequest downstream,
            HttpServerRequest request) {
        Promise<HttpClientResponse> answer = Promise.promise();
        request.handler(data -> {
            request.handler(null);
            request.endHandler(null);
            downstream.reset();
            answer.tryFail(new LengthRequired());
        });
        request.endHandler(ended -> downstream.send().onComplete(answer));
        request.resume();
        return answer.future();
    }

    /** A body came without a length: the caller is told 411, and the service heard nothing of it. */
    private static final class LengthRequired extends RuntimeException {
        LengthRequired() {
            super("a body without Content-Length", null, false, false);
        }
    }

    private static void relay(RoutingContext ctx, HttpClientResponse downstream, URI base, Routes.Target target) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(downstream.statusCode());
        response.setStatusMessage(downstream.statusMessage());
        // links a service makes point at itself; the client only knows the gateway
        String serviceOrigin = base.getScheme() + "://" + base.getAuthority();
        String gatewayBase = ctx.request().scheme() + "://" + ctx.request().authority() + target.prefix();
        downstream.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(name)) {
                return;
            }
            String value = name.equals("location") || name.equals("link") || name.equals("content-location")
                    ? h.getValue().replace(serviceOrigin, gatewayBase) : h.getValue();
            response.headers().add(h.getKey(), value);
        });
        long length = contentLength(downstream);
        boolean taggable = Revalidation.taggable(ctx.request(), response) && length <= JSON_READ_MAX;
        if (length >= 0 && length <= WHOLE_BODY_MAX || taggable) {
            // a small answer goes out in one write, headers and body together
            downstream.body().onSuccess(body -> {
                if (Revalidation.notModified(ctx.request(), response, body)) {
                    response.end();
                } else {
                    response.end(body);
                }
            }).onFailure(e -> LOG.debugf("service went away mid-response: %s", e.getMessage()));
            return;
        }
        if (length < 0) {
            response.setChunked(true);
        }
        // A caller gone mid-stream ends the service's answer too (a long ledger export is not made for nobody).
        // Relayed by hand rather than piped: the next chunk that finds the caller's response closed resets the
        // service's stream at once, where a pipe would only fail writing to a response already torn down.
        ctx.addEndHandler(done -> {
            if (done.failed()) {
                downstream.request().reset();
            }
        });
        downstream.handler(chunk -> {
            if (response.closed() || response.ended()) {
                downstream.request().reset();
                return;
            }
            try {
                response.write(chunk);
                if (response.writeQueueFull()) {
                    downstream.pause();
                    response.drainHandler(drained -> downstream.resume());
                }
            } catch (IllegalStateException closedMeanwhile) {
                // the caller's connection closed between the check and the write (it lives on another event loop)
                downstream.request().reset();
            }
        });
        downstream.exceptionHandler(e -> {
            LOG.debugf("service went away mid-response: %s", e.getMessage());
            if (!response.closed() && !response.ended()) {
                response.reset();
            }
        });
        downstream.endHandler(ended -> {
            if (!response.closed() && !response.ended()) {
                response.end();
            }
        });
        downstream.resume();
    }

    private static long contentLength(HttpClientResponse downstream) {
        String length = downstream.getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void fail(RoutingContext ctx, Routes.Target target, Throwable failure) {
        ctx.request().resume();
        boolean timedOut = failure instanceof TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout")
                || String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("timeout");
        LOG.warnf("%s-service %s: %s", target.service(), timedOut ? "timed out" : "unreachable", failure.toString());
        if (timedOut) {
            ProblemWriter.write(ctx, 504, "downstream-timeout", target.service());
        } else {
            ProblemWriter.write(ctx, 502, "downstream-unavailable", target.service());
        }
        if (failure instanceof ConnectException) {
            LOG.debug("connection refused", failure);
        }
    }
}
