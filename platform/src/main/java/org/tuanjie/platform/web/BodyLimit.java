package org.tuanjie.platform.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request announcing a body above {@code quarkus.http.limits.max-body-size} is refused with a
 * 413 problem before a byte of it is read. Quarkus refuses it too, a little later, but with an
 * empty body; callers are promised problem+json for every refusal.
 *
 * <p>A body sent in chunks without a {@code Content-Length} is refused with a 411 problem: its size
 * is known only once read, and Quarkus ends one that outgrows the limit with an empty 413. Clients
 * sending a string, a byte array or a file announce the length anyway; only streamed uploads must
 * buffer first (as with API gateways that refuse chunked requests).
 *
 * <p>The connection is closed after either answer: the caller may already be sending the body
 * (with or without {@code Expect: 100-continue}), and leaving it unread would stall both sides.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void register(@Observes Filters filters) {
        maxBodySize.ifPresent(limit -> {
            long bytes = limit.asLongValue();
            // after RequestIds (1000), before authentication and Quarkus' own limit check
            filters.register(context -> refuseAbove(context, bytes), 990);
        });
    }

    static void refuseAbove(RoutingContext context, long limit) {
        String announced = context.request().getHeader("Content-Length");
        if (announced != null && exceeds(announced, limit)) {
            refuse(context, 413, "payload-too-large");
            return;
        }
        if (announced == null && chunked(context.request().getHeader("Transfer-Encoding"))) {
            refuse(context, 411, "length-required");
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context, int status, String type) {
        context.response().putHeader("Connection", "close");
        context.response().endHandler(ended -> context.request().connection().close());
        ProblemWriter.write(context, status, type);
    }

    static boolean chunked(String transferEncoding) {
        return transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    static boolean exceeds(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec refuses malformed lengths itself
        }
    }
}
