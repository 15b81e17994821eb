package org.tuanjie.bench.peer.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * Token buckets in memory for Spring Cloud Gateway's {@code RequestRateLimiter}, whose own limiter needs Redis: up to
 * {@code burst} requests at once per key, refilled at {@code perSecond}. One rate for every route, so it has no
 * per-route configuration. The headers are those of the gateway's Redis limiter.
 */
public class InMemoryRateLimiter implements RateLimiter<Void> {

    private final int perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(int perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String key) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, System.nanoTime()));
        long remaining;
        boolean allowed;
        synchronized (bucket) {
            bucket.refill(System.nanoTime(), perSecond, burst);
            allowed = bucket.tokens >= 1;
            if (allowed) {
                bucket.tokens--;
            }
            remaining = (long) bucket.tokens;
        }
        return Mono.just(new Response(allowed, Map.of(
                "X-RateLimit-Remaining", Long.toString(remaining),
                "X-RateLimit-Replenish-Rate", Integer.toString(perSecond),
                "X-RateLimit-Burst-Capacity", Integer.toString(burst))));
    }

    @Override
    public Map<String, Void> getConfig() {
        return Map.of();
    }

    @Override
    public Class<Void> getConfigClass() {
        return Void.class;
    }

    @Override
    public Void newConfig() {
        return null;
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        void refill(long now, int perSecond, int burst) {
            tokens = Math.min(burst, tokens + (now - last) * perSecond / 1e9);
            last = now;
        }
    }
}
