package org.tuanjie.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request carries an id: the caller's {@code X-Request-Id} when it is sane, a new one
 * otherwise. It goes into every log line (MDC key {@code requestId}), every problem body and the
 * response headers, so a clerk's complaint can be matched with the logs.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** The caller's id when it is sane, a new one otherwise. */
    public static String idFor(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : newId();
    }

    /**
     * A random (version 4) UUID from a fast generator: an id to find log lines by, not a secret,
     * so it need not cost a SecureRandom call on every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xCL << 60) | (0x8L << 60);
        return new UUID(high, low).toString();
    }

    void register(@Observes Filters filters) {
        // runs before authentication and body handling, so even a 401 or 413 carries the id
        filters.register(RequestIds::assign, 1000);
    }

    static void assign(RoutingContext context) {
        String offered = context.request().getHeader(HEADER);
        String id = idFor(offered);
        MDC.put(MDC_KEY, id);
        context.put(MDC_KEY, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }
}
