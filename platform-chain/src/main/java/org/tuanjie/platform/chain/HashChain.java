package org.tuanjie.platform.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.Page;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.seal.SealKeys;

/**
 * A service's append-only history as one hash chain, anchored by sealed checkpoints. A trigger queues each row of the
 * history table as it is written ({@code <prefix>_pending}); a few seconds later whichever replica holds the chain's
 * lock links the queued rows, oldest first ({@code <prefix>_link}): {@code hash = SHA-256(RFC 8785 of the row's fields,
 * its seq and the previous hash)}. No write of the history waits for the chain. A checkpoint
 * ({@code <prefix>_checkpoint}) is the chain's last seq and head hash sealed with the key in force (and co-sealed when the
 * deployment seals with two algorithms); held outside the
 * database, it catches history rewritten and re-hashed after it was made (another hash at its seq) and a cut tail (the
 * chain no longer reaches it). The service names its table, the columns hashed and how they read, and the SQL that
 * gives a row's unit path (a bundle shows rows of its subtree in full, others as links only).
 */
public class HashChain {

    private static final Logger LOG = Logger.getLogger(HashChain.class);

    public static final String GENESIS = "0".repeat(64);
    /** Rows linked (six parameters each, in one statement), or read for a bundle, at a time. */
    public static final int BATCH = 500;

    /** How a row's columns become the fields its link hashes: {@code row[0]} is its id, then the columns named. */
    @FunctionalInterface
    public interface Fields {
        void fill(ObjectNode fields, Object[] row) throws IOException;
    }

    /**
     * A chain: its name in what a checkpoint seals, its tables' prefix, its advisory lock, the history table (aliased
     * {@code h}, with an {@code id} column), the columns hashed after the id, how they read, and the SQL expression
     * (over {@code h}) of the unit path a row concerns.
     */
    public record Spec(String name, String prefix, long lock, String table, String columns, Fields fields, String unitPath) {
    }

    /** A sealed checkpoint of the chain. */
    public record Checkpoint(String chain, long seq, String headHash, OffsetDateTime madeAt, String keyId, String seal,
            String coKeyId, String coSeal) {

        /** The exact text sealed (RFC 8785): the chain's name, seq, head hash and time. */
        public String sealedPayload() {
            ObjectNode payload = JsonNodeFactory.instance.objectNode();
            payload.put("chain", chain);
            payload.put("seq", seq);
            payload.put("headHash", headHash);
            payload.put("madeAt", DateTimeFormatter.ISO_INSTANT.format(madeAt.toInstant()));
            return CanonicalJson.of(payload);
        }
    }

    /** What the chain says of a checkpoint someone holds. */
    public record Check(boolean valid, SealKeys.Check seal, Long chainLength, String headHashNow, String reason) {

        public static final String SEAL_INVALID = "seal-invalid";
        public static final String TRUNCATED = "truncated";
        public static final String HISTORY_REWRITTEN = "history-rewritten";
        public static final String ENTRY_ALTERED = "entry-altered";
    }

    /** One link as a bundle writes it: its hashed fields (with its hash), and the unit path its row concerns. */
    public record Link(long seq, ObjectNode fields, String unitPath) {
    }

    /** Receives links in order, a batch at a time. */
    public interface LinkReader {
        void accept(List<Link> links) throws IOException;
    }

    /** The digests a link may be hashed with: SHA-256, or SM3 (GB/T 32905) where the deployment's cryptography is assessed. */
    public static final String SHA_256 = "SHA-256";
    public static final String SM3 = "SM3";

    private final Spec spec;
    private final EntityManager em;
    private final SealKeys keys;
    private final ObjectMapper json;
    private final String select;
    private final String digest;

    /** A chain whose new links are hashed with SHA-256. */
    public HashChain(Spec spec, EntityManager em, SealKeys keys, ObjectMapper json) {
        this(spec, em, keys, json, SHA_256);
    }

    /**
     * A chain whose new links are hashed with {@code digest}: SHA-256, or SM3, in which case a link names it among its
     * fields ({@code "digest":"SM3"}, so it cannot pass for a SHA-256 link). Each link records its own, so switching
     * keeps every earlier link verifiable.
     */
    public HashChain(Spec spec, EntityManager em, SealKeys keys, ObjectMapper json, String digest) {
        if (!SHA_256.equals(digest) && !SM3.equals(digest)) {
            throw new IllegalArgumentException(spec.name() + ": the digest is SHA-256 or SM3, not " + digest);
        }
        this.digest = digest;
        this.spec = spec;
        this.em = em;
        this.keys = keys;
        this.json = json;
        this.select = "select h.id, " + spec.columns();
    }

    /** The chain's name. */
    public String name() {
        return spec.name();
    }

    /** Links every row queued now, a batch at a time; nothing when another replica is linking. */
    public void linkAll() {
        while (linkQueued() == BATCH) {
            // more were waiting
        }
    }

    private int linkQueued() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!(Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, spec.lock())
                    .getSingleResult()) {
                return 0;
            }
            List<Object[]> queued = rows(select + " from " + spec.prefix() + "_pending p join " + spec.table()
                    + " h on h.id = p.line_id order by p.line_id limit " + BATCH, List.of());
            if (queued.isEmpty()) {
                return 0;
            }
            Object[] head = head();
            long seq = head == null ? 0 : ((Number) head[0]).longValue();
            String prev = head == null ? GENESIS : (String) head[1];
            // hashed first, then written in two statements: the transaction holds an id only for those, since feeds
            // read in commit order (inbox, changes) hold back what committed after a transaction still open
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            List<Object> values = new ArrayList<>();
            List<Long> linked = new ArrayList<>();
            StringBuilder insert = new StringBuilder("insert into " + spec.prefix()
                    + "_link (seq, line_id, prev_hash, hash, chained_at, digest) values ");
            for (Object[] row : queued) {
                seq++;
                String hash = hash(fields(seq, row, prev, digest));
                int at = values.size();
                insert.append(at == 0 ? "" : ", ").append("(?").append(at + 1).append(", ?").append(at + 2).append(", ?")
                        .append(at + 3).append(", ?").append(at + 4).append(", ?").append(at + 5).append(", ?")
                        .append(at + 6).append(')');
                values.addAll(List.of(seq, row[0], prev, hash, now, digest));
                linked.add(((Number) row[0]).longValue());
                prev = hash;
            }
            var statement = em.createNativeQuery(insert.toString());
            for (int i = 0; i < values.size(); i++) {
                statement.setParameter(i + 1, values.get(i));
            }
            statement.executeUpdate();
            em.createNativeQuery("delete from " + spec.prefix() + "_pending where line_id in (:linked)")
                    .setParameter("linked", linked).executeUpdate();
            return queued.size();
        });
    }

    /**
     * What a scheduler calls: links what is queued and makes a checkpoint, or says why not when the suite's sealing key
     * is not there yet (agreements-service creates it at its first start; the next run makes the checkpoint).
     */
    public void linkAndCheckpoint() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            // a missing key fails the key ring's creation, however CDI wraps it
            LOG.warnf("No checkpoint of %s now: %s", spec.name(), e.getMessage());
        }
    }

    /** A checkpoint of the chain's head once every queued row is linked: the one made at it already, or a new one. */
    public Optional<Checkpoint> checkpoint() {
        linkAll();
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, spec.lock()).getSingleResult();
            Object[] head = head();
            if (head == null) {
                return Optional.<Checkpoint>empty();
            }
            long seq = ((Number) head[0]).longValue();
            Optional<Checkpoint> made = checkpoints("where seq = ?1", List.<Object>of(seq)).stream().findFirst();
            if (made.isPresent()) {
                return made;
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            Checkpoint unsealed = new Checkpoint(spec.name(), seq, (String) head[1], now, null, null, null, null);
            SealKeys.Seal seal = keys.seal(unsealed.sealedPayload(), now.toInstant());
            Optional<SealKeys.Seal> coSeal = keys.coSeal(unsealed.sealedPayload(), now.toInstant());
            String coKeyId = coSeal.map(SealKeys.Seal::keyId).orElse(null);
            String coValue = coSeal.map(SealKeys.Seal::value).orElse(null);
            em.createNativeQuery("insert into " + spec.prefix() + "_checkpoint (seq, head_hash, made_at, key_id, seal,"
                    + " co_key_id, co_seal) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)").setParameter(1, seq).setParameter(2, head[1])
                    .setParameter(3, now).setParameter(4, seal.keyId()).setParameter(5, seal.value())
                    .setParameter(6, coKeyId).setParameter(7, coValue).executeUpdate();
            return Optional.of(new Checkpoint(spec.name(), seq, (String) head[1], now, seal.keyId(), seal.value(), coKeyId,
                    coValue));
        });
    }

    /** The checkpoints made, the latest first: a page of {@code limit} below {@code before} (none: from the latest). */
    public Page<Checkpoint> list(int limit, Cursor before) {
        return QuarkusTransaction.requiringNew().call(() -> Page.of(checkpoints("where seq < ?1 order by seq desc limit "
                + (limit + 1), List.<Object>of(before == null ? Long.MAX_VALUE : before.number(0))), limit,
                c -> Cursor.of(Long.toString(c.seq()))));
    }

    /** The last checkpoint made before {@code since}, if any: where a period's segment of the chain starts. */
    public Optional<Checkpoint> lastCheckpointBefore(Instant since) {
        return QuarkusTransaction.requiringNew().call(() -> checkpoints("where made_at < ?1 order by seq desc limit 1",
                List.<Object>of(since.atOffset(ZoneOffset.UTC))).stream().findFirst());
    }

    /** Receives checkpoints in order, a page at a time. */
    public interface CheckpointReader {
        void accept(List<Checkpoint> checkpoints) throws IOException;
    }

    /** The seq of the latest checkpoint made (0: none yet). */
    public long lastCheckpointSeq() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object max = em.createNativeQuery("select coalesce(max(seq), 0) from " + spec.prefix() + "_checkpoint")
                    .getSingleResult();
            return ((Number) max).longValue();
        });
    }

    /**
     * The checkpoints made since {@code since}, up to the one at {@code upToSeq} (the latest when a bundle chose its
     * segment), oldest first, a page at a time: a period of years holds tens of thousands, never all in memory.
     */
    public void checkpointsSince(Instant since, long upToSeq, CheckpointReader reader) throws IOException {
        OffsetDateTime from = since.atOffset(ZoneOffset.UTC);
        long after = 0;
        while (true) {
            long next = after;
            List<Checkpoint> page = QuarkusTransaction.requiringNew().call(() -> checkpoints("where made_at >= ?1 and seq > ?2"
                    + " and seq <= ?3 order by seq limit " + BATCH, List.<Object>of(from, next, upToSeq)));
            if (page.isEmpty()) {
                return;
            }
            reader.accept(page);
            after = page.get(page.size() - 1).seq();
        }
    }

    /** The chain's last seq (0 while empty). */
    public long length() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] head = head();
            return head == null ? 0L : ((Number) head[0]).longValue();
        });
    }

    /** The links from {@code fromSeq} to {@code toSeq}, in order, a batch at a time, with their hashed fields. */
    public void links(long fromSeq, long toSeq, LinkReader reader) throws IOException {
        long after = fromSeq - 1;
        while (after < toSeq) {
            long from = after;
            List<Link> batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Link> links = new ArrayList<>();
                for (Object[] row : rows(select + ", l.digest, l.seq, l.prev_hash, l.hash, " + spec.unitPath() + " from "
                        + spec.prefix() + "_link l join " + spec.table() + " h on h.id = l.line_id where l.seq > ?1"
                        + " and l.seq <= ?2 order by l.seq limit " + BATCH, List.of(from, toSeq))) {
                    int n = row.length;
                    long seq = ((Number) row[n - 4]).longValue();
                    ObjectNode fields = fields(seq, Arrays.copyOf(row, n - 5), (String) row[n - 3], (String) row[n - 5]);
                    fields.put("hash", (String) row[n - 2]);
                    links.add(new Link(seq, fields, (String) row[n - 1]));
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
     * still reaches its seq, holds its head hash there, and that this link's hash still matches its row.
     */
    public Check check(Checkpoint held) {
        SealKeys.Check seal = keys.check(held.sealedPayload(), held.seal(), held.keyId(), held.coSeal(), held.coKeyId(),
                held.madeAt().toInstant());
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] head = head();
            Long length = head == null ? null : ((Number) head[0]).longValue();
            if (seal != SealKeys.Check.VALID) {
                return new Check(false, seal, length, null, Check.SEAL_INVALID);
            }
            List<Object[]> at = rows(select + ", l.digest, l.prev_hash, l.hash from " + spec.prefix() + "_link l join "
                    + spec.table() + " h on h.id = l.line_id where l.seq = ?1", List.of(held.seq()));
            if (length == null || length < held.seq() || at.isEmpty()) {
                return new Check(false, seal, length, null, Check.TRUNCATED);
            }
            Object[] row = at.get(0);
            String now = (String) row[row.length - 1];
            if (!now.equals(held.headHash())) {
                return new Check(false, seal, length, now, Check.HISTORY_REWRITTEN);
            }
            if (!now.equals(hash(fields(held.seq(), Arrays.copyOf(row, row.length - 3), (String) row[row.length - 2],
                    (String) row[row.length - 3])))) {
                return new Check(false, seal, length, now, Check.ENTRY_ALTERED);
            }
            return new Check(true, seal, length, now, null);
        });
    }

    /** An instant as the chain writes it: ISO-8601 in UTC, as stored (microseconds). */
    public static String instant(Object value) {
        return value == null ? null : DateTimeFormatter.ISO_INSTANT.format(offset(value).toInstant());
    }

    private Object[] head() {
        List<Object[]> head = rows("select seq, hash from " + spec.prefix() + "_link order by seq desc limit 1", List.of());
        return head.isEmpty() ? null : head.get(0);
    }

    private List<Checkpoint> checkpoints(String where, List<Object> parameters) {
        return rows("select seq, head_hash, made_at, key_id, seal, co_key_id, co_seal from " + spec.prefix() + "_checkpoint "
                + where, parameters).stream().map(r -> new Checkpoint(spec.name(), ((Number) r[0]).longValue(),
                        (String) r[1], offset(r[2]), (String) r[3], (String) r[4], (String) r[5], (String) r[6])).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Object> parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }

    /**
     * What a link's hash is taken of: the row as stored, its place in the chain and the previous hash, and the digest
     * when it is not SHA-256 (links made before a chain could use SM3 name none).
     */
    private ObjectNode fields(long seq, Object[] row, String prevHash, String linkDigest) {
        ObjectNode fields = json.createObjectNode();
        fields.put("seq", seq);
        try {
            spec.fields().fill(fields, row);
        } catch (IOException e) {
            throw new IllegalStateException("a row of " + spec.table() + " cannot be read: " + e.getMessage(), e);
        }
        fields.put("prevHash", prevHash);
        if (SM3.equals(linkDigest)) {
            fields.put("digest", SM3);
        }
        return fields;
    }

    /** The hash of a link's fields: SM3 when they name it, else SHA-256 (hex). */
    static String hash(ObjectNode fields) {
        String canonical = CanonicalJson.of(fields);
        return SM3.equals(fields.path("digest").asText()) ? java.util.HexFormat.of().formatHex(
                org.tuanjie.platform.seal.SealAlgorithm.sm3(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                : CanonicalJson.sha256(canonical);
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
