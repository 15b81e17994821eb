package org.tuanjie.units.history.rest;

import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.chain.ChainViews;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;
import org.tuanjie.units.history.service.UnitHistoryChain;

@Guarded
@Path("/history/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History chain")
public class HistoryCheckpointResource {

    @Inject
    UnitHistoryChain chain;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The units' history chain's signed checkpoints, the latest first",
            description = "Every closing and reopening of a unit is linked into one hash chain a few seconds after it is "
                    + "recorded; every hour while the chain grows its head is sealed with the sealing key in force (one "
                    + "checkpoint per head). Auditors and other platforms keep them, so that a rewritten or cut history is "
                    + "caught later (`POST /history/checkpoints/verification`). They say nothing of any unit but the chain's "
                    + "length and head hash.")
    public RestResponse<PageResponse<ChainViews.CheckpointView>> listHistoryCheckpoints(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        return PageResponse.ok(chain.chain().list(limit, cursor == null ? null : Cursor.decode(cursor, 1))
                .map(ChainViews.CheckpointView::of), uri);
    }

    @POST
    @Path("verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a history checkpoint you hold against the chain as it is now",
            description = "Its seal (the key it names, within that key's period), then whether the chain still reaches its "
                    + "seq, holds its head hash there, and that link's history row still gives its hash. A database owner "
                    + "who rewrites a unit's closing or reopening and re-hashes the chain after it cannot keep that hash; one "
                    + "who deletes the last links leaves a chain shorter than it. Send the checkpoint as "
                    + "`GET /history/checkpoints` gave it.")
    public ChainViews.CheckView verifyHistoryCheckpoint(@Valid @NotNull ChainViews.CheckpointView held) {
        return ChainViews.CheckView.of(chain.chain().check(held.held(chain.chain())));
    }
}
