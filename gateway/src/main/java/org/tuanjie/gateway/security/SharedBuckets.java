package org.tuanjie.gateway.security;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Token buckets in Redis, shared by every gateway replica: one script takes from the caller's bucket and the app's
 * together (or from neither), on Redis's clock, so replicas with skewed clocks agree. A bucket's key expires once it
 * would be full again.
 */
final class SharedBuckets {

    static final String PREFIX = "tuanjie:rate:";
    private static final String SCRIPT = script();

    private final ReactiveRedisDataSource redis;
    private final Duration timeout;

    SharedBuckets(ReactiveRedisDataSource redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    Uni<ClientLimits.Taken> take(List<ClientLimits.Quota> quotas) {
        List<String> args = new ArrayList<>();
        args.add(SCRIPT);
        args.add(Integer.toString(quotas.size()));
        quotas.forEach(q -> args.add(PREFIX + q.key()));
        quotas.forEach(q -> {
            args.add(Integer.toString(q.burst()));
            args.add(Integer.toString(q.perSecond()));
        });
        return redis.execute("EVAL", args.toArray(String[]::new)).ifNoItem().after(timeout).fail()
                .map(SharedBuckets::taken);
    }

    private static ClientLimits.Taken taken(Response reply) {
        double[] levels = new double[reply.size() - 1];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = Double.parseDouble(reply.get(i + 1).toString());
        }
        return new ClientLimits.Taken(reply.get(0).toInteger() == 1, levels);
    }

    private static String script() {
        try (InputStream in = SharedBuckets.class.getResourceAsStream("/gateway/token-buckets.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
