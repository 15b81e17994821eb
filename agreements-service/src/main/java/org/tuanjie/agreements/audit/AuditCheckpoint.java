package org.tuanjie.agreements.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.seal.SealKeys;

/** The audit chain's length and head hash at a moment, sealed: an anchor anyone can keep. */
@Entity
@Table(name = "audit_checkpoint")
public class AuditCheckpoint {

    /** What the sealed text names as the chain checkpointed. */
    public static final String CHAIN = "agreements-audit";

    @Id
    private long seq;

    @Column(name = "head_hash", nullable = false, updatable = false)
    private String headHash;

    @Column(name = "made_at", nullable = false, updatable = false)
    private OffsetDateTime madeAt;

    @Column(name = "key_id", nullable = false, updatable = false)
    private String keyId;

    @Column(nullable = false, updatable = false)
    private String seal;

    /** The co-seal's key, when the deployment seals with two algorithms; null otherwise. */
    @Column(name = "co_key_id", updatable = false)
    private String coKeyId;

    @Column(name = "co_seal", updatable = false)
    private String coSeal;

    protected AuditCheckpoint() {
    }

    public AuditCheckpoint(long seq, String headHash, OffsetDateTime madeAt) {
        this.seq = seq;
        this.headHash = headHash;
        this.madeAt = madeAt;
    }

    /** The exact text the seal covers (RFC 8785 canonical JSON): chain, seq, headHash, madeAt. */
    public String sealedPayload() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("chain", CHAIN);
        payload.put("seq", seq);
        payload.put("headHash", headHash);
        payload.put("madeAt", DateTimeFormatter.ISO_INSTANT.format(madeAt.toInstant()));
        return CanonicalJson.of(payload);
    }

    public void seal(String value, String sealKeyId) {
        this.seal = value;
        this.keyId = sealKeyId;
    }

    /** The co-seal over the same text, made with the deployment's other algorithm. */
    public void coSeal(SealKeys.Seal co) {
        this.coSeal = co.value();
        this.coKeyId = co.keyId();
    }

    public String coSeal() {
        return coSeal;
    }

    public String coKeyId() {
        return coKeyId;
    }

    public long seq() {
        return seq;
    }

    public String headHash() {
        return headHash;
    }

    public OffsetDateTime madeAt() {
        return madeAt;
    }

    public String keyId() {
        return keyId;
    }

    public String seal() {
        return seal;
    }
}
