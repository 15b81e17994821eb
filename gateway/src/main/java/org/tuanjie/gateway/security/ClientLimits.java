package org.tuanjie.gateway.security;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.tuanjie.gateway.config.GatewayConfig;

/**
 * Token buckets: one per caller (a person on a client app, or an address), up to {@code burst} requests at once, then
 * {@code perSecond}; and one per client app, shared by all its callers, larger. A request takes one token from each, or
 * from none: so one liaison's flood never spends a colleague's budget, and no app, however many people use it, takes
 * more than its share of the suite.
 *
 * <p>The buckets live in this process, or in Redis when {@code gateway.rate-limit.store=redis}, so that every replica
 * spends from the same ones. If Redis does not answer, the replica limits with its own buckets meanwhile: an outage
 * of the limiter is no outage of the suite.
 */
@ApplicationScoped
public class ClientLimits {

    private static final Logger LOG = Logger.getLogger(ClientLimits.class);

    @Inject
    GatewayConfig config;

    @Inject
    Instance<ReactiveRedisDataSource> redis;

    private final LocalBuckets local = new LocalBuckets();
    private volatile SharedBuckets shared;

    /** A bucket a request takes from: its name in the headers, its key, its size and its rate. */
    public record Quota(String name, String key, int burst, int perSecond) {
    }

    /**
     * The quotas a request spends from: the caller's, and the app's when the token names one.
     *
     * @param caller the caller's key ({@link Callers#clientKey})
     * @param app the client app's key ({@link Callers#appKey}), or null
     */
    public List<Quota> quotas(String caller, String app) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        List<Quota> quotas = new ArrayList<>(2);
        quotas.add(new Quota("client", caller, limits.burst(), limits.perSecond()));
        if (app != null) {
            quotas.add(new Quota("app", app, limits.appBurst(), limits.appPerSecond()));
        }
        return quotas;
    }

    /** Takes one request from each of the caller's buckets (or from none), and says what is left (IETF RateLimit). */
    public Uni<Decision> tryAcquire(String caller, String app) {
        List<Quota> quotas = quotas(caller, app);
        if (!"redis".equals(config.rateLimit().store())) {
            return Uni.createFrom().item(Decision.of(quotas, local.take(quotas, System.nanoTime())));
        }
        return shared().take(quotas).map(levels -> Decision.of(quotas, levels))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("rate limits not shared (Redis: %s): this replica limits alone meanwhile", failure.toString());
                    return Decision.of(quotas, local.take(quotas, System.nanoTime()));
                });
    }

    private SharedBuckets shared() {
        SharedBuckets buckets = shared;
        if (buckets == null) {
            buckets = new SharedBuckets(redis.get(), config.rateLimit().sharedTimeout());
            shared = buckets;
        }
        return buckets;
    }

    /**
     * What a request found in its buckets.
     *
     * @param admitted whether it took one from each (else from none)
     * @param levels each bucket's tokens after that
     */
    public record Taken(boolean admitted, double[] levels) {
    }

    /**
     * @param retryAfter 0 when the request may go, else the whole seconds to wait before the next one can
     */
    public record Decision(long retryAfter, List<Quota> quotas, double[] levels) {

        static Decision of(List<Quota> quotas, Taken taken) {
            long wait = 0;
            if (!taken.admitted()) {
                for (int i = 0; i < quotas.size(); i++) {
                    if (taken.levels()[i] < 1) {
                        wait = Math.max(wait, (long) Math.ceil((1 - taken.levels()[i]) / quotas.get(i).perSecond()));
                    }
                }
            }
            return new Decision(taken.admitted() ? 0 : Math.max(1, wait), List.copyOf(quotas), taken.levels().clone());
        }

        /** {@code "client";q=100;w=2, "app";q=1000;w=2}: each quota at once, refilled over that many seconds. */
        public String policy() {
            return quotas.stream().map(q -> "\"" + q.name() + "\";q=" + q.burst() + ";w="
                    + Math.max(1, (q.burst() + q.perSecond() - 1) / q.perSecond())).collect(Collectors.joining(", "));
        }

        /** {@code "client";r=99;t=1, "app";r=990;t=1}: what remains of each, and when it is whole again. */
        public String state() {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < quotas.size(); i++) {
                Quota q = quotas.get(i);
                double level = Math.max(0, levels[i]);
                items.add("\"" + q.name() + "\";r=" + (int) Math.floor(level) + ";t="
                        + (long) Math.ceil((q.burst() - level) / q.perSecond()));
            }
            return String.join(", ", items);
        }
    }
}
