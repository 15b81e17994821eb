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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.seal.SealKeys;
import org.tuanjie.platform.access.UnitPath;

/**
 * A signature on an agreement: who (token subject and name, role, unit), when, the hash of the
 * exact content signed, and the service's Ed25519 seal over all of that.
 */
@Entity
@Table(name = "signature")
public class Signature {

    @Schema(name = "SignatureKind")
    public enum Kind {
        /** Party B's principal leader signs. */
        SIGN(Party.PARTY_B),
        /** Party A, the issuing office, countersigns. */
        COUNTERSIGN(Party.PARTY_A);

        private final Party party;

        Kind(Party party) {
            this.party = party;
        }

        public Party party() {
            return party;
        }
    }

    /**
     * The signer's display name (the token's {@code name}) is kept to this length: it is sealed and shown, and a token
     * may carry any length.
     */
    public static final int NAME_MAX = 255;
    /**
     * The longest sealed text: eleven fields, the longest a subject and a name ({@value #NAME_MAX} characters each,
     * six times longer at worst once escaped) and the signer's unit path.
     */
    public static final int SEALED_PAYLOAD_MAX = 4000;
    /**
     * The most signatures the contract shows for one agreement: party B's, the countersignature, and one more each time
     * a new principal leader signs again. Nothing caps re-signing; this many changes of leader in an agreement's year
     * is not expected.
     */
    public static final int LISTED_MAX = 100;

    /** On whose behalf a signature is made. */
    @Schema(name = "SigningParty")
    public enum Party { PARTY_A, PARTY_B }

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

    @Column(name = "signer_unit_code", updatable = false)
    private String signerUnitCode;

    @Column(name = "signer_unit_path", updatable = false)
    private String signerUnitPath;

    @Enumerated(EnumType.STRING)
    @Column(name = "on_behalf_of", updatable = false)
    private Party onBehalfOf;

    @Column(name = "signed_at", nullable = false, updatable = false)
    private OffsetDateTime signedAt;

    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;

    @Column(nullable = false, updatable = false)
    private String seal;

    @Column(name = "key_id", nullable = false, updatable = false)
    private String keyId;

    /** The co-seal's key, when the deployment seals with two algorithms; null otherwise. */
    @Column(name = "co_key_id", updatable = false)
    private String coKeyId;

    @Column(name = "co_seal", updatable = false)
    private String coSeal;

    protected Signature() {
        // for JPA
    }

    /**
     * @param unitCode the code of the party signed for (party B's unit, or party A's issuing office)
     * @param signerUnit the signer's own unit ({@code unit_code} of the token) and where it sits
     */
    public static Signature of(Agreement agreement, Kind kind, String subject, String name, String role,
            String unitCode, String signerUnitCode, String signerUnitPath) {
        Signature signature = new Signature();
        signature.id = UUID.randomUUID();
        signature.agreementId = agreement.id();
        signature.kind = kind;
        signature.signerSubject = subject;
        signature.signerName = shortened(name, NAME_MAX);
        signature.signerRole = role;
        signature.unitCode = unitCode;
        signature.signerUnitCode = signerUnitCode;
        signature.signerUnitPath = signerUnitPath;
        signature.onBehalfOf = kind.party();
        // microseconds: what PostgreSQL keeps, so the sealed text can be rebuilt from the row
        signature.signedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        signature.contentHash = agreement.contentHash();
        return signature;
    }

    private static String shortened(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
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
        if (onBehalfOf != null) {
            // absent from seals made before signers' units were recorded, whose text must still verify
            payload.put("onBehalfOf", onBehalfOf.name());
            payload.put("signerUnitCode", signerUnitCode);
            payload.put("signerUnitPath", signerUnitPath);
        }
        return CanonicalJson.of(payload);
    }

    public void seal(String sealValue, String sealKeyId) {
        this.seal = sealValue;
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

    public String signerUnitCode() {
        return signerUnitCode;
    }

    public String signerUnitPath() {
        return signerUnitPath;
    }

    public Party onBehalfOf() {
        return onBehalfOf;
    }

    /**
     * Whether the recorded signer could act for the party signed for: party B's principal leader is a
     * {@code unit-leader} of that very unit; party A's signer is an admin whose reach includes the
     * issuing office. A signature that does not record its signer's unit proves neither.
     */
    public boolean signerCouldActFor(Agreement agreement) {
        if (onBehalfOf == null || signerUnitCode == null || signerUnitPath == null || onBehalfOf != kind.party()) {
            return false;
        }
        return switch (onBehalfOf) {
            case PARTY_B -> "unit-leader".equals(signerRole) && signerUnitCode.equals(agreement.unitCode())
                    && unitCode.equals(agreement.unitCode());
            case PARTY_A -> "admin".equals(signerRole) && UnitPath.of(signerUnitPath).covers(agreement.issuerPath())
                    && unitCode.equals(agreement.issuerCode());
        };
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
