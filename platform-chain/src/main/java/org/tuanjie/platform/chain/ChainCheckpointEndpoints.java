package org.tuanjie.platform.chain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;

/**
 * A service's hash chain checkpoints, the same for every service: a service subclasses it only to give it its path
 * ({@code /timeline/checkpoints}), its tag, its guard and its chain.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class ChainCheckpointEndpoints {

    @Context
    UriInfo uri;

    /** The chain these checkpoints are of. */
    protected abstract HashChain chain();

    @GET
    @Operation(operationId = "list{resource}Checkpoints", summary = "The hash chain's signed checkpoints, the latest first",
            description = "Every row of the service's history (in tasks-service each line of each task's timeline, in "
                    + "units-service each closing and reopening of a unit) is linked into one hash chain a few seconds after "
                    + "it is written; every hour while the chain grows its head is sealed with the sealing key in force (one "
                    + "checkpoint per head). Auditors and other platforms keep them, so that a rewritten or cut history is "
                    + "caught later (`POST …/checkpoints/verification`); tasks-service's evidence bundles carry them with the "
                    + "chain's segment. They say nothing of any task or unit but the chain's length and head hash.")
    public RestResponse<PageResponse<ChainViews.CheckpointView>> listCheckpoints(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        return PageResponse.ok(chain().list(limit, cursor == null ? null : Cursor.decode(cursor, 1))
                .map(ChainViews.CheckpointView::of), uri);
    }

    @POST
    @Path("verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verify{resource}Checkpoint", summary = "Check a checkpoint you hold against the chain as it is now",
            description = "Its seal (the key it names, within that key's period), then whether the chain still reaches its "
                    + "seq, holds its head hash there, and that link's row still gives its hash. A database owner who "
                    + "rewrites history and re-hashes the chain after it cannot keep that hash; one who deletes the last "
                    + "links leaves a chain shorter than it. Send the checkpoint as the list gave it.")
    public ChainViews.CheckView verifyCheckpoint(@Valid @NotNull ChainViews.CheckpointView held) {
        return ChainViews.CheckView.of(chain().check(held.held(chain())));
    }
}
