package org.tuanjie.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;

/**
 * Token buckets in this process: bounded in number (the least used go first, a bucket left alone for ten minutes is
 * full again anyway and goes too).
 */
final class LocalBuckets {

    static final int MAX_BUCKETS = 200_000;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(MAX_BUCKETS)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    /** Takes one token from each quota's bucket if each has one, else none. */
    ClientLimits.Taken take(List<ClientLimits.Quota> quotas, long now) {
        Bucket[] held = new Bucket[quotas.size()];
        for (int i = 0; i < held.length; i++) {
            ClientLimits.Quota q = quotas.get(i);
            held[i] = buckets.get(q.key(), k -> new Bucket(q.burst(), now));
        }
        // always the caller's bucket before the app's: two requests never hold them in opposite orders
        return take(held, quotas, 0, now);
    }

    private static ClientLimits.Taken take(Bucket[] held, List<ClientLimits.Quota> quotas, int from, long now) {
        if (from < held.length) {
            synchronized (held[from]) {
                return take(held, quotas, from + 1, now);
            }
        }
        double[] levels = new double[held.length];
        boolean admitted = true;
        for (int i = 0; i < held.length; i++) {
            levels[i] = held[i].refill(quotas.get(i), now);
            admitted &= levels[i] >= 1;
        }
        if (admitted) {
            for (int i = 0; i < held.length; i++) {
                levels[i] = --held[i].tokens;
            }
        }
        return new ClientLimits.Taken(admitted, levels);
    }

    static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.last = now;
        }

        /** Adds what the rate gave since the last request, up to the quota; the caller holds the bucket's lock. */
        double refill(ClientLimits.Quota quota, long now) {
            tokens = Math.min(quota.burst(), tokens + (now - last) * (quota.perSecond() / 1e9));
            last = now;
            return tokens;
        }
    }
}
