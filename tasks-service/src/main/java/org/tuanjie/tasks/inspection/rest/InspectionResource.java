package org.tuanjie.tasks.inspection.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.access.Guarded;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.idempotency.Idempotency;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.tasks.inspection.Finding;
import org.tuanjie.tasks.inspection.Inspection;
import org.tuanjie.tasks.inspection.mapping.InspectionViews;
import org.tuanjie.tasks.inspection.mapping.InspectionViews.FindingRequest;
import org.tuanjie.tasks.inspection.mapping.InspectionViews.FindingView;
import org.tuanjie.tasks.inspection.mapping.InspectionViews.InspectionRequest;
import org.tuanjie.tasks.inspection.mapping.InspectionViews.InspectionView;
import org.tuanjie.tasks.inspection.service.InspectionService;

@Guarded
@Path("/inspections")
@Tag(name = "Inspections", description = "Inspections (督查) by the county office and the problems (问题) they found")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InspectionResource {

    @Inject
    InspectionService service;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Record an inspection", description = "Owned by your office (token unit_code); covered units must be in your jurisdiction.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "503", description = "units-service unavailable; nothing was written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createInspection(@Valid @NotNull InspectionRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /inspections", request, () -> {
            Inspection inspection = service.create(request.title(), request.startDate(), request.endDate(),
                    InspectionViews.groups(request.groups()), request.unitIds(), request.report());
            return Versions.created(uri.getBaseUriBuilder().path("inspections").path(inspection.id().toString()).build(),
                    InspectionViews.toView(inspection), inspection.version());
        });
    }

    @GET
    @Operation(summary = "Inspections you can see, newest first")
    public RestResponse<PageResponse<InspectionView>> listInspections(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        return PageResponse.ok(service.list(limit, cursor == null ? null : Cursor.decode(cursor, 2))
                .map(InspectionViews::toView), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an inspection")
    public RestResponse<InspectionView> getInspection(@PathParam("id") UUID id) {
        Inspection inspection = service.get(id);
        return Versions.ok(InspectionViews.toView(inspection), inspection.version());
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Revise an inspection (dates, groups, covered units, report)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "503", description = "units-service unavailable; nothing was written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<InspectionView> reviseInspection(@PathParam("id") UUID id, @Valid @NotNull InspectionRequest request,
            @HeaderParam("If-Match") @Parameter(description = "ETag you read", example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        Inspection inspection = service.revise(id, expected, request.title(), request.startDate(), request.endDate(),
                InspectionViews.groups(request.groups()), request.unitIds(), request.report());
        return Versions.ok(InspectionViews.toView(inspection), inspection.version());
    }

    @POST
    @Path("{id}/findings")
    @Operation(summary = "Record a finding at a covered unit")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = FindingView.class)))
    @APIResponse(responseCode = "422", description = "The unit was not covered by this inspection", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "units-service unavailable; nothing was written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addFinding(@PathParam("id") UUID id, @Valid @NotNull FindingRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /inspections/" + id + "/findings", request, () -> {
            Finding finding = service.record(id, request.unitId(), request.category(), request.severity(), request.description(),
                    request.evidenceOrNone(), request.indicatorCode());
            return Response.created(uri.getBaseUriBuilder().path("findings").path(finding.id().toString()).build())
                    .entity(InspectionViews.toView(finding, service.evidence(finding))).build();
        });
    }

    @GET
    @Path("{id}/findings")
    @Operation(summary = "Findings of an inspection", description = "The office sees all; a unit sees those in its jurisdiction.")
    public RestResponse<PageResponse<FindingView>> listFindings(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        var page = service.findings(id, limit, cursor == null ? null : Cursor.decode(cursor, 1));
        var evidence = service.evidence(page.items());
        return PageResponse.ok(page.map(f -> InspectionViews.toView(f, evidence.getOrDefault(f.id(), List.of()))), uri);
    }
}
