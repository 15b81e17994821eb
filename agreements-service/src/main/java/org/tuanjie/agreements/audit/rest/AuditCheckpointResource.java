package org.tuanjie.agreements.audit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.agreements.audit.AuditCheckpoint;
import org.tuanjie.agreements.audit.service.AuditCheckpoints;
import org.tuanjie.platform.seal.SealKeys;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;

@Guarded
@Path("/audit/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Audit trail")
public class AuditCheckpointResource {

    @Inject
    AuditCheckpoints checkpoints;

    @Context
    UriInfo uri;

    @Schema(name = "AuditCheckpoint", description = "The audit chain's length and head hash at a moment, sealed. Keep it: "
            + "a later chain that does not hold `headHash` at `seq` was rewritten, one shorter than `seq` was cut.")
    public record CheckpointView(
            @NotNull @Min(1) @Schema(description = "The chain's last seq then", example = "10000") Long seq,
            @NotBlank @Pattern(regexp = "[0-9a-f]{64}") @Schema(description = "That entry's hash (SHA-256, hex)", maxLength = 64) String headHash,
            @NotNull @Schema(description = "When the checkpoint was made; the seal's time") OffsetDateTime madeAt,
            @NotBlank @Size(max = SealKeys.KEY_ID_MAX) @Schema(description = "The sealing key (GET /seal/public-keys)") String keyId,
            @NotBlank @Size(max = SealKeys.SEAL_LENGTH) @Schema(description = "Base64 seal over sealedPayload") String seal,
            @Schema(description = "The exact text sealed (RFC 8785): chain, seq, headHash, madeAt; ignored when sent",
                    readOnly = true, maxLength = 200) String sealedPayload,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = SealKeys.KEY_ID_MAX) @Schema(description = "The co-sealing "
                    + "key, when the suite seals with two algorithms (GET /seal/public-keys); absent otherwise") String coKeyId,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = SealKeys.SEAL_LENGTH) @Schema(description = "Base64 "
                    + "co-seal over sealedPayload, made with the other algorithm's key; absent otherwise") String coSeal) {

        static CheckpointView of(AuditCheckpoint c) {
            return new CheckpointView(c.seq(), c.headHash(), c.madeAt(), c.keyId(), c.seal(), c.sealedPayload(), c.coKeyId(),
                    c.coSeal());
        }

        AuditCheckpoint held() {
            AuditCheckpoint held = new AuditCheckpoint(seq, headHash, madeAt);
            held.seal(seal, keyId);
            if (coSeal != null || coKeyId != null) {
                held.coSeal(new SealKeys.Seal(coKeyId, coSeal));
            }
            return held;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AuditCheckpointCheck")
    public record CheckView(
            @Schema(description = "The seal holds and the chain still holds the checkpoint's head at its seq") boolean valid,
            @Schema(description = "The checkpoint's own seal (and its co-seal, if it has one): VALID, UNKNOWN_KEY, "
                    + "OUTSIDE_KEY_PERIOD or SIGNATURE_INVALID") SealKeys.Check seal,
            @Schema(description = "The chain's last seq now") Long chainLength,
            @Schema(description = "The hash the chain holds at the checkpoint's seq now", maxLength = 64) String headHashNow,
            @Schema(description = "Why not: seal-invalid; truncated (the chain no longer reaches the seq); history-rewritten "
                    + "(another hash there: entries up to it were changed and re-hashed); entry-altered (that entry's fields "
                    + "no longer give its hash)", enumeration = {AuditCheckpoints.Check.SEAL_INVALID, AuditCheckpoints.Check.TRUNCATED,
                            AuditCheckpoints.Check.HISTORY_REWRITTEN, AuditCheckpoints.Check.ENTRY_ALTERED}) String reason) {
    }

    @GET
    @Operation(summary = "The audit chain's signed checkpoints, the latest first",
            description = "Made every hour while the chain grows (one per head), sealed with the sealing key in force then. "
                    + "Auditors and other platforms keep them, so that a rewritten or cut history is caught later "
                    + "(`POST /audit/checkpoints/verification`). They say nothing of any entry but the chain's length and head hash.")
    public RestResponse<PageResponse<CheckpointView>> listAuditCheckpoints(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        return PageResponse.ok(checkpoints.list(limit, cursor == null ? null : Cursor.decode(cursor, 1)).map(CheckpointView::of), uri);
    }

    @POST
    @Path("verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a checkpoint you hold against the chain as it is now",
            description = "Its seal (the key it names, within that key's period), then whether the chain still reaches its "
                    + "seq and holds its head hash there. A database owner who rewrites entries and re-hashes the chain "
                    + "after them cannot keep that hash; one who deletes the last entries leaves a chain shorter than it. "
                    + "Send the checkpoint as `GET /audit/checkpoints` gave it.")
    public CheckView verifyAuditCheckpoint(@Valid @NotNull CheckpointView held) {
        AuditCheckpoints.Check check = checkpoints.check(held.held());
        return new CheckView(check.valid(), check.seal(), check.chainLength(), check.headHashNow(), check.reason());
    }
}
