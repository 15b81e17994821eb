package org.tuanjie.agreements.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.audit.AuditEntry;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.Page;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.scope.Jurisdiction;

/**
 * Appends to and reads the hash-chained audit trail. Appends are serialized by a transaction-scoped
 * advisory lock, so the chain has no forks; they join the transaction of the change they record.
 */
@ApplicationScoped
public class AuditTrail {

    private static final long CHAIN_LOCK = 0x7475616e6a6965L; // "tuanjie"

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Jurisdiction jurisdiction;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(String action, Agreement agreement, Map<String, String> detail) {
        return append(action, agreement == null ? null : agreement.id(), agreement == null ? null : agreement.unitCode(),
                agreement == null ? null : agreement.unitPath(), detail);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(String action, UUID agreementId, String unitCode, String unitPath, Map<String, String> detail) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        List<AuditEntry> last = em.createQuery("select e from AuditEntry e order by e.seq desc", AuditEntry.class)
                .setMaxResults(1).getResultList();
        long seq = last.isEmpty() ? 1 : last.get(0).seq() + 1;
        String prev = last.isEmpty() ? AuditEntry.GENESIS : last.get(0).hash();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry = AuditEntry.create(seq, prev, at, caller.subject(), action, agreementId, unitCode, unitPath,
                detail);
        em.persist(entry);
        return entry;
    }

    /** Entries of the caller's jurisdiction, filtered, oldest first. */
    public Page<AuditEntry> list(UUID agreementId, String unitCode, String actor, OffsetDateTime from,
            OffsetDateTime to, int limit, Cursor after) {
        StringBuilder hql = new StringBuilder("select e from AuditEntry e where e.unitPath like :scope and e.seq > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", Jurisdiction.likePrefix(jurisdiction.rootPath()));
        params.put("after", after == null ? 0L : after.number(0));
        if (agreementId != null) {
            hql.append(" and e.agreementId = :agreement");
            params.put("agreement", agreementId);
        }
        if (unitCode != null) {
            hql.append(" and e.unitCode = :unit");
            params.put("unit", unitCode);
        }
        if (actor != null) {
            hql.append(" and e.actor = :actor");
            params.put("actor", actor);
        }
        if (from != null) {
            hql.append(" and e.at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            hql.append(" and e.at < :to");
            params.put("to", to);
        }
        var query = em.createQuery(hql + " order by e.seq", AuditEntry.class).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        return Page.of(query.getResultList(), limit, e -> Cursor.of(Long.toString(e.seq())));
    }

    /**
     * Walks the whole chain from the start: each entry's hash must match its fields and the previous
     * entry's hash, and sequence numbers must follow each other.
     */
    @Transactional
    public ChainCheck verify() {
        long checked = 0;
        String prev = AuditEntry.GENESIS;
        long expectedSeq = 1;
        try (var entries = em.createQuery("select e from AuditEntry e order by e.seq", AuditEntry.class)
                .setHint("org.hibernate.fetchSize", 500).setHint("org.hibernate.readOnly", true).getResultStream()) {
            for (AuditEntry e : (Iterable<AuditEntry>) entries::iterator) {
                if (e.seq() != expectedSeq) {
                    return new ChainCheck(false, checked, expectedSeq, "missing-entry");
                }
                if (!e.prevHash().equals(prev)) {
                    return new ChainCheck(false, checked, e.seq(), "previous-hash-mismatch");
                }
                if (!e.hash().equals(e.computeHash())) {
                    return new ChainCheck(false, checked, e.seq(), "entry-altered");
                }
                prev = e.hash();
                expectedSeq++;
                checked++;
                em.detach(e);
            }
        }
        return new ChainCheck(true, checked, null, null);
    }

    /** The result of walking the chain; when broken, the first position that fails and why. */
    public record ChainCheck(boolean valid, long checked, Long brokenAt, String reason) {
    }
}
