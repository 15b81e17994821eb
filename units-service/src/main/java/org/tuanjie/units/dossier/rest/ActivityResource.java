package org.tuanjie.units.dossier.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.units.dossier.Activity;
import org.tuanjie.units.dossier.mapping.DossierViews;
import org.tuanjie.units.dossier.mapping.DossierViews.ActivityRequest;
import org.tuanjie.units.dossier.mapping.DossierViews.ActivityView;
import org.tuanjie.units.dossier.mapping.DossierViews.WithdrawalRequest;
import org.tuanjie.units.dossier.service.DossierService;
import org.tuanjie.units.dossier.service.DossierService.Filed;

@Guarded
@Path("/activities")
@Tag(name = "Dossier")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @Inject
    DossierService service;

    @GET
    @Path("{id}")
    @Operation(summary = "Read an activity of a dossier", description = "Withdrawn ones stay readable. The ETag is needed to change it.")
    public RestResponse<ActivityView> getActivity(@PathParam("id") UUID id) {
        return withEtag(service.activity(id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Revise an activity", description = "Replaces what it states; it stays under its unit. A withdrawn "
            + "activity does not change (409 `dossier-entry-withdrawn`).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "409", description = "Withdrawn", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The domain's jurisdiction does not hold the unit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ActivityView> reviseActivity(@PathParam("id") UUID id, @Valid @NotNull ActivityRequest request,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version you read", example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.reviseActivity(id, expected, request.details(), request.filesOrNone()));
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "Withdraw an activity from the dossier", description = "Never deleted: it stays readable with the "
            + "reason, who and when, counts no more, and reaches phones through delta sync as WITHDRAWN.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "409", description = "Already withdrawn", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ActivityView> withdrawActivity(@PathParam("id") UUID id, @Valid @NotNull WithdrawalRequest request,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version you read", example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.withdraw(id, Activity.class, expected, request.reason()));
    }

    private static RestResponse<ActivityView> withEtag(Filed<Activity> filed) {
        return Versions.ok(DossierViews.toView(filed), filed.entry().version());
    }
}
