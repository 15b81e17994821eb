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
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.ColumnTransformer;
import org.tuanjie.agreements.agreement.AgreementExceptions.IllegalAgreementTransition;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.audit.Audited;

/**
 * A responsibility agreement between the county (party A, the issuer) and one unit (party B). Its
 * content is fixed when it is issued and hashed over its canonical form; once signed it never
 * changes: an amendment is a new version that must be signed again. It remembers who led party B's unit when it
 * signed: once that leader is replaced, the agreement in force awaits the new leader's signature.
 */
@Entity
@Table(name = "agreement")
public class Agreement extends Audited {

    @Schema(name = "AssessmentResult")
    public enum Result { FULFILLED, NOT_FULFILLED }

    /** Party B's first signature, or its signature again after a change of principal leader. */
    public enum Signing { FIRST, AGAIN }

    /** What a principal leader named by units-service changed here. */
    public enum LeaderCheck {
        /** Nothing: the agreement is not in force, records no signing leader, or already says this. */
        NOTHING,
        /** The leader who signed no longer leads the unit: the agreement now awaits re-signing, by this leader. */
        CHANGED,
        /** The leader who signed leads the unit again: re-signing is no longer needed. */
        RESTORED
    }

    /** Signed by party B and not yet assessed, revoked or superseded: what party B's leader signed binds the unit. */
    public static final Set<AgreementState> IN_FORCE = Collections.unmodifiableSet(EnumSet.of(AgreementState.SIGNED,
            AgreementState.ACTIVE));

    /** Unit codes: a division code (12 digits) or a unified social credit code (18 characters). */
    public static final int UNIT_CODE_MAX = 18;
    /** Unit names, as units-service bounds them. */
    public static final int UNIT_NAME_MAX = 200;
    /** Why it was revoked or amended. */
    public static final int REASON_MAX = 2000;
    /** Token subjects, as recorded in {@code created_by}, {@code signer_subject} and the like. */
    public static final int SUBJECT_MAX = 255;

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

    /** Party B's principal leader when it last signed, as units-service named them; null when it named none. */
    @Column(name = "signing_leader_person_id")
    private UUID signingLeaderPersonId;

    @Column(name = "signing_leader_name")
    private String signingLeaderName;

    /** The token subject that last signed for party B: it cannot be the new leader who re-signs. */
    @Column(name = "party_b_signer")
    private String partyBSigner;

    /** Set when units-service was found to name another principal leader (or none) than the one who signed. */
    @Column(name = "leader_changed_at")
    private OffsetDateTime leaderChangedAt;

    @Column(name = "new_leader_person_id")
    private UUID newLeaderPersonId;

    @Column(name = "new_leader_name")
    private String newLeaderName;

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

    /**
     * @throws IllegalAgreementTransition unless party B may sign now: issued, or in force and awaiting re-signing.
     *         Checked before units-service is asked who leads the unit.
     */
    public void requireSignable() {
        if (state != AgreementState.ISSUED && !awaitsResigning()) {
            throw new IllegalAgreementTransition(state, "sign");
        }
    }

    /**
     * Party B signs: an issued agreement becomes signed; one awaiting re-signing after a change of principal leader
     * stays in its state and no longer awaits it. Either way the signing leader is who units-service names now.
     *
     * @param leader the unit's principal leader as units-service names them now; null when it names none
     * @param signer the token subject signing
     */
    public Signing markSigned(Leader leader, String signer) {
        Signing signing = awaitsResigning() ? Signing.AGAIN : Signing.FIRST;
        if (signing == Signing.FIRST) {
            move(AgreementState.SIGNED, "sign", AgreementState.ISSUED);
        }
        signingLeaderPersonId = leader == null ? null : leader.personId();
        signingLeaderName = leader == null ? null : leader.name();
        partyBSigner = signer;
        clearLeaderChange();
        return signing;
    }

    /**
     * What units-service now says leads party B's unit, compared with the leader who signed. Only an agreement in
     * force that recorded its signing leader can tell a change. Saying the same again changes nothing, so the feed
     * may report a unit any number of times.
     *
     * @param current the unit's principal leader now; null when units-service names none
     * @param at when the change was learnt
     */
    public LeaderCheck leaderNow(Leader current, OffsetDateTime at) {
        Leader signing = signingLeader();
        if (!IN_FORCE.contains(state) || signing == null) {
            return LeaderCheck.NOTHING;
        }
        if (signing.samePersonAs(current)) {
            if (leaderChangedAt == null) {
                return LeaderCheck.NOTHING;
            }
            clearLeaderChange();
            return LeaderCheck.RESTORED;
        }
        if (leaderChangedAt != null && (current == null ? newLeaderPersonId == null : current.samePersonAs(newLeader()))) {
            return LeaderCheck.NOTHING;
        }
        if (leaderChangedAt == null) {
            // re-signing has been needed since the first change; a later one only names another leader to sign
            leaderChangedAt = at;
        }
        newLeaderPersonId = current == null ? null : current.personId();
        newLeaderName = current == null ? null : current.name();
        return LeaderCheck.CHANGED;
    }

    /** In force, and the leader who signed for party B no longer leads the unit: its new leader must sign again. */
    public boolean awaitsResigning() {
        return leaderChangedAt != null && IN_FORCE.contains(state);
    }

    private void clearLeaderChange() {
        leaderChangedAt = null;
        newLeaderPersonId = null;
        newLeaderName = null;
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

    /** Party B's principal leader when it last signed; null when units-service named none, or before this was kept. */
    public Leader signingLeader() {
        return signingLeaderPersonId == null ? null : new Leader(signingLeaderPersonId, signingLeaderName);
    }

    public String partyBSigner() {
        return partyBSigner;
    }

    /** Since when re-signing is needed: units-service was found to name another leader than the one who signed. */
    public OffsetDateTime leaderChangedAt() {
        return leaderChangedAt;
    }

    /** The principal leader units-service named instead of the one who signed; null with no change, or with nobody. */
    public Leader newLeader() {
        return newLeaderPersonId == null ? null : new Leader(newLeaderPersonId, newLeaderName);
    }

    /** One side of an agreement as recorded. */
    public record Party(UUID id, String code, String name, String path, String kind, String townshipCode,
            String townshipName) {
    }
}
