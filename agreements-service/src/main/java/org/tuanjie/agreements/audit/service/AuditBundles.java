package org.tuanjie.agreements.audit.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.agreement.Signature;
import org.tuanjie.agreements.audit.AuditCheckpoint;
import org.tuanjie.agreements.audit.AuditEntry;
import org.tuanjie.platform.problem.BundlePeriods;
import org.tuanjie.unitsclient.Jurisdiction;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;

/**
 * The agreements' side of an auditor's evidence: the agreements of a unit's subtree for the campaign years a period
 * touches, each with its canonical content, signatures and audit entries, and the audit chain's checkpoints since the
 * period began. Chosen within the caller's reach before a byte is written, then read a batch at a time.
 */
@ApplicationScoped
public class AuditBundles {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager em;

    @Inject
    Jurisdiction jurisdiction;

    /** Audit entries read at a time when the chain's segment is written. */
    private static final int CHAIN_BATCH = 1000;

    /**
     * What a bundle holds: the unit, the period, the agreements chosen (in the order they are written), the audit
     * chain's anchor for the period (the last checkpoint made before it began; those since are read as they are
     * written), and the segment of the chain the checkpoints are held against: from the anchor's {@code seq} (else
     * the chain's first entry) to the chain's last entry when it was chosen (0: an empty chain).
     */
    public record Selection(UnitRef unit, LocalDate from, LocalDate to, List<UUID> agreementIds,
            Optional<AuditCheckpoint> anchor, OffsetDateTime since, long lastCheckpoint, long chainFrom, long chainHead) {
    }

    /** One agreement with what proves it. */
    public record Proven(Agreement agreement, List<Signature> signatures, List<AuditEntry> entries) {
    }

    /**
     * The agreements of the unit's subtree (the unit in the caller's reach, else 404) whose year the period touches.
     */
    public Selection select(UUID unitId, LocalDate from, LocalDate to) {
        BundlePeriods.check(from, to);
        UnitRef unit = jurisdiction.unit(unitId);
        List<UUID> ids = em.createQuery("select a.id from Agreement a where a.unitPath like :within"
                + " and a.year between :first and :last order by a.unitCode, a.year, a.versionNo", UUID.class)
                .setParameter("within", Jurisdiction.likePrefix(unit.pathText()))
                .setParameter("first", from.getYear()).setParameter("last", to.getYear()).getResultList();
        // the anchor before the head: any checkpoint listed is then of an entry the segment must reach
        var since = from.atStartOfDay(COUNTY).toOffsetDateTime();
        Optional<AuditCheckpoint> anchor = em.createQuery("select c from AuditCheckpoint c where c.madeAt < :since"
                + " order by c.seq desc", AuditCheckpoint.class).setParameter("since", since).setMaxResults(1)
                .getResultStream().findFirst();
        // the checkpoints made until now, whatever the chain holds now (one past its end shows it was cut), then its head
        Long lastCheckpoint = em.createQuery("select max(c.seq) from AuditCheckpoint c", Long.class).getSingleResult();
        Long head = em.createQuery("select max(e.seq) from AuditEntry e", Long.class).getSingleResult();
        return new Selection(unit, from, to, ids, anchor, since, lastCheckpoint == null ? 0 : lastCheckpoint,
                anchor.map(AuditCheckpoint::seq).orElse(1L), head == null ? 0 : head);
    }

    /**
     * The agreements named, with their signatures and their audit entries up to the selection's head (the segment
     * of the chain they are held against), in the order named.
     */
    public List<Proven> load(List<UUID> ids, Selection selection) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<UUID, Agreement> agreements = em.createQuery("select a from Agreement a where a.id in :ids", Agreement.class)
                    .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(Agreement::id, a -> a));
            Map<UUID, List<Signature>> signatures = em.createQuery(
                    "select s from Signature s where s.agreementId in :ids order by s.signedAt", Signature.class)
                    .setParameter("ids", ids).getResultStream().collect(Collectors.groupingBy(Signature::agreementId));
            Map<UUID, List<AuditEntry>> entries = em.createQuery(
                    "select e from AuditEntry e where e.agreementId in :ids and e.seq <= :head order by e.seq", AuditEntry.class)
                    .setParameter("ids", ids).setParameter("head", selection.chainHead()).getResultStream().collect(Collectors.groupingBy(AuditEntry::agreementId));
            return ids.stream().map(id -> new Proven(agreements.get(id), signatures.getOrDefault(id, List.of()),
                    entries.getOrDefault(id, List.of()))).toList();
        });
    }

    /** Receives checkpoints in order, a page at a time. */
    public interface CheckpointReader {
        void accept(List<AuditCheckpoint> checkpoints) throws IOException;
    }

    /**
     * The checkpoints that anchor the selection, oldest first, a page at a time: its anchor, then every one made since
     * the period began until the selection was made (a period of years holds tens of thousands).
     */
    public void checkpoints(Selection selection, CheckpointReader reader) throws IOException {
        if (selection.anchor().isPresent()) {
            reader.accept(List.of(selection.anchor().get()));
        }
        long after = 0;
        while (true) {
            long next = after;
            List<AuditCheckpoint> page = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select c from AuditCheckpoint c where c.madeAt >= :since and c.seq > :after and c.seq <= :head"
                    + " order by c.seq", AuditCheckpoint.class).setParameter("since", selection.since())
                    .setParameter("after", next).setParameter("head", selection.lastCheckpoint())
                    .setMaxResults(CHAIN_BATCH).getResultList());
            if (page.isEmpty()) {
                return;
            }
            reader.accept(page);
            after = page.get(page.size() - 1).seq();
        }
    }

    /** Receives the chain's entries in order, a batch at a time. */
    public interface ChainReader {
        void accept(List<AuditEntry> entries) throws IOException;
    }

    /** The selection's segment of the chain, in order, a batch at a time. */
    public void chain(Selection selection, ChainReader reader) throws IOException {
        long after = selection.chainFrom() - 1;
        while (after < selection.chainHead()) {
            long from = after;
            List<AuditEntry> batch = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select e from AuditEntry e where e.seq > :after and e.seq <= :head order by e.seq", AuditEntry.class)
                    .setParameter("after", from).setParameter("head", selection.chainHead())
                    .setMaxResults(CHAIN_BATCH).getResultList());
            if (batch.isEmpty()) {
                return;
            }
            reader.accept(batch);
            after = batch.get(batch.size() - 1).seq();
        }
    }
}
