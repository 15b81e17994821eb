package org.tuanjie.agreements.audit.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.access.Guarded;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.audit.AuditEntry;
import org.tuanjie.agreements.audit.service.AuditTrail;
import org.tuanjie.platform.seal.CanonicalJson;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

@Guarded
@Path("/audit")
@Tag(name = "Audit trail", description = "Append-only, hash-chained record of every issue, signature, countersignature, amendment, assessment and revocation")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** The longest ISO-8601 date-time: {@code 2026-12-03T10:20:52.123456789+08:00}. */
    private static final int DATE_TIME_MAX = 35;

    @Inject
    AuditTrail trail;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Audit entries of your jurisdiction, oldest first")
    public RestResponse<PageResponse<AuditEntryView>> listAuditEntries(@QueryParam("agreementId") UUID agreementId,
            @QueryParam("unitCode") @Size(max = Agreement.UNIT_CODE_MAX) @Parameter(example = "513221100000") String unitCode,
            @QueryParam("actor") @Size(max = Agreement.SUBJECT_MAX) String actor,
            @QueryParam("from") @Size(max = DATE_TIME_MAX) @Parameter(description = "ISO-8601 date-time, inclusive", example = "2026-01-01T00:00:00+08:00") String from,
            @QueryParam("to") @Size(max = DATE_TIME_MAX) @Parameter(description = "ISO-8601 date-time, exclusive") String to,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        return PageResponse.ok(trail.list(agreementId, unitCode, actor, instant("from", from), instant("to", to), limit,
                cursor == null ? null : Cursor.decode(cursor, 1)).map(AuditResource::toView), uri);
    }

    @GET
    @Path("verification")
    @Operation(summary = "Verify a window of the chain, counting your entries",
            description = "Walks at most `limit` entries from `fromSeq` (by default the latest ones), recomputing each hash and "
                    + "its link to the previous entry, and reports the first break. Counts and breaks concern your "
                    + "jurisdiction's entries; a break at anyone else's entry is `outside-your-reach`, without details. "
                    + "Continue from `next` to walk further.")
    public AuditTrail.ChainCheck verifyAuditChain(
            @QueryParam("fromSeq") @Min(1) @Parameter(description = "First seq to walk; by default the window ends at the latest entry", example = "9001") Long fromSeq,
            @QueryParam("limit") @Min(1) @Parameter(description = "Entries to walk, at most `agreements.audit.verification.max-entries` (10,000 unless configured otherwise); by default that maximum", example = "1000") Integer limit) {
        return trail.verify(fromSeq, limit);
    }

    @Schema(name = "AuditEntry")
    public record AuditEntryView(@Schema(minimum = "1") long seq, OffsetDateTime at,
            @Schema(maxLength = Agreement.SUBJECT_MAX) String actor,
            @Schema(example = "SIGNED", enumeration = {"ISSUED", "SIGNED", "SIGNED_AGAIN", "COUNTERSIGNED", "ASSESSED",
                    "REVOKED", "AMENDED", "LEADER_CHANGED", "LEADER_RESTORED", "TEMPLATE_PUBLISHED"}) String action,
            UUID agreementId, @Schema(maxLength = Agreement.UNIT_CODE_MAX) String unitCode,
            @Schema(additionalProperties = DetailValue.class) Map<String, String> detail,
            @Schema(maxLength = CanonicalJson.SHA256_HEX_LENGTH) String prevHash,
            @Schema(maxLength = CanonicalJson.SHA256_HEX_LENGTH) String hash,
            @Schema(description = "How `hash` was taken: SHA-256, or SM3 (GB/T 32905), which the entry then hashes with "
                    + "its fields as `\"digest\":\"SM3\"`", enumeration = {"SHA-256", "SM3"}, maxLength = 8) String digest) {
    }

    /** What the contract shows as a value of {@link AuditEntryView#detail()}. */
    @Schema(type = SchemaType.STRING, maxLength = AuditEntry.DETAIL_VALUE_MAX)
    static final class DetailValue {

        private DetailValue() {
        }
    }

    static AuditEntryView toView(AuditEntry e) {
        return new AuditEntryView(e.seq(), e.at(), e.actor(), e.action(), e.agreementId(), e.unitCode(), e.detail(),
                e.prevHash(), e.hash(), e.digest());
    }

    private static OffsetDateTime instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Problems.InvalidInput(new Violation(field, "problem.query.invalid", value));
        }
    }
}
