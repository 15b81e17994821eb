package org.tuanjie.gateway.proxy;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.tuanjie.platform.web.ProblemWriter;

/**
 * Refuses (400) a request whose path, as it arrived, could name another path to whoever reads it
 * next: a {@code .} or {@code ..} segment (literal or percent-encoded, in any case, also encoded
 * twice or before a {@code ;}), an encoded slash or backslash, a backslash, an empty segment
 * ({@code //}) or a malformed escape.
 *
 * <p>The proxy forwards the raw path, and Vert.x's router matches a normalized copy of it; a
 * service normalizes again after decoding, so {@code /api/units/%2e%2e/q/metrics} would be the
 * service's own {@code /q/metrics}. Only a path that every reader sees the same way is let through.
 * No client of the API needs any of these forms.
 */
@ApplicationScoped
public class NormalizedPaths {

    /** Escapes are decoded this many times at most: a path that is still changing is refused anyway. */
    private static final int DECODINGS = 3;

    void register(@Observes Filters filters) {
        // after RequestIds (1000) so the problem carries the id; before the body limit, authentication and the proxy
        filters.register(NormalizedPaths::refuseUnnormalized, 995);
    }

    static void refuseUnnormalized(RoutingContext context) {
        if (isNormalized(context.request().path())) {
            context.next();
            return;
        }
        ProblemWriter.write(context, 400, "path-not-normalized");
    }

    /** Whether the raw request path reads the same before and after any decoding and dot-segment removal. */
    public static boolean isNormalized(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.indexOf('\\') >= 0) {
            return false;
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (segments[i].isEmpty() && !last) {
                return false; // "//": some read it as "/", some as an empty segment
            }
            if (!isPlainSegment(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainSegment(String segment) {
        String decoded = segment;
        for (int i = 0; i <= DECODINGS; i++) {
            if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0) {
                return false;
            }
            // matrix parameters: some servers drop them before removing dot segments ("..;x" is "..")
            String name = decoded.split(";", 2)[0];
            if (name.equals(".") || name.equals("..")) {
                return false;
            }
            if (decoded.indexOf('%') < 0) {
                return true;
            }
            String next = percentDecoded(decoded);
            if (next == null) {
                // a malformed escape on the wire is refused; once decoded, a "%" is only a character
                return i > 0;
            }
            decoded = next;
        }
        return false;
    }

    /** The segment with its escapes decoded (UTF-8), or null when an escape is malformed. */
    private static String percentDecoded(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        byte[] raw = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
                continue;
            }
            int high = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int low = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
