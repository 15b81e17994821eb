package org.tuanjie.platform.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
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
 * It is closed the way web servers do it (a "lingering close"): what the caller still sends is read
 * and dropped, up to {@link #DRAINED_AT_MOST} bytes or {@link #LINGER_MS} milliseconds, before the
 * close. Closing with bytes unread makes the system reset the connection, and a reset can destroy the
 * answer in the caller's receive buffer before the caller reads it.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    /** What any request but a file upload may send: JSON and spreadsheets are read whole, files are streamed. */
    @ConfigProperty(name = "platform.http.max-body-size", defaultValue = "20M")
    MemorySize ordinaryBodySize;

    /** Paths (a regular expression) of file uploads, which may send up to Quarkus' own limit. */
    @ConfigProperty(name = "platform.http.file-paths")
    Optional<String> filePaths;

    void register(@Observes Filters filters) {
        maxBodySize.ifPresent(limit -> {
            long files = limit.asLongValue();
            long ordinary = Math.min(files, ordinaryBodySize.asLongValue());
            Pattern uploads = Pattern.compile(filePaths.orElse("(?!)")); // (?!) matches nothing
            // after RequestIds (1000), before authentication and Quarkus' own limit check
            filters.register(context -> refuseAbove(context,
                    uploads.matcher(context.request().path()).matches() ? files : ordinary), 990);
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

    /** What is read and dropped of a refused body before the connection is closed anyway. */
    static final long DRAINED_AT_MOST = 1024 * 1024;
    /** How long a refused caller may go on sending before the connection is closed anyway. */
    static final long LINGER_MS = 2_000;

    private static void refuse(RoutingContext context, int status, String type) {
        context.response().putHeader("Connection", "close");
        context.response().endHandler(ended -> closeAfterDraining(context));
        ProblemWriter.write(context, status, type);
    }

    private static void closeAfterDraining(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long timer = context.vertx().setTimer(LINGER_MS, fired -> connection.close());
        long[] drained = {0};
        request.handler(bytes -> {
            drained[0] += bytes.length();
            if (drained[0] > DRAINED_AT_MOST) {
                connection.close();
            }
        });
        request.endHandler(ended -> {
            context.vertx().cancelTimer(timer);
            connection.close();
        });
        request.exceptionHandler(failed -> connection.close());
        request.resume();
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
