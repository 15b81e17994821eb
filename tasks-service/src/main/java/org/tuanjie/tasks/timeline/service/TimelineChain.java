package org.tuanjie.tasks.timeline.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.Page;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.seal.SealKeys;

/**
 * The tasks' timelines as one hash chain, anchored by sealed checkpoints. Every timeline line is queued as it is
 * written (a trigger) and linked a few seconds later, in the order it is chained, by whichever replica holds the
 * chain's lock: {@code hash = SHA-256(RFC 8785 of the line's fields, its seq and the previous hash)}. A checkpoint is
 * the chain's last seq and head hash, sealed with the key in force; held outside the database, it catches history
 * rewritten and re-hashed after it was made (another hash at its seq) and a cut tail (the chain no longer reaches it).
 */
@ApplicationScoped
public class TimelineChain {

    /** The chain's name in what a checkpoint seals. */
    public static final String CHAIN = "tasks-timeline";
    public static final String GENESIS = "0".repeat(64);
    /** The advisory lock of the one chain: links and checkpoints are made by one transaction at a time. */
    static final long CHAIN_LOCK = 0x7469_6d65_6c69_6e65L;
    /** Lines linked, or read for a bundle, at a time. */
    static final int BATCH = 1000;

    private static final String LINE = "select e.id, e.task_id, e.type, e.from_state, e.to_state, e.detail::text, e.actor,"
            + " e.at, e.recorded_at";

    @Inject
    EntityManager em;

    @Inject
    SealKeys keys;

    @Inject
    ObjectMapper json;

    /** A sealed checkpoint of the chain. */
    public record Checkpoint(long seq, String headHash, OffsetDateTime madeAt, String keyId, String seal) {

        /** The exact text sealed (RFC 8785): the chain's name, seq, head hash and time. */
        public String sealedPayload() {
            ObjectNode payload = JsonNodeFactory.instance.objectNode();
            payload.put("chain", CHAIN);
            payload.put("seq", seq);
            payload.put("headHash", headHash);
            payload.put("madeAt", DateTimeFormatter.ISO_INSTANT.format(madeAt.toInstant()));
            return CanonicalJson.of(payload);
        }
    }

    /** What the chain says of a checkpoint someone holds; {@code reason} as agreements-service's audit checkpoints. */
    public record Check(boolean valid, SealKeys.Check seal, Long chainLength, String headHashNow, String reason) {

        public static final String SEAL_INVALID = "seal-invalid";
        public static final String TRUNCATED = "truncated";
        public static final String HISTORY_REWRITTEN = "history-rewritten";
        public static final String ENTRY_ALTERED = "entry-altered";
    }

    /** One link as a bundle writes it: its hashed fields (with its hash), and the unit path of its task. */
    public record Link(long seq, ObjectNode fields, String unitPath) {
    }

    @Scheduled(every = "${tasks.timeline.chain-every:5s}", identity = "timeline-chain",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void chainPeriodically() {
        linkAll();
    }

    /** Links every line queued now, a batch at a time. */
    public void linkAll() {
        while (chainPending() == BATCH) {
            // more were waiting
        }
    }

    @Scheduled(every = "${tasks.timeline.checkpoint-every:1h}", identity = "timeline-checkpoint",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkpointPeriodically() {
        checkpoint();
    }

    /** Links up to {@value #BATCH} queued lines, oldest first; none when another replica is linking. Returns how many. */
    public int chainPending() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!(Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK)
                    .getSingleResult()) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> queued = em.createNativeQuery(LINE + " from timeline_pending p join task_event e on e.id = p.event_id"
                    + " order by p.event_id").setMaxResults(BATCH).getResultList();
            if (queued.isEmpty()) {
                return 0;
            }
            Object[] head = head();
            long seq = head == null ? 0 : ((Number) head[0]).longValue();
            String prev = head == null ? GENESIS : (String) head[1];
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            List<Long> linked = new ArrayList<>();
            for (Object[] line : queued) {
                seq++;
                String hash = hash(fields(seq, line, prev));
                em.createNativeQuery("insert into timeline_link (seq, event_id, prev_hash, hash, chained_at)"
                        + " values (?1, ?2, ?3, ?4, ?5)").setParameter(1, seq).setParameter(2, line[0]).setParameter(3, prev)
                        .setParameter(4, hash).setParameter(5, now).executeUpdate();
                linked.add(((Number) line[0]).longValue());
                prev = hash;
            }
            em.createNativeQuery("delete from timeline_pending where event_id in (:linked)").setParameter("linked", linked)
                    .executeUpdate();
            return queued.size();
        });
    }

    /** A checkpoint of the chain's head once every queued line is linked: the one made at it already, or a new one. */
    public Optional<Checkpoint> checkpoint() {
        linkAll();
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
            Object[] head = head();
            if (head == null) {
                return Optional.<Checkpoint>empty();
            }
            long seq = ((Number) head[0]).longValue();
            Optional<Checkpoint> made = checkpoints("where seq = ?1", seq).stream().findFirst();
            if (made.isPresent()) {
                return made;
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            Checkpoint unsealed = new Checkpoint(seq, (String) head[1], now, null, null);
            SealKeys.Seal seal = keys.seal(unsealed.sealedPayload(), now.toInstant());
            em.createNativeQuery("insert into timeline_checkpoint (seq, head_hash, made_at, key_id, seal) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, seq).setParameter(2, head[1]).setParameter(3, now).setParameter(4, seal.keyId())
                    .setParameter(5, seal.value()).executeUpdate();
            return Optional.of(new Checkpoint(seq, (String) head[1], now, seal.keyId(), seal.value()));
        });
    }

    /** The checkpoints made, the latest first: a page of {@code limit} below {@code before} (none: from the latest). */
    public Page<Checkpoint> list(int limit, Cursor before) {
        return QuarkusTransaction.requiringNew().call(() -> Page.of(checkpoints("where seq < ?1 order by seq desc limit "
                + (limit + 1), before == null ? Long.MAX_VALUE : before.number(0)), limit, c -> Cursor.of(Long.toString(c.seq()))));
    }

    /**
     * The checkpoints that anchor a period starting at {@code since}, oldest first: the last one made before it and
     * every one since.
     */
    public List<Checkpoint> anchoring(Instant since) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime from = since.atOffset(ZoneOffset.UTC);
            List<Checkpoint> anchors = new ArrayList<>(checkpoints("where made_at < ?1 order by seq desc limit 1", from));
            anchors.addAll(checkpoints("where made_at >= ?1 order by seq", from));
            return anchors;
        });
    }

    /** The chain's last seq (0 while empty). */
    public long length() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] head = head();
            return head == null ? 0L : ((Number) head[0]).longValue();
        });
    }

    /** Receives links in order, a batch at a time. */
    public interface LinkReader {
        void accept(List<Link> links) throws IOException;
    }

    /** The links from {@code fromSeq} to {@code toSeq}, in order, a batch at a time, with their hashed fields. */
    public void links(long fromSeq, long toSeq, LinkReader reader) throws IOException {
        long after = fromSeq - 1;
        while (after < toSeq) {
            long from = after;
            List<Link> batch = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery(LINE + ", l.seq, l.prev_hash, l.hash, t.unit_path from timeline_link l"
                        + " join task_event e on e.id = l.event_id join rectification_task t on t.id = e.task_id"
                        + " where l.seq > ?1 and l.seq <= ?2 order by l.seq").setParameter(1, from).setParameter(2, toSeq)
                        .setMaxResults(BATCH).getResultList();
                List<Link> links = new ArrayList<>();
                for (Object[] row : rows) {
                    long seq = ((Number) row[9]).longValue();
                    ObjectNode fields = fields(seq, row, (String) row[10]);
                    fields.put("hash", (String) row[11]);
                    links.add(new Link(seq, fields, (String) row[12]));
                }
                return links;
            });
            if (batch.isEmpty()) {
                return;
            }
            reader.accept(batch);
            after = batch.get(batch.size() - 1).seq();
        }
    }

    /**
     * Checks a checkpoint against the chain: its seal (the key it names, within that key's period), that the chain
     * still reaches its seq, holds its head hash there, and that this link's hash still matches its line.
     */
    public Check check(Checkpoint held) {
        SealKeys.Check seal = keys.check(held.sealedPayload(), held.seal(), held.keyId(), held.madeAt().toInstant());
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] head = head();
            Long length = head == null ? null : ((Number) head[0]).longValue();
            if (seal != SealKeys.Check.VALID) {
                return new Check(false, seal, length, null, Check.SEAL_INVALID);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> at = em.createNativeQuery(LINE + ", l.prev_hash, l.hash from timeline_link l"
                    + " join task_event e on e.id = l.event_id where l.seq = ?1").setParameter(1, held.seq()).getResultList();
            if (length == null || length < held.seq() || at.isEmpty()) {
                return new Check(false, seal, length, null, Check.TRUNCATED);
            }
            String now = (String) at.get(0)[10];
            if (!now.equals(held.headHash())) {
                return new Check(false, seal, length, now, Check.HISTORY_REWRITTEN);
            }
            if (!now.equals(hash(fields(held.seq(), at.get(0), (String) at.get(0)[9])))) {
                return new Check(false, seal, length, now, Check.ENTRY_ALTERED);
            }
            return new Check(true, seal, length, now, null);
        });
    }

    private Object[] head() {
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery("select seq, hash from timeline_link order by seq desc")
                .setMaxResults(1).getResultList();
        return head.isEmpty() ? null : head.get(0);
    }

    private List<Checkpoint> checkpoints(String where, Object parameter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, head_hash, made_at, key_id, seal from timeline_checkpoint " + where)
                .setParameter(1, parameter).getResultList();
        return rows.stream().map(r -> new Checkpoint(((Number) r[0]).longValue(), (String) r[1], offset(r[2]), (String) r[3],
                (String) r[4])).toList();
    }

    /** What a link's hash is taken of: the timeline line as stored, its place in the chain and the previous hash. */
    private ObjectNode fields(long seq, Object[] line, String prevHash) {
        ObjectNode fields = json.createObjectNode();
        fields.put("seq", seq);
        fields.put("eventId", ((Number) line[0]).longValue());
        fields.put("taskId", line[1].toString());
        fields.put("type", (String) line[2]);
        fields.put("fromState", (String) line[3]);
        fields.put("toState", (String) line[4]);
        try {
            JsonNode detail = json.readTree((String) line[5]);
            fields.set("detail", detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fields.put("actor", (String) line[6]);
        fields.put("at", DateTimeFormatter.ISO_INSTANT.format(offset(line[7]).toInstant()));
        fields.put("recordedAt", DateTimeFormatter.ISO_INSTANT.format(offset(line[8]).toInstant()));
        fields.put("prevHash", prevHash);
        return fields;
    }

    private static String hash(ObjectNode fields) {
        return CanonicalJson.sha256(CanonicalJson.of(fields));
    }

    private static OffsetDateTime offset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
