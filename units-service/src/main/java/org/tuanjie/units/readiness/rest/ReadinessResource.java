package org.tuanjie.units.readiness.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.tuanjie.units.readiness.mapping.ReadinessView;
import org.tuanjie.units.readiness.service.ReadinessService;
import org.tuanjie.units.readiness.service.ReadinessService.UnitReadiness;

@Guarded
@Tag(name = "Readiness", description = "Readiness profiles (创建工作基础): staff, office, leading group, plan, signage, equipment, leader, liaison")
@Path("/units/{id}/readiness")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReadinessResource {

    @Inject
    ReadinessService service;

    @GET
    @Operation(summary = "Read a unit's readiness profile",
            description = "Of a unit in your jurisdiction; the lead unit (牵头单位) of a campaign domain also reads its member units' profiles.")
    public RestResponse<ReadinessView> getReadiness(@PathParam("id") UUID id) {
        return withEtag(service.get(id));
    }

    @PUT
    @Operation(summary = "Replace a unit's readiness profile",
            description = "The office (admin) for any unit of its jurisdiction; a liaison or leader for their own unit only. "
                    + "Being a domain's lead unit grants no write. The leading group's document is best linked from the "
                    + "unit's dossier (`leadingGroupDocumentId`); a number and date typed in still count.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ReadinessView.class)))
    @APIResponse(responseCode = "422", description = "The linked document is another unit's, or withdrawn", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ReadinessView> replaceReadiness(@PathParam("id") UUID id, @Valid @NotNull ReadinessView.Update request,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the profile you read", example = "\"1\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.update(id, expected, request.toFacts(), request.leadingGroupDocumentId()));
    }

    private static RestResponse<ReadinessView> withEtag(UnitReadiness readiness) {
        return Versions.ok(ReadinessView.of(readiness), readiness.profile().version());
    }
}
