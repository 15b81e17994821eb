package org.tuanjie.agreements.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.platform.seal.CanonicalJson;

/**
 * One line of the audit trail. Its hash covers its own fields and the previous line's hash, so a
 * line changed, removed or inserted afterwards breaks the chain from that position on.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    public static final String GENESIS = "0".repeat(64);
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

    protected AuditEntry() {
        // for JPA
    }

    public static AuditEntry create(long seq, String prevHash, OffsetDateTime at, String actor, String action, UUID agreementId,
            String unitCode, String unitPath, Map<String, String> detail) {
        AuditEntry entry = new AuditEntry();
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

    /** SHA-256 of the previous hash and this entry's canonical fields. */
    public String computeHash() {
        return CanonicalJson.sha256(CanonicalJson.of(hashedFields()));
    }

    /** What the hash is taken of (RFC 8785 canonical form): the fields and the previous entry's hash. */
    public ObjectNode hashedFields() {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
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

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
