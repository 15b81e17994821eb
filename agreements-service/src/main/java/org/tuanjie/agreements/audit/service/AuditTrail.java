package org.tuanjie.agreements.audit.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.agreement.AgreementRecorded;
import org.tuanjie.agreements.audit.AuditEntry;
import org.tuanjie.agreements.audit.config.AuditConfig;
import org.tuanjie.agreements.events.service.AgreementsEvents;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.Page;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.unitsclient.Jurisdiction;

/**
 * Appends to and reads the hash-chained audit trail. Appends are serialized by a transaction-scoped
 * advisory lock, so the chain has no forks; they join the transaction of the change they record.
 */
@ApplicationScoped
public class AuditTrail {

    /** The advisory lock that serializes appends (and checkpoints) of the one chain. */
    public static final long CHAIN_LOCK = 0x7475616e6a6965L; // "tuanjie"

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Jurisdiction jurisdiction;

    @Inject
    AuditConfig config;

    @Inject
    AgreementsEvents events;

    @Inject
    Event<AgreementRecorded> recorded;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(String action, Agreement agreement, Map<String, String> detail) {
        AuditEntry entry = append(action, agreement == null ? null : agreement.id(), agreement == null ? null : agreement.unitCode(),
                agreement == null ? null : agreement.unitPath(), detail);
        if (agreement != null) {
            events.told(action, agreement, detail); // what the trail records of an agreement, other platforms are told
            recorded.fire(new AgreementRecorded(action, agreement));
        }
        return entry;
    }

    /**
     * An entry no caller asked for: the service itself acts on what another service told it (the unit feed). The
     * actor is the service's name, whoever's request, if any, ran the feed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry recordByService(String action, Agreement agreement, Map<String, String> detail) {
        AuditEntry entry = append(service, action, agreement.id(), agreement.unitCode(), agreement.unitPath(), detail);
        events.told(action, agreement, detail);
        recorded.fire(new AgreementRecorded(action, agreement));
        return entry;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(String action, UUID agreementId, String unitCode, String unitPath, Map<String, String> detail) {
        return append(caller.subject(), action, agreementId, unitCode, unitPath, detail);
    }

    private AuditEntry append(String actor, String action, UUID agreementId, String unitCode, String unitPath,
            Map<String, String> detail) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        List<AuditEntry> last = em.createQuery("select e from AuditEntry e order by e.seq desc", AuditEntry.class)
                .setMaxResults(1).getResultList();
        long seq = last.isEmpty() ? 1 : last.get(0).seq() + 1;
        String prev = last.isEmpty() ? AuditEntry.GENESIS : last.get(0).hash();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry = AuditEntry.create(config.digest(), seq, prev, at, actor, action, agreementId, unitCode, unitPath, detail);
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
     * Walks the segment of the chain from {@code fromSeq} (by default the latest {@code limit} entries), at
     * most {@code limit} entries and never more than the configured maximum: each entry's hash must match its
     * fields and its prevHash the previous entry's stored hash, and sequence numbers must follow each other.
     * Every entry is checked, whoever's it is, since an entry of the caller removed or inserted shows as a
     * break at its neighbour; but only entries of the caller's reach are counted, and a break located at an
     * entry outside it is reported as {@code outside-your-reach}: that the window breaks there, nothing of the
     * entry. The walk stops at the first break; {@code next} goes on after it.
     *
     * @throws Problems.InvalidInput when {@code limit} is outside 1..maximum or {@code fromSeq} below 1
     */
    @Transactional
    public ChainCheck verify(Long fromSeq, Integer limit) {
        int max = config.verificationMaxEntries();
        int window = limit == null ? max : limit;
        if (window < 1 || window > max) {
            throw new Problems.InvalidInput(new Violation("limit", "audit.verification.limit", max));
        }
        if (fromSeq != null && fromSeq < 1) {
            throw new Problems.InvalidInput(new Violation("fromSeq", "problem.query.invalid", fromSeq));
        }
        Long last = em.createQuery("select max(e.seq) from AuditEntry e", Long.class).getSingleResult();
        long from = fromSeq != null ? fromSeq : Math.max(1, (last == null ? 0 : last) - window + 1);
        if (last == null || from > last) {
            return ChainCheck.intact(from, null, 0, null);
        }
        long to = Math.min(last, from + window - 1);
        String prev = from == 1 ? AuditEntry.GENESIS
                : em.createQuery("select e.hash from AuditEntry e where e.seq = :seq", String.class)
                        .setParameter("seq", from - 1).getResultStream().findFirst().orElse(null);
        // without its predecessor the window's first entry cannot be linked: the predecessor is reported missing
        long expectedSeq = prev == null ? from - 1 : from;
        long checked = 0;
        try (var entries = em.createQuery("select e from AuditEntry e where e.seq between :from and :to order by e.seq",
                AuditEntry.class).setParameter("from", from).setParameter("to", to)
                .setHint("org.hibernate.fetchSize", 500).setHint("org.hibernate.readOnly", true).getResultStream()) {
            for (AuditEntry e : (Iterable<AuditEntry>) entries::iterator) {
                String reason = e.seq() != expectedSeq ? ChainCheck.MISSING_ENTRY
                        : !e.prevHash().equals(prev) ? ChainCheck.PREVIOUS_HASH_MISMATCH
                        : !e.hash().equals(e.computeHash()) ? ChainCheck.ENTRY_ALTERED
                        : null;
                if (reason != null) {
                    Long next = e.seq() < last ? e.seq() + 1 : null;
                    if (!jurisdiction.covers(e.unitPath())) {
                        return ChainCheck.broken(from, e.seq(), checked, null, ChainCheck.OUTSIDE_YOUR_REACH, next);
                    }
                    long brokenAt = reason.equals(ChainCheck.MISSING_ENTRY) ? expectedSeq : e.seq();
                    return ChainCheck.broken(from, e.seq(), checked, brokenAt, reason, next);
                }
                if (jurisdiction.covers(e.unitPath())) {
                    checked++;
                }
                prev = e.hash();
                expectedSeq = e.seq() + 1;
                em.detach(e);
            }
        }
        return ChainCheck.intact(from, to, checked, to < last ? to + 1 : null);
    }

    /**
     * One window of the chain walked. Counts and breaks concern the caller's entries only; a break at
     * anyone else's entry says no more than that the window is broken there.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ChainCheck")
    public record ChainCheck(
            @Schema(description = "No entry of the window (yours or not) is missing, altered or out of chain") boolean valid,
            @Schema(description = "First seq of the window walked", example = "9001") long from,
            @Schema(description = "Last seq walked; absent when the window holds no entry", example = "10000") Long to,
            @Schema(description = "Entries of your jurisdiction verified in the window (the entries `GET /audit` lists for you)", example = "137") long checked,
            @Schema(description = "When the first break is at an entry of yours: its seq (for `missing-entry`, the first seq missing)", example = "9120") Long brokenAt,
            @Schema(description = "Why the window is broken; `outside-your-reach`: at an entry you may not see, whose auditor is told more",
                    enumeration = {MISSING_ENTRY, PREVIOUS_HASH_MISMATCH, ENTRY_ALTERED, OUTSIDE_YOUR_REACH},
                    example = "entry-altered") String reason,
            @Schema(description = "fromSeq of the next window; absent at the end of the chain", example = "10001") Long next) {

        public static final String MISSING_ENTRY = "missing-entry";
        public static final String PREVIOUS_HASH_MISMATCH = "previous-hash-mismatch";
        public static final String ENTRY_ALTERED = "entry-altered";
        public static final String OUTSIDE_YOUR_REACH = "outside-your-reach";

        static ChainCheck intact(long from, Long to, long checked, Long next) {
            return new ChainCheck(true, from, to, checked, null, null, next);
        }

        static ChainCheck broken(long from, long to, long checked, Long brokenAt, String reason, Long next) {
            return new ChainCheck(false, from, to, checked, brokenAt, reason, next);
        }
    }
}
