package org.tuanjie.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Request latency as a histogram with fixed buckets, so Prometheus can compute percentiles across instances
 * ({@code histogram_quantile} over {@code http_server_requests_seconds_bucket}): an average hides the slow tail, and
 * percentiles computed in each instance cannot be added up. The buckets bracket what the suite promises (a read in
 * tens of milliseconds, the gateway's 5 s bound) with few enough series per operation.
 */
@Singleton
public class LatencyBuckets {

    static final Duration[] BOUNDS = {Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5)};

    @Produces
    @Singleton
    MeterFilter httpServerLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName())) {
                    return config;
                }
                double[] nanos = new double[BOUNDS.length];
                for (int i = 0; i < BOUNDS.length; i++) {
                    nanos[i] = BOUNDS[i].toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
