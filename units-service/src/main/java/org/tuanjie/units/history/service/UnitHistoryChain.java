package org.tuanjie.units.history.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.tuanjie.platform.chain.HashChain;
import org.tuanjie.platform.seal.SealKeys;

/**
 * Units' history as one hash chain ({@link HashChain}): every closing and reopening of a unit ({@code unit_history})
 * is linked a few seconds after it is recorded, and the chain's head sealed every hour while it grows. Each link hashes
 * the row as stored: its id, unit, change, effective date, reason, and when and by whom it was recorded; with SHA-256, or
 * SM3 where the deployment's cryptography is assessed ({@code units.history.digest}, env {@code UNITS_HISTORY_DIGEST}).
 */
@ApplicationScoped
public class UnitHistoryChain {

    /** The chain's name in what a checkpoint seals. */
    public static final String CHAIN = "units-history";

    static final HashChain.Spec SPEC = new HashChain.Spec(CHAIN, "history", 0x756e_6974_6869_7374L, "unit_history",
            "h.unit_id, h.change, h.effective_on::text, h.reason, h.recorded_at, h.recorded_by",
            (fields, row) -> {
                fields.put("historyId", ((Number) row[0]).longValue());
                fields.put("unitId", row[1].toString());
                fields.put("change", (String) row[2]);
                fields.put("effectiveOn", (String) row[3]);
                fields.put("reason", (String) row[4]);
                fields.put("recordedAt", HashChain.instant(row[5]));
                fields.put("recordedBy", (String) row[6]);
            },
            "(select u.path from unit u where u.id = h.unit_id)");

    private final HashChain chain;

    @Inject
    UnitHistoryChain(EntityManager em, SealKeys keys, ObjectMapper json,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "units.history.digest", defaultValue = "SHA-256")
            String digest) {
        this.chain = new HashChain(SPEC, em, keys, json, digest);
    }

    /** The chain itself: link, checkpoint, check, read. */
    public HashChain chain() {
        return chain;
    }

    @Scheduled(every = "${units.history.chain-every:5s}", identity = "history-chain",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void linkPeriodically() {
        chain.linkAll();
    }

    @Scheduled(every = "${units.history.checkpoint-every:1h}", identity = "history-checkpoint",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkpointPeriodically() {
        chain.linkAndCheckpoint();
    }
}
