package org.tuanjie.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tuanjie.gateway.config.GatewayConfig;

/**
 * A token bucket per client: up to {@code burst} requests at once, then {@code perSecond}. Each
 * client has its own bucket, so one client's flood never spends another's budget.
 */
@ApplicationScoped
public class ClientLimits {

    private static final int MAX_CLIENTS = 100_000;

    @Inject
    GatewayConfig config;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one request from the client's bucket, and says what is left (IETF RateLimit headers). */
    public Decision tryAcquire(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // a bounded memory beats exact limits for a flood of one-off addresses
        }
        int burst = config.rateLimit().burst();
        int perSecond = config.rateLimit().perSecond();
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, perSecond));
        return bucket.take(System.nanoTime(), burst, perSecond);
    }

    /**
     * @param retryAfter 0 when the request may go, else the whole seconds to wait before the next one can
     * @param remaining  requests the client may send at once now
     * @param full       whole seconds until the bucket is full again
     */
    public record Decision(long retryAfter, int remaining, long full, int burst, int perSecond) {

        /** {@code "client";q=100;w=2}: the quota at once, refilled over that many seconds. */
        public String policy() {
            return "\"client\";q=" + burst + ";w=" + Math.max(1, (burst + perSecond - 1) / perSecond);
        }

        /** {@code "client";r=99;t=1}: what remains, and when the quota is whole again. */
        public String state() {
            return "\"client\";r=" + remaining + ";t=" + full;
        }
    }

    static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last;

        Bucket(int capacity, int perSecond) {
            this.capacity = capacity;
            this.perNano = perSecond / 1e9;
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        synchronized Decision take(long now, int burst, int perSecond) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            long wait = 0;
            if (tokens >= 1) {
                tokens -= 1;
            } else {
                wait = (long) Math.ceil((1 - tokens) / perNano / 1e9);
            }
            long full = (long) Math.ceil((capacity - tokens) / perNano / 1e9);
            return new Decision(wait, (int) Math.floor(tokens), full, burst, perSecond);
        }
    }
}
