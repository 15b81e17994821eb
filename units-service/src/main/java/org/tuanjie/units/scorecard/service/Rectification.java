package org.tuanjie.units.scorecard.service;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.tuanjie.units.indicators.IndicatorCode;

/**
 * Which indicators of a unit have findings not yet rectified, as tasks-service says (it owns findings and tasks). A
 * scorecard read while tasks-service cannot answer says so and stays readable: empty here, never an error.
 */
@ApplicationScoped
public class Rectification {

    private static final Logger LOG = Logger.getLogger(Rectification.class);

    @Inject
    @RestClient
    TasksClient tasks;

    @Inject
    SecurityIdentity identity;

    @Inject
    Rectification self;

    /**
     * {@link #openIn} asked on a worker thread, with the caller's token taken here (the request's identity is not
     * there), so that the caller reads the database meanwhile.
     */
    public CompletableFuture<Optional<Map<UUID, Map<IndicatorCode, Integer>>>> openInBackground(ScorecardFacts.Scope scope,
            LocalDate day) {
        String bearer = identity.getPrincipal() instanceof JsonWebToken jwt ? "Bearer " + jwt.getRawToken() : null;
        return CompletableFuture.supplyAsync(() -> self.openIn(scope, day, bearer), Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Open findings by unit and indicator in scope, at the end of the day; empty when tasks-service did not answer.
     */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unknown")
    public Optional<Map<UUID, Map<IndicatorCode, Integer>>> openIn(ScorecardFacts.Scope scope, LocalDate day, String bearer) {
        Map<UUID, Map<IndicatorCode, Integer>> open = new HashMap<>();
        for (TasksClient.Item item : tasks.openByIndicator(bearer, scope.root().id(), scope.subtree(), day.toString()).items()) {
            IndicatorCode.parse(item.indicatorCode()).ifPresent(code -> open.computeIfAbsent(item.unitId(), u -> new HashMap<>())
                    .merge(code, item.open(), Integer::sum));
        }
        return Optional.of(open);
    }

    Optional<Map<UUID, Map<IndicatorCode, Integer>>> unknown(ScorecardFacts.Scope scope, LocalDate day, String bearer,
            Throwable why) {
        LOG.warnf("tasks-service did not say which findings are open at %s: %s", scope.root().code(), why.toString());
        return Optional.empty();
    }
}
