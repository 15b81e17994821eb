package org.tuanjie.units.scorecard.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.idempotency.Idempotency;
import org.tuanjie.platform.problem.Messages;
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.units.scorecard.IndicatorScore;
import org.tuanjie.units.scorecard.ScoreKind;
import org.tuanjie.units.scorecard.mapping.ScorecardViews.NewScore;
import org.tuanjie.units.scorecard.mapping.ScorecardViews.ScoreView;
import org.tuanjie.units.scorecard.mapping.ScorecardViews.ScorecardView;
import org.tuanjie.units.scorecard.mapping.ScorecardViews;
import org.tuanjie.units.scorecard.service.ScorecardService;

@Guarded
@Path("/units/{id}/scorecard")
@Tag(name = "Indicators")
@Produces(MediaType.APPLICATION_JSON)
public class ScorecardResource {

    @Inject
    ScorecardService service;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "A unit's scorecard: points secured, at risk and missing, and whether it is ready for the acceptance check",
            description = "Against the catalogue in force for the unit (GET /units/{id}/indicators), from its own dossier "
                    + "(entries dated in the catalogue's year), the scores given it and its readiness profile. An indicator "
                    + "the suite measures earns its points once the evidence it expects is on file; one a reviewer measures, "
                    + "the reviewer's score; a reviewer's score always decides. Earned points are at risk while a finding "
                    + "naming the indicator is not rectified. `asOf` reads it as it stood at the end of that day "
                    + "(Asia/Shanghai): what was filed, withdrawn, scored and published by then.")
    public ScorecardView getScorecard(@PathParam("id") UUID id,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(description = "Campaign year; that of `asOf` when absent",
                    example = "2026") Integer year,
            @QueryParam("asOf") @Parameter(description = "The day to read it as of; today when absent", example = "2026-06-30")
            LocalDate asOf,
            @Context HttpHeaders headers) {
        return ScorecardViews.toView(service.card(id, year, asOf), Messages.locale(headers));
    }

    @GET
    @Path("rollup")
    @Operation(summary = "The scorecards of a unit's subtree added up: per region and department below it, per domain, with their spread",
            description = "Every open unit of the subtree as `GET /units/{id}/scorecard` reads it, added up: in all, per "
                    + "unit directly below (a county's townships with their villages; its departments), per \"9+N进\" domain "
                    + "(its members here); the spread of the secured rate between the regions and between the departments "
                    + "(mean, standard deviation, coefficient of variation), like the township league table. `asOf` reads it "
                    + "as it stood at the end of that day.")
    public ScorecardViews.RollupView getScorecardRollup(@PathParam("id") UUID id,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(description = "Campaign year; that of `asOf` when absent",
                    example = "2026") Integer year,
            @QueryParam("asOf") @Parameter(description = "The day to read it as of; today when absent", example = "2026-06-30")
            LocalDate asOf) {
        return ScorecardViews.toView(service.rollup(id, year, asOf));
    }

    @POST
    @Path("self-scores")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the unit's own score on an indicator (自评)",
            description = "Shown beside the reviewer's; it earns nothing by itself. On an indicator with none below it that "
                    + "applies to the unit, up to its points.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ScoreView.class)))
    @APIResponse(responseCode = "422", description = "No catalogue in force for the unit and year, or an Idempotency-Key reused with another request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordSelfScore(@PathParam("id") UUID id, @Valid @NotNull NewScore request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return record(id, ScoreKind.SELF, request, idempotencyKey);
    }

    @POST
    @Path("reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a reviewer's score on an indicator (评审)",
            description = "It decides the points the unit earns on that indicator, whatever is on file. On an indicator with "
                    + "none below it that applies to the unit, up to its points.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ScoreView.class)))
    @APIResponse(responseCode = "422", description = "No catalogue in force for the unit and year, or an Idempotency-Key reused with another request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordReview(@PathParam("id") UUID id, @Valid @NotNull NewScore request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return record(id, ScoreKind.REVIEW, request, idempotencyKey);
    }

    private Response record(UUID id, ScoreKind kind, NewScore request, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /units/" + id + "/scorecard/" + kind, request, () -> {
            IndicatorScore score = service.score(id, kind, request.year(), request.code(), request.score(), request.note());
            return Response.created(uri.getBaseUriBuilder().path("units").path(id.toString()).path("scorecard").build())
                    .entity(ScorecardViews.toView(score, id)).build();
        });
    }
}
