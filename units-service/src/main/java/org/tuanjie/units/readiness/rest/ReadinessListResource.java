package org.tuanjie.units.readiness.rest;

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
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;
import org.tuanjie.units.readiness.ReadinessItem;
import org.tuanjie.units.readiness.mapping.ReadinessView;
import org.tuanjie.units.readiness.service.ReadinessService;

@Guarded
@Tag(name = "Readiness")
@Path("/readiness")
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessListResource {

    @Inject
    ReadinessService service;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Readiness profiles of a subtree, filtered by what is missing",
            description = "E.g. `missing=OFFICE` lists the open units without an office; `threeNone=true` the \"三无\" units.")
    public RestResponse<PageResponse<ReadinessView>> listReadiness(
            @QueryParam("within") @Parameter(description = "Root of the subtree; default your jurisdiction") UUID within,
            @QueryParam("missing") @Size(max = ReadinessItem.NUMBER_OF_ITEMS) List<ReadinessItem> missing,
            @QueryParam("threeNone") Boolean threeNone,
            @QueryParam("complete") Boolean complete,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        var items = missing == null || missing.isEmpty() ? EnumSet.noneOf(ReadinessItem.class) : EnumSet.copyOf(missing);
        return PageResponse.ok(service.list(within, items, threeNone, complete, limit,
                cursor == null ? null : Cursor.decode(cursor, 1)).map(ReadinessView::of), uri);
    }

}
