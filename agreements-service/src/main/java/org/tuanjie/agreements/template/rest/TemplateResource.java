package org.tuanjie.agreements.template.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.access.Guarded;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.agreements.agreement.mapping.AgreementViews.IssueRequest;
import org.tuanjie.agreements.agreement.mapping.AgreementViews.IssueResultView;
import org.tuanjie.agreements.agreement.service.AgreementService;
import org.tuanjie.agreements.template.AgreementTemplate;
import org.tuanjie.agreements.template.mapping.TemplateViews;
import org.tuanjie.agreements.template.mapping.TemplateViews.ContentRequest;
import org.tuanjie.agreements.template.mapping.TemplateViews.TemplateView;
import org.tuanjie.agreements.template.service.TemplateService;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.idempotency.Idempotency;
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

@Guarded
@Path("/templates")
@Tag(name = "Templates", description = "Templates of responsibility agreements: clauses, weighted targets, bonus/deduction/veto items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    @Inject
    TemplateService service;

    @Inject
    AgreementService agreements;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Write a draft template")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    public Response createTemplate(@Valid @NotNull ContentRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /templates", request, () -> {
            AgreementTemplate template = service.create(request.toContent());
            return Versions.created(uri.getBaseUriBuilder().path("templates").path(template.id().toString()).build(),
                    TemplateViews.toView(template), template.version());
        });
    }

    @GET
    @Operation(summary = "Templates of your office and the offices above it")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = TemplateView.class, maxItems = TemplateService.TEMPLATES_LISTED)))
    public List<TemplateView> listTemplates(@QueryParam("year") @Min(2000) @Max(2100) @Parameter(example = "2026") Integer year) {
        return service.list(year).stream().map(TemplateViews::toView).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a template")
    public RestResponse<TemplateView> getTemplate(@PathParam("id") UUID id) {
        return withEtag(service.get(id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Revise a draft template", description = "A published template never changes: make a new version.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "409", description = "Already published", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TemplateView> reviseTemplate(@PathParam("id") UUID id, @Valid @NotNull ContentRequest request,
            @HeaderParam("If-Match") @Parameter(example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.revise(id, expected, request.toContent()));
    }

    @POST
    @Path("{id}/publish")
    @Operation(summary = "Publish a draft: from now on it is immutable")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "409", description = "Already published", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TemplateView> publishTemplate(@PathParam("id") UUID id,
            @HeaderParam("If-Match") @Parameter(example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.publish(id, expected));
    }

    @POST
    @Path("{id}/versions")
    @Operation(summary = "Start a new draft version of a published template")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "409", description = "Not published yet: revise the draft instead", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response createTemplateVersion(@PathParam("id") UUID id) {
        AgreementTemplate next = service.nextVersion(id);
        return Versions.created(uri.getBaseUriBuilder().path("templates").path(next.id().toString()).build(),
                TemplateViews.toView(next), next.version());
    }

    @POST
    @Path("{id}/issue")
    @Operation(summary = "Issue agreements in bulk", description = "One agreement per unit and year: to every unit under `within` "
            + "(county-level regions and above excepted) or to `unitIds`. Units that already have this year's agreement are skipped, "
            + "so repeating the request creates no duplicates.")
    @APIResponse(responseCode = "200", description = "Issued", content = @Content(schema = @Schema(implementation = IssueResultView.class)))
    @APIResponse(responseCode = "409", description = "Template not published", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "units-service unavailable; nothing was issued", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public IssueResultView issueAgreements(@PathParam("id") UUID id, @Valid @NotNull IssueRequest request) {
        boolean byList = request.unitIds() != null && !request.unitIds().isEmpty();
        if ((request.within() == null) == !byList) {
            throw new Problems.InvalidInput(new Violation("within", "issue.one-of"));
        }
        AgreementService.IssueResult result = agreements.issue(id, request.within(), request.unitIds());
        return new IssueResultView(result.created(), result.skipped());
    }

    private static RestResponse<TemplateView> withEtag(AgreementTemplate template) {
        return Versions.ok(TemplateViews.toView(template), template.version());
    }
}
