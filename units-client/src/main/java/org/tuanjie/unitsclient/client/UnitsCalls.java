package org.tuanjie.unitsclient.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls to units-service under a time bound, a short retry and a circuit breaker. A 404 is an
 * answer (the unit is missing or outside the caller's reach), not a failure, so it does not count
 * against the breaker.
 */
@ApplicationScoped
public class UnitsCalls {

    private final UnitsClient client;

    UnitsCalls(@RestClient UnitsClient client) {
        this.client = client;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, abortOn = NotVisible.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = NotVisible.class)
    public Optional<UnitsClient.UnitRef> byCode(String authorization, String code) {
        return absentOn404(() -> client.byCode(authorization, code));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, abortOn = NotVisible.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = NotVisible.class)
    public Optional<UnitsClient.UnitRef> byId(String authorization, UUID id) {
        return absentOn404(() -> client.byId(authorization, id));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, abortOn = NotVisible.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = NotVisible.class)
    public Optional<List<UnitsClient.UnitRef>> ancestors(String authorization, UUID id) {
        return absentOn404(() -> client.ancestors(authorization, id));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, abortOn = NotVisible.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = NotVisible.class)
    public Optional<UnitsClient.MemberPage> members(String authorization, UUID domainId, int limit, String cursor) {
        return absentOn404(() -> client.members(authorization, domainId, limit, cursor));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, abortOn = NotVisible.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = NotVisible.class)
    public Optional<UnitsClient.UnitPage> subtree(String authorization, UUID id, int limit, String cursor) {
        return absentOn404(() -> client.subtree(authorization, id, limit, cursor));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, abortOn = NotVisible.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = NotVisible.class)
    public Optional<UnitsClient.Readiness> readiness(String authorization, UUID id) {
        return absentOn404(() -> client.readiness(authorization, id));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, abortOn = NotVisible.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = NotVisible.class)
    public Optional<UnitsClient.DossierCounts> dossierCounts(String authorization, UUID id, String kind, LocalDate from,
            LocalDate to) {
        return absentOn404(() -> client.dossierCounts(authorization, id, kind, from.toString(), to.toString()));
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, abortOn = NotVisible.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = NotVisible.class)
    public Optional<UnitsClient.UnitIndicators> indicators(String authorization, UUID id, int year) {
        return absentOn404(() -> client.indicators(authorization, id, year));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, abortOn = NotVisible.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = NotVisible.class)
    public Optional<UnitsClient.Scorecard> scorecard(String authorization, UUID id, int year) {
        return absentOn404(() -> client.scorecard(authorization, id, year));
    }

    /** For the background unit feed: bounded in time, but outside the breakers that guard callers' requests. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 500, abortOn = NotVisible.class)
    public Optional<UnitsClient.ChangePage> changes(String authorization, String cursor, int limit) {
        return absentOn404(() -> client.changes(authorization, cursor, limit));
    }

    private static <T> Optional<T> absentOn404(java.util.function.Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 401 || status == 403) {
                throw new NotVisible(status);
            }
            throw e;
        }
    }

    /** units-service refused the caller's token or role: the caller's problem, not the service's. */
    public static final class NotVisible extends RuntimeException {
        private final int status;

        NotVisible(int status) {
            super("units-service answered " + status, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
