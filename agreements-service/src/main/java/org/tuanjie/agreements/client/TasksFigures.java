package org.tuanjie.agreements.client;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.tuanjie.platform.problem.Problems;

/**
 * Task figures of one unit from tasks-service, asked with the caller's token, under a time bound,
 * one retry and a circuit breaker. Any failure is a 503: an assessment is refused rather than
 * scored on missing numbers.
 */
@ApplicationScoped
public class TasksFigures {

    private static final Logger LOG = Logger.getLogger(TasksFigures.class);

    @Inject
    SecurityIdentity identity;

    @Inject
    Calls calls;

    public TasksClient.Row ofUnit(UUID unitId, String category) {
        String bearer = identity.getPrincipal() instanceof JsonWebToken jwt ? "Bearer " + jwt.getRawToken() : null;
        try {
            return calls.figures(bearer, unitId, category).total();
        } catch (RuntimeException e) {
            LOG.warnf("tasks-service unavailable: %s", e.toString());
            throw new TasksUnavailable();
        }
    }

    @ApplicationScoped
    public static class Calls {

        @Inject
        @RestClient
        TasksClient client;

        @Timeout(value = 3, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 1, delay = 100)
        @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
        public TasksClient.Figures figures(String bearer, UUID unitId, String category) {
            return client.figures(bearer, "UNIT", unitId, category);
        }
    }

    /** 503: tasks-service could not be asked; nothing was written. */
    public static final class TasksUnavailable extends Problems.Unavailable {
        public TasksUnavailable() {
            super("tasks-unavailable", "tasks.unavailable");
        }
    }
}
