package org.tuanjie.units.unit.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.idempotency.Idempotency;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitNames;
import org.tuanjie.units.unit.mapping.UnitChanges;
import org.tuanjie.units.unit.mapping.UnitMapper;
import org.tuanjie.units.unit.mapping.UnitMapper.HistoryEntryView;
import org.tuanjie.units.unit.mapping.UnitMapper.KindCounts;
import org.tuanjie.units.unit.mapping.UnitRequests.NewUnit;
import org.tuanjie.units.unit.mapping.UnitRequests.UnitClosure;
import org.tuanjie.units.unit.mapping.UnitRequests.UnitMove;
import org.tuanjie.units.unit.mapping.UnitRequests.UnitReopening;
import org.tuanjie.units.unit.mapping.UnitRequests.UnitUpdate;
import org.tuanjie.units.unit.mapping.UnitView;
import org.tuanjie.units.unit.service.UnitQuery;
import org.tuanjie.units.unit.service.UnitService;

@Guarded
@Path("/units")
@Tag(name = "Units", description = "The organizational unit hierarchy (组织单位): regions and the organizations under them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

    private static final String OWN_ROOT_REFUSED = "Your role does not allow this, or the unit is your own root (type own-root-unit)";

    @Inject
    UnitService service;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Create a unit", description = "Under a parent in your jurisdiction, or the root of your own jurisdiction (code = your unit_code).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "409", description = "Code already used, or parent closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Kind may not be placed there", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createUnit(@Valid @NotNull NewUnit request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes a retried POST safe") String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /units", request, () -> {
            Unit unit = service.create(request.code(), request.kind(), request.parentId(), new UnitNames(request.names()));
            return Versions.created(uri.getBaseUriBuilder().path("units").path(unit.id().toString()).build(),
                    UnitMapper.toView(unit), unit.version());
        });
    }

    @GET
    @Operation(summary = "List and search units", description = "Keyset-paged, in hierarchy order. `q` matches a substring of any name, the code or the kind.")
    public RestResponse<PageResponse<UnitView>> listUnits(
            @QueryParam("q") @Size(max = 100) @Parameter(example = "汶川") String q,
            @QueryParam("parent") @Parameter(description = "Direct children of this unit") UUID parent,
            @QueryParam("subtreeOf") @Parameter(description = "This unit and everything under it") UUID subtreeOf,
            @QueryParam("depth") @Min(0) @Max(10) @Parameter(description = "With subtreeOf: levels below it") Integer depth,
            @QueryParam("kind") @Size(max = UnitKind.NUMBER_OF_KINDS) @Parameter(description = "One or more kinds") List<UnitKind> kinds,
            @QueryParam("category") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"REGION", "ORGANIZATION"})) String category,
            @QueryParam("status") @DefaultValue("OPEN") UnitQuery.Status status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") @Parameter(description = "`next` of the previous page") String cursor) {
        Set<UnitKind> kindFilter = kinds == null || kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds);
        if (category != null) {
            Set<UnitKind> ofCategory = UnitKind.ofCategory(category);
            if (ofCategory.isEmpty()) {
                throw UnitQueryParams.invalid("category");
            }
            kindFilter = kindFilter.isEmpty() ? ofCategory : intersection(kindFilter, ofCategory);
        }
        UnitQuery query = new UnitQuery(parent, subtreeOf, depth, kindFilter, status, q);
        return PageResponse.ok(service.list(query, limit, cursor == null ? null : Cursor.decode(cursor, 1)).map(UnitMapper::toView), uri);
    }

    @GET
    @Path("changes")
    @Operation(summary = "Delta sync: units changed since a cursor",
            description = "For the mobile app: start without a cursor, keep the returned cursor, and call again later to get "
                    + "only what was created, changed or closed in your jurisdiction since, and the ids of units moved out of it "
                    + "(`removed`). Changes are returned in commit order; none is skipped.")
    public UnitChanges getUnitChanges(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit) {
        UnitService.ChangeBatch batch = service.changes(cursor == null ? null : Cursor.decode(cursor, 2), limit);
        return new UnitChanges(batch.units().stream().map(UnitMapper::toView).toList(), batch.removed(), batch.next().encode(),
                batch.more());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a unit", description = "Closed units stay readable. The ETag is needed to change it. "
            + "The lead unit (牵头单位) of a campaign domain also reads the domain's member units outside its subtree.")
    public RestResponse<UnitView> getUnit(@PathParam("id") UUID id) {
        return withEtag(service.get(id));
    }

    @GET
    @Path("by-code/{code}")
    @Operation(summary = "Find a unit by its code", description = "Division code or unified social credit code.")
    public RestResponse<UnitView> getUnitByCode(
            @PathParam("code") @Size(max = UnitView.CODE_MAX) @Parameter(example = "513330000000") String code) {
        return withEtag(service.getByCode(code));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Rename a unit", description = "Replaces the names, by the level above the unit: never your own root unit. "
            + "Code and kind never change: a re-coded unit is closed and created anew.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "409", description = "Unit closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = OWN_ROOT_REFUSED, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<UnitView> renameUnit(@PathParam("id") UUID id, @Valid @NotNull UnitUpdate request,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version you read", example = "\"3\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.rename(id, expected, new UnitNames(request.names())));
    }

    @POST
    @Path("{id}/move")
    @Operation(summary = "Move a unit and its subtree under another parent", description = "By the level above the unit: never your own root unit.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "409", description = "Unit or new parent closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Would create a cycle, or the kind may not be placed there", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = OWN_ROOT_REFUSED, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<UnitView> moveUnit(@PathParam("id") UUID id, @Valid @NotNull UnitMove request,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version you read", example = "\"3\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.move(id, expected, request.parentId()));
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close a unit", description = "By the level above the unit: never your own root unit. Units are never deleted: "
            + "a closed unit keeps its history and stays listable with status=CLOSED or ALL; it can be reopened.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "409", description = "Already closed, or still has open children", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = OWN_ROOT_REFUSED, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<UnitView> closeUnit(@PathParam("id") UUID id, @Valid @NotNull UnitClosure request,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version you read", example = "\"3\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.close(id, expected, request.endDate(), request.reason()));
    }

    @POST
    @Path("{id}/reopen")
    @Operation(summary = "Reopen a closed unit",
            description = "Undoes a closing, by the level above the unit like the closing itself; never your own root unit. "
                    + "The reason goes on the unit's history beside the closing's.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "409", description = "Unit not closed, or its parent is closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = OWN_ROOT_REFUSED, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<UnitView> reopenUnit(@PathParam("id") UUID id, @Valid @NotNull UnitReopening request,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version you read", example = "\"3\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.reopen(id, expected, request.reason()));
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "A unit's closings and reopenings, oldest first", description = "Each with its reason, who and when.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = HistoryEntryView.class, maxItems = UnitService.HISTORY_LISTED,
            description = "The latest " + UnitService.HISTORY_LISTED + " entries at most, oldest first")))
    public List<HistoryEntryView> getUnitHistory(@PathParam("id") UUID id) {
        return service.history(id).stream().map(UnitMapper::toView).toList();
    }

    @GET
    @Path("{id}/children")
    @Operation(summary = "Direct children of a unit")
    public RestResponse<PageResponse<UnitView>> listChildren(@PathParam("id") UUID id,
            @QueryParam("status") @DefaultValue("OPEN") UnitQuery.Status status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        service.unit(id);
        UnitQuery query = new UnitQuery(id, null, null, Set.of(), status, null);
        return PageResponse.ok(service.list(query, limit, cursor == null ? null : Cursor.decode(cursor, 1)).map(UnitMapper::toView), uri);
    }

    @GET
    @Path("{id}/ancestors")
    @Operation(summary = "Ancestors of a unit, root first, ending with the unit", description = "Only as far up as your jurisdiction reaches.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = UnitView.class, maxItems = UnitView.LEVELS)))
    public List<UnitView> listAncestors(@PathParam("id") UUID id) {
        return service.ancestors(id).stream().map(UnitMapper::toView).toList();
    }

    @GET
    @Path("{id}/subtree")
    @Operation(summary = "A unit and everything under it, in hierarchy order", description = "`depth` limits the levels below the unit.")
    public RestResponse<PageResponse<UnitView>> listSubtree(@PathParam("id") UUID id,
            @QueryParam("depth") @Min(0) @Max(10) Integer depth,
            @QueryParam("kind") @Size(max = UnitKind.NUMBER_OF_KINDS) List<UnitKind> kinds,
            @QueryParam("status") @DefaultValue("OPEN") UnitQuery.Status status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        Set<UnitKind> kindFilter = kinds == null || kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds);
        UnitQuery query = new UnitQuery(null, id, depth, kindFilter, status, null);
        return PageResponse.ok(service.list(query, limit, cursor == null ? null : Cursor.decode(cursor, 1)).map(UnitMapper::toView), uri);
    }

    @GET
    @Path("{id}/subtree/counts")
    @Operation(summary = "Open units per kind in a subtree")
    public KindCounts getSubtreeCounts(@PathParam("id") UUID id, @QueryParam("depth") @Min(0) @Max(10) Integer depth) {
        return UnitMapper.toCounts(id, depth, service.countByKind(id, depth));
    }

    private static Set<UnitKind> intersection(Set<UnitKind> a, Set<UnitKind> b) {
        Set<UnitKind> both = EnumSet.noneOf(UnitKind.class);
        both.addAll(a);
        both.retainAll(b);
        // no kind is in both: a filter that matches nothing, not one that matches everything
        return both.isEmpty() ? null : both;
    }

    private static RestResponse<UnitView> withEtag(Unit unit) {
        return Versions.ok(UnitMapper.toView(unit), unit.version());
    }
}
