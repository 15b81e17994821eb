package org.tuanjie.agreements.agreement.rest;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.agreement.AgreementState;
import org.tuanjie.agreements.agreement.Signature;
import org.tuanjie.agreements.agreement.mapping.AgreementViews;
import org.tuanjie.agreements.agreement.mapping.AgreementViews.AgreementView;
import org.tuanjie.agreements.agreement.mapping.AgreementViews.AmendmentRequest;
import org.tuanjie.agreements.agreement.mapping.AgreementViews.AssessmentRequest;
import org.tuanjie.agreements.agreement.mapping.AgreementViews.AssessmentView;
import org.tuanjie.agreements.agreement.mapping.AgreementViews.Reason;
import org.tuanjie.agreements.agreement.mapping.AgreementViews.SignatureView;
import org.tuanjie.agreements.agreement.mapping.AgreementViews.VerificationView;
import org.tuanjie.agreements.agreement.service.AgreementService;
import org.tuanjie.agreements.assessment.service.AssessmentService;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;
import org.tuanjie.platform.problem.Problem;

@Guarded
@Path("/agreements")
@Tag(name = "Agreements", description = "Responsibility agreements: ISSUED → SIGNED → ACTIVE → ASSESSED, REVOKED, SUPERSEDED by an amendment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgreementResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;
    private static final String CONFLICT = "The agreement's state does not allow this";

    @Inject
    AgreementService service;

    @Inject
    AssessmentService assessments;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Agreements in your jurisdiction", description = "In hierarchy order; filter by year, state, unit, "
            + "and whether re-signing is needed after a change of principal leader.")
    public RestResponse<PageResponse<AgreementView>> listAgreements(@QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("state") AgreementState state, @QueryParam("unitId") UUID unitId,
            @QueryParam("resigningNeeded") @Parameter(description = "true: only agreements whose new principal leader must sign again; false: only the others")
            Boolean resigningNeeded,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        return PageResponse.ok(service.list(year, state, unitId, resigningNeeded, limit,
                cursor == null ? null : Cursor.decode(cursor, 2)).map(AgreementViews::toView), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an agreement")
    public RestResponse<AgreementView> getAgreement(@PathParam("id") UUID id) {
        return withEtag(service.get(id));
    }

    @GET
    @Path("{id}/canonical-content")
    @Operation(summary = "The exact bytes signed", description = "RFC 8785 canonical JSON of the content; `sha256sum` of it is the contentHash.")
    public Response getCanonicalContent(@PathParam("id") UUID id) {
        return Response.ok(service.canonicalContent(id), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("{id}/signatures")
    @Operation(summary = "Signatures with their seals and the exact sealed text")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = SignatureView.class, maxItems = Signature.LISTED_MAX)))
    public List<SignatureView> listSignatures(@PathParam("id") UUID id) {
        return service.signatures(id).stream().map(AgreementViews::toView).toList();
    }

    @GET
    @Path("{id}/verification")
    @Operation(summary = "Verify content and seals", description = "Recomputes the content hash and checks every seal with the published key.")
    public VerificationView verifyAgreement(@PathParam("id") UUID id) {
        return AgreementViews.toView(service.verify(id));
    }

    @POST
    @Path("{id}/sign")
    @Operation(summary = "Sign as party B's principal leader (ISSUED → SIGNED), or sign again after a change of leader",
            description = "Only a unit-leader whose unit_code is the agreement's unit. The agreement records as its signing leader "
                    + "the unit's principal leader units-service names at that moment (503 when it cannot be asked; nothing is "
                    + "signed). An agreement in force whose leader changed (`resigningNeeded`) is signed again by the new leader: "
                    + "a second party-B signature, sealed like the first; the state stays, `leaderChange` is cleared.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AgreementView> signAgreement(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.sign(id, expected));
    }

    @POST
    @Path("{id}/countersign")
    @Operation(summary = "Countersign for party A (SIGNED → ACTIVE)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AgreementView> countersignAgreement(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(example = "\"1\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.countersign(id, expected));
    }

    @POST
    @Path("{id}/revoke")
    @Operation(summary = "Revoke with a reason")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AgreementView> revokeAgreement(@PathParam("id") UUID id, @Valid @NotNull Reason request,
            @HeaderParam("If-Match") @Parameter(example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.revoke(id, expected, request.reason()));
    }

    @POST
    @Path("{id}/amendments")
    @Operation(summary = "Amend: a new version to be signed again", description = "The current version becomes SUPERSEDED and stays readable.")
    @APIResponse(responseCode = "201", description = "The new version", content = @Content(schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response amendAgreement(@PathParam("id") UUID id, @Valid @NotNull AmendmentRequest request,
            @HeaderParam("If-Match") @Parameter(example = "\"2\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        Agreement amended = service.amend(id, expected, request.content().toContent(), request.reason());
        return Versions.created(uri.getBaseUriBuilder().path("agreements").path(amended.id().toString()).build(),
                AgreementViews.toView(amended), amended.version());
    }

    @POST
    @Path("{id}/assessment")
    @Operation(summary = "Assess an active agreement (ACTIVE → ASSESSED)", description = "Automatic targets are computed from tasks-service "
            + "and units-service; manual ones are given here. When either service is unavailable the assessment is refused (503) and nothing is stored.")
    @APIResponse(responseCode = "200", description = "Assessed", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "tasks-service or units-service unavailable", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public AssessmentView assessAgreement(@PathParam("id") UUID id, @Valid @NotNull AssessmentRequest request,
            @HeaderParam("If-Match") @Parameter(example = "\"2\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        Map<String, AssessmentService.ManualScore> scores = new HashMap<>();
        if (request.scores() != null) {
            request.scores().forEach((k, v) -> scores.put(k, new AssessmentService.ManualScore(v.score(), v.comment())));
        }
        Map<String, AssessmentService.AdjustmentInput> adjustments = new HashMap<>();
        if (request.adjustments() != null) {
            request.adjustments().forEach((k, v) -> adjustments.put(k,
                    new AssessmentService.AdjustmentInput(v.points(), v.triggered(), v.comment())));
        }
        return AgreementViews.toView(assessments.assess(id, expected, scores, adjustments));
    }

    @GET
    @Path("{id}/assessment")
    @Operation(summary = "The assessment of an agreement, with the inputs used")
    public AssessmentView getAssessment(@PathParam("id") UUID id) {
        return assessments.of(id).map(AgreementViews::toView)
                .orElseThrow(() -> new org.tuanjie.agreements.agreement.AgreementExceptions.AgreementNotFound(id + "/assessment"));
    }

    private static RestResponse<AgreementView> withEtag(Agreement agreement) {
        return Versions.ok(AgreementViews.toView(agreement), agreement.version());
    }
}
