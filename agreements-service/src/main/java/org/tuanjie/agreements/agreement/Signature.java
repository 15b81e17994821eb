package org.tuanjie.agreements.agreement;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.tuanjie.agreements.seal.CanonicalJson;

/**
 * A signature on an agreement: who (token subject and name, role, unit), when, the hash of the
 * exact content signed, and the service's Ed25519 seal over all of that.
 */
@Entity
@Table(name = "signature")
public class Signature {

    public enum Kind { SIGN, COUNTERSIGN }

    @Id
    private UUID id;

    @Column(name = "agreement_id", nullable = false, updatable = false)
    private UUID agreementId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "signer_subject", nullable = false, updatable = false)
    private String signerSubject;

    @Column(name = "signer_name", nullable = false, updatable = false)
    private String signerName;

    @Column(name = "signer_role", nullable = false, updatable = false)
    private String signerRole;

    @Column(name = "unit_code", nullable = false, updatable = false)
    private String unitCode;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private OffsetDateTime signedAt;

    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;

    @Column(nullable = false, updatable = false)
    private String seal;

    @Column(name = "key_id", nullable = false, updatable = false)
    private String keyId;

    protected Signature() {
        // for JPA
    }

    public static Signature of(Agreement agreement, Kind kind, String subject, String name, String role,
            String unitCode) {
        Signature signature = new Signature();
        signature.id = UUID.randomUUID();
        signature.agreementId = agreement.id();
        signature.kind = kind;
        signature.signerSubject = subject;
        signature.signerName = name;
        signature.signerRole = role;
        signature.unitCode = unitCode;
        // microseconds: what PostgreSQL keeps, so the sealed text can be rebuilt from the row
        signature.signedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        signature.contentHash = agreement.contentHash();
        return signature;
    }

    /** The exact text the seal covers (RFC 8785 canonical JSON). */
    public String sealedPayload() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("agreementId", agreementId.toString());
        payload.put("contentHash", contentHash);
        payload.put("kind", kind.name());
        payload.put("signedAt", DateTimeFormatter.ISO_INSTANT.format(signedAt.toInstant()));
        payload.put("signer", signerSubject);
        payload.put("signerName", signerName);
        payload.put("signerRole", signerRole);
        payload.put("unitCode", unitCode);
        return CanonicalJson.of(payload);
    }

    public void seal(String sealValue, String sealKeyId) {
        this.seal = sealValue;
        this.keyId = sealKeyId;
    }

    public UUID id() {
        return id;
    }

    public UUID agreementId() {
        return agreementId;
    }

    public Kind kind() {
        return kind;
    }

    public String signerSubject() {
        return signerSubject;
    }

    public String signerName() {
        return signerName;
    }

    public String signerRole() {
        return signerRole;
    }

    public String unitCode() {
        return unitCode;
    }

    public OffsetDateTime signedAt() {
        return signedAt;
    }

    public String contentHash() {
        return contentHash;
    }

    public String seal() {
        return seal;
    }

    public String keyId() {
        return keyId;
    }
}
