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
import org.tuanjie.units.dossier.DossierDocument;
import org.tuanjie.units.dossier.mapping.DossierViews;
import org.tuanjie.units.dossier.mapping.DossierViews.DocumentRequest;
import org.tuanjie.units.dossier.mapping.DossierViews.DocumentView;
import org.tuanjie.units.dossier.mapping.DossierViews.WithdrawalRequest;
import org.tuanjie.units.dossier.service.DossierService;
import org.tuanjie.units.dossier.service.DossierService.Filed;

@Guarded
@Path("/documents")
@Tag(name = "Dossier")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DocumentResource {

    @Inject
    DossierService service;

    @GET
    @Path("{id}")
    @Operation(summary = "Read a document (文件) of a dossier", description = "Withdrawn ones stay readable. The ETag is needed to change it.")
    public RestResponse<DocumentView> getDocument(@PathParam("id") UUID id) {
        return withEtag(service.document(id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Revise a document", description = "Replaces what it states; it stays under its unit, and a readiness "
            + "profile linking it shows the new number and date. A withdrawn document does not change (409 "
            + "`dossier-entry-withdrawn`).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "409", description = "Withdrawn, or another document of the unit on file has this number", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The domain's jurisdiction does not hold the unit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<DocumentView> reviseDocument(@PathParam("id") UUID id, @Valid @NotNull DocumentRequest request,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version you read", example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.reviseDocument(id, expected, request.details(), request.filesOrNone()));
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "Withdraw a document from the dossier", description = "Never deleted: it stays readable with the "
            + "reason, who and when, counts no more, and reaches phones through delta sync as WITHDRAWN. A document the "
            + "unit's readiness profile links as its leading-group document stays until the profile links another or "
            + "none (409 `document-in-use`).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "409", description = "Already withdrawn, or linked from the readiness profile", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<DocumentView> withdrawDocument(@PathParam("id") UUID id, @Valid @NotNull WithdrawalRequest request,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the version you read", example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.withdraw(id, DossierDocument.class, expected, request.reason()));
    }

    private static RestResponse<DocumentView> withEtag(Filed<DossierDocument> filed) {
        return Versions.ok(DossierViews.toDocumentView(filed), filed.entry().version());
    }
}
