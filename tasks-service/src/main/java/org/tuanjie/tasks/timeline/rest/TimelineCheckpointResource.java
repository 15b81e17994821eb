package org.tuanjie.tasks.timeline.rest;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;
import org.tuanjie.platform.seal.SealKeys;
import org.tuanjie.tasks.timeline.service.TimelineChain;

@Guarded
@Path("/timeline/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timeline chain")
public class TimelineCheckpointResource {

    @Inject
    TimelineChain chain;

    @Context
    UriInfo uri;

    @Schema(name = "TimelineCheckpoint", description = "The timelines' chain length and head hash at a moment, sealed. Keep "
            + "it: a later chain that does not hold `headHash` at `seq` was rewritten, one shorter than `seq` was cut.")
    public record TimelineCheckpointView(
            @NotNull @Min(1) @Schema(description = "The chain's last seq then", example = "10000") Long seq,
            @NotBlank @Pattern(regexp = "[0-9a-f]{64}") @Schema(description = "That link's hash (SHA-256, hex)", maxLength = 64) String headHash,
            @NotNull @Schema(description = "When the checkpoint was made; the seal's time") OffsetDateTime madeAt,
            @NotBlank @Size(max = SealKeys.KEY_ID_MAX) @Schema(description = "The sealing key (GET /seal/public-keys)") String keyId,
            @NotBlank @Size(max = SealKeys.SEAL_LENGTH) @Schema(description = "Base64 seal over sealedPayload") String seal,
            @Schema(description = "The exact text sealed (RFC 8785): chain, seq, headHash, madeAt; ignored when sent",
                    readOnly = true, maxLength = 200) String sealedPayload) {

        public static TimelineCheckpointView of(TimelineChain.Checkpoint c) {
            return new TimelineCheckpointView(c.seq(), c.headHash(), c.madeAt(), c.keyId(), c.seal(), c.sealedPayload());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TimelineCheckpointCheck")
    public record TimelineCheckView(
            @Schema(description = "The seal holds and the chain still holds the checkpoint's head at its seq") boolean valid,
            @Schema(description = "The checkpoint's own seal: VALID, UNKNOWN_KEY, OUTSIDE_KEY_PERIOD or SIGNATURE_INVALID") SealKeys.Check seal,
            @Schema(description = "The chain's last seq now") Long chainLength,
            @Schema(description = "The hash the chain holds at the checkpoint's seq now", maxLength = 64) String headHashNow,
            @Schema(description = "Why not: seal-invalid; truncated (the chain no longer reaches the seq); history-rewritten "
                    + "(another hash there: timeline lines up to it were changed and re-hashed); entry-altered (that link's "
                    + "line no longer gives its hash)", enumeration = {TimelineChain.Check.SEAL_INVALID,
                            TimelineChain.Check.TRUNCATED, TimelineChain.Check.HISTORY_REWRITTEN,
                            TimelineChain.Check.ENTRY_ALTERED}) String reason) {
    }

    @GET
    @Operation(summary = "The tasks' timeline chain's signed checkpoints, the latest first",
            description = "Every line of every task's timeline is linked into one hash chain a few seconds after it is written; "
                    + "every hour while the chain grows its head is sealed with the sealing key in force (one checkpoint per "
                    + "head). Auditors and other platforms keep them, so that a rewritten or cut history is caught later "
                    + "(`POST /timeline/checkpoints/verification`); evidence bundles carry them with the chain's segment. They "
                    + "say nothing of any task but the chain's length and head hash.")
    public RestResponse<PageResponse<TimelineCheckpointView>> listTimelineCheckpoints(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        return PageResponse.ok(chain.list(limit, cursor == null ? null : Cursor.decode(cursor, 1))
                .map(TimelineCheckpointView::of), uri);
    }

    @POST
    @Path("verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a timeline checkpoint you hold against the chain as it is now",
            description = "Its seal (the key it names, within that key's period), then whether the chain still reaches its "
                    + "seq, holds its head hash there, and that link's timeline line still gives its hash. A database owner "
                    + "who rewrites a task's history and re-hashes the chain after it cannot keep that hash; one who deletes "
                    + "the last links leaves a chain shorter than it. Send the checkpoint as `GET /timeline/checkpoints` gave it.")
    public TimelineCheckView verifyTimelineCheckpoint(@Valid @NotNull TimelineCheckpointView held) {
        TimelineChain.Check check = chain.check(new TimelineChain.Checkpoint(held.seq(), held.headHash(), held.madeAt(),
                held.keyId(), held.seal()));
        return new TimelineCheckView(check.valid(), check.seal(), check.chainLength(), check.headHashNow(), check.reason());
    }
}
