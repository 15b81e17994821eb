package org.tuanjie.agreements.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.seal.SealAlgorithm;

/**
 * One line of the audit trail. Its hash covers its own fields and the previous line's hash, so a
 * line changed, removed or inserted afterwards breaks the chain from that position on.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    public static final String GENESIS = "0".repeat(64);
    public static final String SHA_256 = "SHA-256";
    /** GB/T 32905; its name is hashed with the entry, so that it cannot be swapped for another afterwards. */
    public static final String SM3 = "SM3";
    /** The longest value a detail holds: a reason; the others are ids, hashes, names, figures. */
    public static final int DETAIL_VALUE_MAX = Agreement.REASON_MAX;

    @Id
    private long seq;

    @Column(nullable = false)
    private OffsetDateTime at;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(name = "agreement_id")
    private UUID agreementId;

    @Column(name = "unit_code")
    private String unitCode;

    @Column(name = "unit_path")
    private String unitPath;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> detail;

    @Column(name = "prev_hash", nullable = false)
    private String prevHash;

    @Column(nullable = false)
    private String hash;

    /** {@value #SHA_256} or {@value #SM3}: how {@link #hash()} is taken. */
    @Column(nullable = false)
    private String digest;

    protected AuditEntry() {
        // for JPA
    }

    public static AuditEntry create(long seq, String prevHash, OffsetDateTime at, String actor, String action, UUID agreementId,
            String unitCode, String unitPath, Map<String, String> detail) {
        return create(SHA_256, seq, prevHash, at, actor, action, agreementId, unitCode, unitPath, detail);
    }

    /** An entry whose hash is taken with {@code digest} ({@value #SHA_256} or {@value #SM3}). */
    public static AuditEntry create(String digest, long seq, String prevHash, OffsetDateTime at, String actor, String action,
            UUID agreementId, String unitCode, String unitPath, Map<String, String> detail) {
        if (!digest.equals(SHA_256) && !digest.equals(SM3)) {
            throw new IllegalArgumentException("digest " + digest + " is neither " + SHA_256 + " nor " + SM3);
        }
        AuditEntry entry = new AuditEntry();
        entry.digest = digest;
        entry.seq = seq;
        entry.prevHash = prevHash;
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.agreementId = agreementId;
        entry.unitCode = unitCode;
        entry.unitPath = unitPath;
        entry.detail = Map.copyOf(detail);
        entry.hash = entry.computeHash();
        return entry;
    }

    /** SHA-256 or SM3 (hex) of the previous hash and this entry's canonical fields. */
    public String computeHash() {
        String canonical = CanonicalJson.of(hashedFields());
        return SM3.equals(digest) ? HexFormat.of().formatHex(SealAlgorithm.sm3(canonical.getBytes(StandardCharsets.UTF_8)))
                : CanonicalJson.sha256(canonical);
    }

    /**
     * What the hash is taken of (RFC 8785 canonical form): the fields and the previous entry's hash, and the digest
     * when it is SM3 (entries made before there was a choice hash without it).
     */
    public ObjectNode hashedFields() {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        if (SM3.equals(digest)) {
            fields.put("digest", SM3);
        }
        fields.put("seq", seq);
        fields.put("at", DateTimeFormatter.ISO_INSTANT.format(at.toInstant()));
        fields.put("actor", actor);
        fields.put("action", action);
        fields.put("agreementId", agreementId == null ? null : agreementId.toString());
        fields.put("unitCode", unitCode);
        ObjectNode details = fields.putObject("detail");
        detail.forEach(details::put);
        fields.put("prevHash", prevHash);
        return fields;
    }

    public long seq() {
        return seq;
    }

    public OffsetDateTime at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public UUID agreementId() {
        return agreementId;
    }

    public String unitCode() {
        return unitCode;
    }

    public String unitPath() {
        return unitPath;
    }

    public Map<String, String> detail() {
        return detail;
    }

    public String digest() {
        return digest;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
