package org.tuanjie.agreements.agreement.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.agreement.AgreementState;
import org.tuanjie.agreements.agreement.Leader;
import org.tuanjie.agreements.agreement.Signature;
import org.tuanjie.agreements.agreement.service.AgreementService;
import org.tuanjie.agreements.assessment.Assessment;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.seal.SealKeys;
import org.tuanjie.agreements.template.Adjustment;
import org.tuanjie.agreements.template.AgreementTemplate;
import org.tuanjie.agreements.template.mapping.TemplateViews.ContentRequest;
import org.tuanjie.platform.security.Roles;

/**
 * Wire forms of agreements, signatures, verification and assessment.
 */
public final class AgreementViews {

    private static final int HASH = CanonicalJson.SHA256_HEX_LENGTH;

    private AgreementViews() {
    }

    @Schema(name = "Party")
    public record PartyView(UUID id, @Schema(example = "513221100000", maxLength = Agreement.UNIT_CODE_MAX) String code,
            @Schema(example = "威州镇", maxLength = Agreement.UNIT_NAME_MAX) String name) {
    }

    @Schema(name = "Agreement", description = "A responsibility agreement between the county (party A) and a unit (party B)")
    public record AgreementView(UUID id, UUID templateId, @Schema(example = "2026", minimum = "2000", maximum = "2100") int year,
            PartyView unit, PartyView township,
            @Schema(example = "513221000000", maxLength = Agreement.UNIT_CODE_MAX) String issuerCode,
            @Schema(description = "1, then +1 for each amendment", minimum = "1") int versionNo,
            @Schema(description = "The version this one amends") UUID supersedes,
            @Schema(example = "ACTIVE") AgreementState state, @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent until assessed", example = "FULFILLED") Agreement.Result result,
            @Schema(maxLength = Agreement.REASON_MAX) String revokeReason,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Party B's principal leader (一把手) when it last signed, as units-service named them; absent before signing, when units-service named none, or for agreements signed before this was recorded")
            LeaderView signingLeader,
            @Schema(description = "Signed or active, and the principal leader who signed no longer leads the unit: its new leader must sign again (`POST /agreements/{id}/sign`)")
            boolean resigningNeeded,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The leader change found by the unit feed (领导变更, 需重新签署); absent while the signing leader leads the unit. Kept as it was once the agreement is assessed, revoked or superseded")
            LeaderChangeView leaderChange,
            @Schema(description = "SHA-256 (hex) of the RFC 8785 canonical form of content", maxLength = HASH) String contentHash,
            @Schema(description = "What party B signs") JsonNode content,
            OffsetDateTime createdAt, @Schema(maxLength = Agreement.SUBJECT_MAX) String createdBy, OffsetDateTime updatedAt,
            @Schema(maxLength = Agreement.SUBJECT_MAX) String updatedBy, long version) {
    }

    @Schema(name = "Leader", description = "A unit's principal leader (一把手) as units-service names them")
    public record LeaderView(@Schema(description = "Their people record in units-service (`GET /units/{id}/people`)") UUID personId,
            @Schema(example = "扎西", maxLength = Leader.NAME_MAX) String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LeaderChange", description = "Leader changed, re-signing needed: units-service names another principal leader, or none, than the one who signed")
    public record LeaderChangeView(
            @Schema(description = "When the unit feed found the leader who signed replaced; a further change keeps it") OffsetDateTime since,
            @Schema(description = "The principal leader now; absent when the unit has none") UUID leaderPersonId,
            @Schema(example = "次仁", maxLength = Leader.NAME_MAX) String leaderName) {
    }

    @Schema(name = "Signature", description = "A sealed signature; `sealedPayload` is the exact text the seal (and co-seal, "
            + "if any) covers")
    public record SignatureView(UUID id, @Schema(example = "SIGN") Signature.Kind kind,
            @Schema(maxLength = Agreement.SUBJECT_MAX) String signerSubject,
            @Schema(example = "扎西", maxLength = Signature.NAME_MAX) String signerName,
            @Schema(example = "unit-leader", enumeration = {Roles.UNIT_LEADER, Roles.ADMIN}) String signerRole,
            @Schema(description = "The party signed for: party B's unit, or party A's issuing office",
                    maxLength = Agreement.UNIT_CODE_MAX) String unitCode,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "On whose behalf it was signed (absent on signatures older than this field)") Signature.Party onBehalfOf,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The signer's own unit (`unit_code` of the token)",
                    maxLength = Agreement.UNIT_CODE_MAX) String signerUnitCode,
            OffsetDateTime signedAt, @Schema(maxLength = HASH) String contentHash,
            @Schema(description = "Base64 signature over sealedPayload by the key keyId names (Ed25519, or SM2 in DER)", maxLength = SealKeys.SEAL_LENGTH) String seal,
            @Schema(maxLength = SealKeys.KEY_ID_MAX) String keyId,
            @Schema(maxLength = Signature.SEALED_PAYLOAD_MAX) String sealedPayload,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The co-sealing key, when the suite seals with "
                    + "two algorithms (GET /seal/public-keys); absent otherwise", maxLength = SealKeys.KEY_ID_MAX) String coKeyId,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Base64 co-seal over sealedPayload by the key "
                    + "coKeyId names, of the other algorithm; absent otherwise", maxLength = SealKeys.SEAL_LENGTH) String coSeal) {
    }

    @Schema(name = "IssueRequest", description = "Either `within` (every unit under it) or `unitIds`")
    public record IssueRequest(@Schema(description = "Issue to every unit under this one") UUID within,
            @Size(max = AgreementService.MOST_UNITS_PER_ISSUE) List<@NotNull UUID> unitIds) {
    }

    @Schema(name = "IssueResult")
    public record IssueResultView(
            @Schema(description = "Agreements created now", maxItems = AgreementService.MOST_UNITS_PER_ISSUE) List<UUID> created,
            @Schema(description = "Units that already had this year's agreement", minimum = "0",
                    maximum = "" + AgreementService.MOST_UNITS_PER_ISSUE) int skipped) {
    }

    @Schema(name = "RevocationReason")
    public record Reason(@NotBlank @Size(max = Agreement.REASON_MAX) @Schema(example = "单位撤并") String reason) {
    }

    @Schema(name = "Amendment", description = "The amended content and why; the new version must be signed again")
    public record AmendmentRequest(@NotNull @Valid ContentRequest content,
            @NotBlank @Size(max = Agreement.REASON_MAX) @Schema(example = "根据州考核办法调整指标权重") String reason) {
    }

    @Schema(name = "Verification", description = "Content and seals re-derived from the stored rows")
    public record VerificationView(UUID agreementId, boolean valid, @Schema(maxLength = HASH) String storedContentHash,
            @Schema(maxLength = HASH) String computedContentHash,
            @Schema(description = "What broke, e.g. content-altered, signature-sign-seal-invalid", type = SchemaType.ARRAY,
                    implementation = VerificationProblem.class, maxItems = 1 + 3 * Signature.LISTED_MAX) List<String> problems,
            @Schema(maxItems = Signature.LISTED_MAX) List<SignatureCheckView> signatures) {
    }

    /** What the contract shows as an item of {@link VerificationView#problems()}: as {@code AgreementService.verify} names them. */
    @Schema(type = SchemaType.STRING, enumeration = {"content-altered", "signature-sign-content-mismatch",
            "signature-sign-seal-invalid", "signature-sign-signer-not-party", "signature-countersign-content-mismatch",
            "signature-countersign-seal-invalid", "signature-countersign-signer-not-party"})
    public static final class VerificationProblem {

        private VerificationProblem() {
        }
    }

    @Schema(name = "SignatureCheck")
    public record SignatureCheckView(UUID signatureId, Signature.Kind kind, boolean contentHashMatches, boolean sealValid,
            @Schema(description = "The recorded signer could act for the party signed for") boolean signerCouldActForParty,
            @Schema(description = "The sealing key the signature names (see GET /seal/public-keys)", maxLength = SealKeys.KEY_ID_MAX)
            String keyId,
            @Schema(description = "VALID; UNKNOWN_KEY: no key of the ring has that id; OUTSIDE_KEY_PERIOD: the key was not the "
                    + "one sealing at the signature's time; SIGNATURE_INVALID: the seal (or its co-seal, if it has one) does not match the text")
            SealKeys.Check sealCheck) {
    }

    @Schema(name = "AssessmentRequest")
    public record AssessmentRequest(
            @Schema(description = "Scores of the MANUAL targets, by target code",
                    example = "{\"T3\": {\"score\": 18, \"comment\": \"开展宣传活动 3 次\"}}",
                    maxProperties = AgreementTemplate.TARGETS_MAX)
            @Size(max = AgreementTemplate.TARGETS_MAX) Map<String, @Valid @NotNull ManualScoreView> scores,
            @Schema(description = "Bonus and deduction points, veto flags, by item code",
                    example = "{\"B1\": {\"points\": 3}, \"V1\": {\"triggered\": false}}",
                    maxProperties = AgreementTemplate.ADJUSTMENTS_MAX)
            @Size(max = AgreementTemplate.ADJUSTMENTS_MAX) Map<String, @Valid @NotNull AdjustmentInputView> adjustments) {
    }

    @Schema(name = "ManualScore")
    public record ManualScoreView(@NotNull BigDecimal score, @Size(max = Assessment.COMMENT_MAX) String comment) {
    }

    @Schema(name = "AdjustmentInput")
    public record AdjustmentInputView(
            @Min(0) @Max(Adjustment.MAX_POINTS) @Schema(description = "Points of a bonus or deduction, at most its maxPoints")
            Integer points,
            Boolean triggered, @Size(max = Assessment.COMMENT_MAX) String comment) {
    }

    @Schema(name = "Assessment", description = "考核: scores with their inputs, total and result")
    public record AssessmentView(UUID agreementId,
            @Schema(maxItems = AgreementTemplate.TARGETS_MAX) List<Assessment.TargetScore> targets,
            @Schema(maxItems = AgreementTemplate.ADJUSTMENTS_MAX) List<Assessment.AdjustmentScore> adjustments,
            @Schema(example = "86.50") BigDecimal total, boolean vetoed,
            Agreement.Result result,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The graded result (等次) by the template's "
                    + "thresholds; absent when it sets none") Assessment.Grade grade,
            @Schema(maxLength = Agreement.SUBJECT_MAX) String assessedBy, OffsetDateTime assessedAt) {
    }

    public static AgreementView toView(Agreement a) {
        return new AgreementView(a.id(), a.templateId(), a.year(), new PartyView(a.unitId(), a.unitCode(), a.unitName()),
                a.townshipCode() == null ? null : new PartyView(null, a.townshipCode(), a.townshipName()),
                a.issuerCode(), a.versionNo(), a.supersedes(), a.state(), a.result(), a.revokeReason(),
                a.signingLeader() == null ? null : new LeaderView(a.signingLeader().personId(), a.signingLeader().name()),
                a.awaitsResigning(), leaderChange(a), a.contentHash(),
                JsonNodeFactory.instance.rawValueNode(new RawValue(a.contentJson())), a.createdAt(), a.createdBy(),
                a.updatedAt(), a.updatedBy(), a.version());
    }

    private static LeaderChangeView leaderChange(Agreement a) {
        if (a.leaderChangedAt() == null) {
            return null;
        }
        Leader now = a.newLeader();
        return new LeaderChangeView(a.leaderChangedAt(), now == null ? null : now.personId(), now == null ? null : now.name());
    }

    public static SignatureView toView(Signature s) {
        return new SignatureView(s.id(), s.kind(), s.signerSubject(), s.signerName(), s.signerRole(), s.unitCode(),
                s.onBehalfOf(), s.signerUnitCode(), s.signedAt(), s.contentHash(), s.seal(), s.keyId(), s.sealedPayload(),
                s.coKeyId(), s.coSeal());
    }

    public static VerificationView toView(AgreementService.Verification v) {
        return new VerificationView(v.agreement().id(), v.valid(), v.agreement().contentHash(), v.computedHash(),
                v.problems(), v.signatures().stream().map(c -> new SignatureCheckView(c.signature().id(),
                        c.signature().kind(), c.contentHashMatches(), c.sealValid(), c.signerCouldActForParty(),
                        c.signature().keyId(), c.seal())).toList());
    }

    public static AssessmentView toView(Assessment a) {
        return new AssessmentView(a.agreementId(), a.targets(), a.adjustments(), a.total(), a.vetoed(), a.result(),
                a.grade(), a.assessedBy(), a.assessedAt());
    }
}
