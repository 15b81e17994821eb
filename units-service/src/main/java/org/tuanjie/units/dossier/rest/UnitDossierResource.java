package org.tuanjie.units.dossier.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.units.dossier.Activity;
import org.tuanjie.units.dossier.DossierDocument;
import org.tuanjie.units.dossier.DossierKind;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.dossier.mapping.DossierViews;
import org.tuanjie.units.dossier.mapping.DossierViews.ActivityRequest;
import org.tuanjie.units.dossier.mapping.DossierViews.ActivityView;
import org.tuanjie.units.dossier.mapping.DossierViews.CountsView;
import org.tuanjie.units.dossier.mapping.DossierViews.DocumentRequest;
import org.tuanjie.units.dossier.mapping.DossierViews.DocumentView;
import org.tuanjie.units.dossier.mapping.DossierViews.EntryView;
import org.tuanjie.units.dossier.service.DossierQuery;
import org.tuanjie.units.dossier.service.DossierReads;
import org.tuanjie.units.dossier.service.DossierService;
import org.tuanjie.units.dossier.service.DossierService.Filed;

@Guarded
@Path("/units/{id}/dossier")
@Tag(name = "Dossier", description = "Each unit's dossier (创建档案): the activities it held and the documents (文件) it files, "
        + "under evaluation-indicator codes, with lists, counts per indicator and delta sync")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitDossierResource {

    private static final String PERIOD = "Entries dated on or after `from` and on or before `to` (both optional; `to` "
            + "not before `from`)";

    @Inject
    DossierService service;

    @Inject
    DossierReads reads;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @POST
    @Path("activities")
    @Operation(summary = "File an activity the unit held",
            description = "Under the unit as its organizer, dated on or before today. A closed unit files nothing (409 "
                    + "`unit-closed`).")
    @APIResponse(responseCode = "201", description = "Filed", content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "409", description = "The unit is closed, or an Idempotency-Key still in progress", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The domain's jurisdiction does not hold the unit, or an Idempotency-Key reused with another request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response fileActivity(@PathParam("id") UUID id, @Valid @NotNull ActivityRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes a retried POST safe") String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /units/" + id + "/dossier/activities", request, () -> {
            Filed<Activity> filed = service.fileActivity(id, request.details(), request.filesOrNone());
            return Versions.created(uri.getBaseUriBuilder().path("activities").path(filed.entry().id().toString()).build(),
                    DossierViews.toView(filed), filed.entry().version());
        });
    }

    @POST
    @Path("documents")
    @Operation(summary = "File a document (文件) in the unit's dossier",
            description = "Issued on or before today; its number (文号) once per unit while on file. A closed unit files "
                    + "nothing (409 `unit-closed`). Link it from the readiness profile as the leading-group document.")
    @APIResponse(responseCode = "201", description = "Filed", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "409", description = "The unit already has a document of this number on file, the unit is closed, or an Idempotency-Key still in progress", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The domain's jurisdiction does not hold the unit, or an Idempotency-Key reused with another request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response fileDocument(@PathParam("id") UUID id, @Valid @NotNull DocumentRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes a retried POST safe") String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /units/" + id + "/dossier/documents", request, () -> {
            Filed<DossierDocument> filed = service.fileDocument(id, request.details(), request.filesOrNone());
            return Versions.created(uri.getBaseUriBuilder().path("documents").path(filed.entry().id().toString()).build(),
                    DossierViews.toDocumentView(filed), filed.entry().version());
        });
    }

    @GET
    @Operation(summary = "The entries of a unit's dossier, or of its subtree's, newest first",
            description = "Keyset-paged by date then id. Filters combine: " + PERIOD + "; withdrawn entries only with "
                    + "`status=WITHDRAWN` or `ALL`.")
    public RestResponse<PageResponse<EntryView>> listDossierEntries(@PathParam("id") UUID id,
            @QueryParam("subtree") @DefaultValue("false") @Parameter(description = "The units under it too") boolean subtree,
            @QueryParam("kind") @Size(max = DossierKind.NUMBER_OF_KINDS)
            @Parameter(description = "One or more kinds: activity kinds or DOCUMENT") List<DossierKind> kinds,
            @QueryParam("indicator") @Size(max = IndicatorCode.MAX_LENGTH) @Pattern(regexp = "[A-Za-z0-9]{1,8}(\\.[A-Za-z0-9]{1,8}){0,4}")
            @Parameter(description = "Entries filed under this indicator code", example = "3.2.1") String indicator,
            @QueryParam("domain") @Parameter(description = "Entries of this \"9+N进\" domain") UUID domain,
            @QueryParam("from") @Parameter(example = "2026-01-01") LocalDate from,
            @QueryParam("to") @Parameter(example = "2026-12-31") LocalDate to,
            @QueryParam("status") @DefaultValue("ACTIVE") DossierQuery.Status status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") @Parameter(description = "`next` of the previous page") String cursor) {
        DossierQuery query = new DossierQuery(id, subtree, kindsOf(kinds), indicatorOf(indicator), domain, from, to, status);
        return PageResponse.ok(reads.list(query, limit, cursor == null ? null : Cursor.decode(cursor, 2))
                .map(DossierViews::toEntryView), uri);
    }

    @GET
    @Path("counts")
    @Operation(summary = "Active entries of a unit's dossier, or its subtree's, per indicator code and kind",
            description = "For the scorecards and the agreements' \"n activities on file\" targets. " + PERIOD
                    + "; withdrawn entries never count.")
    public CountsView getDossierCounts(@PathParam("id") UUID id,
            @QueryParam("subtree") @DefaultValue("false") @Parameter(description = "The units under it too") boolean subtree,
            @QueryParam("kind") @Size(max = DossierKind.NUMBER_OF_KINDS) @Parameter(description = "Only these kinds")
            List<DossierKind> kinds,
            @QueryParam("indicator") @Size(max = IndicatorCode.MAX_LENGTH) @Pattern(regexp = "[A-Za-z0-9]{1,8}(\\.[A-Za-z0-9]{1,8}){0,4}")
            @Parameter(description = "Only this indicator code", example = "3.2.1") String indicator,
            @QueryParam("domain") @Parameter(description = "Only this \"9+N进\" domain's entries") UUID domain,
            @QueryParam("from") @Parameter(example = "2026-01-01") LocalDate from,
            @QueryParam("to") @Parameter(example = "2026-12-31") LocalDate to) {
        DossierQuery query = new DossierQuery(id, subtree, kindsOf(kinds), indicatorOf(indicator), domain, from, to,
                DossierQuery.Status.ACTIVE);
        return DossierViews.toView(reads.count(query), subtree, from, to);
    }

    private static Set<DossierKind> kindsOf(List<DossierKind> kinds) {
        return kinds == null || kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds);
    }

    private static IndicatorCode indicatorOf(String text) {
        return text == null ? null : IndicatorCode.parse(text)
                .orElseThrow(() -> new Problems.InvalidInput(new Violation("indicator", "dossier.indicator.form")));
    }
}
