package org.tuanjie.agreements.audit.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.tuanjie.agreements.audit.AuditCheckpoint;
import org.tuanjie.agreements.audit.AuditEntry;
import org.tuanjie.platform.seal.SealKeys;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.Page;

/**
 * Signed checkpoints of the audit chain: periodically (and on demand), the chain's last seq and head hash, sealed. A
 * checkpoint kept outside the database (by an auditor, another platform, a bundle) proves what the chain was: a later
 * chain that does not hold the same hash at that seq was rewritten, one shorter than it was cut.
 */
@ApplicationScoped
public class AuditCheckpoints {

    @Inject
    EntityManager em;

    @Inject
    SealKeys keys;

    /** Every {@code agreements.audit.checkpoint-every} (1 hour unless configured), on every replica: one per head. */
    @Scheduled(every = "${agreements.audit.checkpoint-every:1h}", identity = "audit-checkpoint",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        checkpoint();
    }

    /** A checkpoint of the chain's head now: the one already made at it, or a new one; none while the chain is empty. */
    @Transactional
    public Optional<AuditCheckpoint> checkpoint() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, AuditTrail.CHAIN_LOCK).getSingleResult();
        Optional<AuditEntry> head = em.createQuery("select e from AuditEntry e order by e.seq desc", AuditEntry.class)
                .setMaxResults(1).getResultStream().findFirst();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        AuditCheckpoint made = em.find(AuditCheckpoint.class, head.get().seq());
        if (made != null) {
            return Optional.of(made);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        AuditCheckpoint checkpoint = new AuditCheckpoint(head.get().seq(), head.get().hash(), now);
        SealKeys.Seal seal = keys.seal(checkpoint.sealedPayload(), now.toInstant());
        checkpoint.seal(seal.value(), seal.keyId());
        keys.coSeal(checkpoint.sealedPayload(), now.toInstant()).ifPresent(checkpoint::coSeal);
        em.persist(checkpoint);
        return Optional.of(checkpoint);
    }

    /** The checkpoints made, the latest first. */
    public Page<AuditCheckpoint> list(int limit, Cursor before) {
        List<AuditCheckpoint> page = em.createQuery("select c from AuditCheckpoint c where c.seq < :before order by c.seq desc",
                AuditCheckpoint.class).setParameter("before", before == null ? Long.MAX_VALUE : before.number(0))
                .setMaxResults(limit + 1).getResultList();
        return Page.of(page, limit, c -> Cursor.of(Long.toString(c.seq())));
    }

    /** What the chain says of a checkpoint someone holds. */
    public record Check(boolean valid, SealKeys.Check seal, Long chainLength, String headHashNow, String reason) {

        public static final String SEAL_INVALID = "seal-invalid";
        public static final String TRUNCATED = "truncated";
        public static final String HISTORY_REWRITTEN = "history-rewritten";
        public static final String ENTRY_ALTERED = "entry-altered";
    }

    /**
     * Checks a checkpoint against the chain: its seal (by the key it names, within that key's period), that the chain
     * still reaches its seq, holds its head hash there, and that entry's hash still matches its fields. The entries up
     * to it are linked to that head by their hashes, so {@code GET /audit/verification} walking them proves the rest.
     */
    @Transactional
    public Check check(AuditCheckpoint held) {
        SealKeys.Check seal = keys.check(held.sealedPayload(), held.seal(), held.keyId(), held.coSeal(), held.coKeyId(),
                held.madeAt().toInstant());
        Long length = em.createQuery("select max(e.seq) from AuditEntry e", Long.class).getSingleResult();
        if (seal != SealKeys.Check.VALID) {
            return new Check(false, seal, length, null, Check.SEAL_INVALID);
        }
        Optional<AuditEntry> at = em.createQuery("select e from AuditEntry e where e.seq = :seq", AuditEntry.class)
                .setParameter("seq", held.seq()).getResultStream().findFirst();
        if (length == null || length < held.seq() || at.isEmpty()) {
            return new Check(false, seal, length, null, Check.TRUNCATED);
        }
        String now = at.get().hash();
        if (!now.equals(held.headHash())) {
            return new Check(false, seal, length, now, Check.HISTORY_REWRITTEN);
        }
        if (!now.equals(at.get().computeHash())) {
            return new Check(false, seal, length, now, Check.ENTRY_ALTERED);
        }
        return new Check(true, seal, length, now, null);
    }
}
