package org.tuanjie.agreements.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.Arrays;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.tuanjie.agreements.agreement.AgreementExceptions.IllegalAgreementTransition;
import org.tuanjie.agreements.seal.CanonicalJson;
import org.tuanjie.platform.audit.Audited;

/**
 * A responsibility agreement between the county (party A, the issuer) and one unit (party B). Its
 * content is fixed when it is issued and hashed over its canonical form; once signed it never
 * changes: an amendment is a new version that must be signed again.
 */
@Entity
@Table(name = "agreement")
public class Agreement extends Audited {

    public enum Result { FULFILLED, NOT_FULFILLED }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    private UUID id;

    @Column(name = "template_id", nullable = false, updatable = false)
    private UUID templateId;

    @Column(nullable = false, updatable = false)
    private int year;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Column(name = "unit_code", nullable = false, updatable = false)
    private String unitCode;

    @Column(name = "unit_name", nullable = false, updatable = false)
    private String unitName;

    @Column(name = "unit_path", nullable = false, updatable = false)
    private String unitPath;

    @Column(name = "unit_kind", nullable = false, updatable = false)
    private String unitKind;

    @Column(name = "township_code", updatable = false)
    private String townshipCode;

    @Column(name = "township_name", updatable = false)
    private String townshipName;

    @Column(name = "issuer_code", nullable = false, updatable = false)
    private String issuerCode;

    @Column(name = "issuer_path", nullable = false, updatable = false)
    private String issuerPath;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;

    @Column(updatable = false)
    private UUID supersedes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgreementState state;

    @Enumerated(EnumType.STRING)
    private Result result;

    @Column(name = "revoke_reason")
    private String revokeReason;

    /**
     * As PostgreSQL gives it back (jsonb text): read as it is, and parsed only when the domain looks
     * inside. A page of agreements is written out without parsing and re-encoding each one.
     */
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    private String content;

    @Transient
    private JsonNode parsedContent;

    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;

    protected Agreement() {
        // for JPA
    }

    /**
     * @param content what party B signs; built by the caller around this agreement's id
     */
    public static Agreement issue(UUID id, UUID templateId, int year, Party unit, Party issuer, int versionNo,
            UUID supersedes, JsonNode content) {
        Agreement agreement = new Agreement();
        agreement.id = id;
        agreement.templateId = templateId;
        agreement.year = year;
        agreement.unitId = unit.id();
        agreement.unitCode = unit.code();
        agreement.unitName = unit.name();
        agreement.unitPath = unit.path();
        agreement.unitKind = unit.kind();
        agreement.townshipCode = unit.townshipCode();
        agreement.townshipName = unit.townshipName();
        agreement.issuerCode = issuer.code();
        agreement.issuerPath = issuer.path();
        agreement.versionNo = versionNo;
        agreement.supersedes = supersedes;
        agreement.content = content.toString();
        agreement.parsedContent = content;
        agreement.contentHash = CanonicalJson.sha256(CanonicalJson.of(content));
        agreement.state = AgreementState.ISSUED;
        return agreement;
    }

    public void markSigned() {
        move(AgreementState.SIGNED, "sign", AgreementState.ISSUED);
    }

    public void markCountersigned() {
        move(AgreementState.ACTIVE, "countersign", AgreementState.SIGNED);
    }

    /** @throws IllegalAgreementTransition unless the agreement is active: checked before any scoring work */
    public void requireAssessable() {
        if (state != AgreementState.ACTIVE) {
            throw new IllegalAgreementTransition(state, "assess");
        }
    }

    public void markAssessed(Result outcome) {
        move(AgreementState.ASSESSED, "assess", AgreementState.ACTIVE);
        this.result = outcome;
    }

    public void revoke(String reason) {
        move(AgreementState.REVOKED, "revoke", AgreementState.ISSUED, AgreementState.SIGNED, AgreementState.ACTIVE);
        this.revokeReason = reason;
    }

    /** Replaced by an amended version; stays readable. */
    public void supersede() {
        move(AgreementState.SUPERSEDED, "amend", AgreementState.ISSUED, AgreementState.SIGNED, AgreementState.ACTIVE);
    }

    private void move(AgreementState to, String action, AgreementState... from) {
        if (!Arrays.asList(from).contains(state)) {
            throw new IllegalAgreementTransition(state, action);
        }
        state = to;
    }

    public UUID id() {
        return id;
    }

    public UUID templateId() {
        return templateId;
    }

    public int year() {
        return year;
    }

    public UUID unitId() {
        return unitId;
    }

    public String unitCode() {
        return unitCode;
    }

    public String unitName() {
        return unitName;
    }

    public String unitPath() {
        return unitPath;
    }

    public String unitKind() {
        return unitKind;
    }

    public String townshipCode() {
        return townshipCode;
    }

    public String townshipName() {
        return townshipName;
    }

    public String issuerCode() {
        return issuerCode;
    }

    public String issuerPath() {
        return issuerPath;
    }

    public int versionNo() {
        return versionNo;
    }

    public UUID supersedes() {
        return supersedes;
    }

    public AgreementState state() {
        return state;
    }

    public Result result() {
        return result;
    }

    public String revokeReason() {
        return revokeReason;
    }

    public JsonNode content() {
        if (parsedContent == null) {
            try {
                parsedContent = JSON.readTree(content);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored content of agreement " + id + " is not JSON", e);
            }
        }
        return parsedContent;
    }

    /** The content's JSON text as stored, for writing out unchanged. */
    public String contentJson() {
        return content;
    }

    public String contentHash() {
        return contentHash;
    }

    /** One side of an agreement as recorded. */
    public record Party(UUID id, String code, String name, String path, String kind, String townshipCode,
            String townshipName) {
    }
}
