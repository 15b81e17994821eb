package org.tuanjie.platform.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Recorded answers to {@code Idempotency-Key}s are kept for a retention period (a client retries within minutes, a
 * phone offline for days within a week), then deleted on a schedule, a few thousand per transaction, so the table stays
 * the size of that period's POSTs. Until the sweep after its period, a record still replays; after it, the same key
 * is a new request. Replicas sweeping at once delete different rows or none: nothing is deleted twice.
 */
@ApplicationScoped
public class IdempotencySweep {

    private static final Logger LOG = Logger.getLogger(IdempotencySweep.class);
    static final int BATCH = 5000;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "idempotency.retention", defaultValue = "P7D")
    Duration retention;

    @Scheduled(identity = "idempotency-sweep", every = "${idempotency.sweep-every:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int deleted = sweep();
        if (deleted > 0) {
            LOG.infof("deleted %d idempotency record(s) older than %s", deleted, retention);
        }
    }

    /** Deletes the records older than the retention period; returns how many. */
    public int sweep() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        int deleted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from idempotency_record where scope_key in (
                        select scope_key from idempotency_record where created_at < ?1 limit ?2 for update skip locked)""")
                    .setParameter(1, before).setParameter(2, BATCH).executeUpdate());
            deleted += batch;
        } while (batch == BATCH);
        return deleted;
    }
}
