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

    /** @return 0 when the request may go, else the whole seconds to wait before the next one can */
    public long tryAcquire(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // a bounded memory beats exact limits for a flood of one-off addresses
        }
        Bucket bucket = buckets.computeIfAbsent(client,
                k -> new Bucket(config.rateLimit().burst(), config.rateLimit().perSecond()));
        return bucket.take(System.nanoTime());
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

        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano / 1e9);
        }
    }
}
