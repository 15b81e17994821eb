package org.tuanjie.units.domain.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.net.URI;
import java.util.List;
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
import org.tuanjie.units.domain.CampaignDomain;
import org.tuanjie.units.domain.mapping.DomainViews;
import org.tuanjie.units.domain.mapping.DomainViews.CoverageView;
import org.tuanjie.units.domain.mapping.DomainViews.DomainUpdate;
import org.tuanjie.units.domain.mapping.DomainViews.DomainView;
import org.tuanjie.units.domain.mapping.DomainViews.MemberView;
import org.tuanjie.units.domain.mapping.DomainViews.NewDomain;
import org.tuanjie.units.domain.mapping.DomainViews.NewMember;
import org.tuanjie.units.domain.service.DomainService;
import org.tuanjie.units.unit.UnitNames;

@Guarded
@Path("/domains")
@Tag(name = "Campaign domains", description = "\"9+N进\": the nine standard domains of each county and its local ones, with lead and member units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DomainResource {

    @Inject
    DomainService service;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Campaign domains you can see", description = "Those of your jurisdiction and of the jurisdictions above you.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = DomainView.class, maxItems = DomainService.DOMAINS_LISTED)))
    public List<DomainView> listDomains(@QueryParam("owner") @Parameter(description = "Only the domains of this unit") UUID owner) {
        return service.list(owner).stream().map(DomainViews::toView).toList();
    }

    @POST
    @Operation(summary = "Add a local domain (the N of 9+N)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = DomainView.class)))
    @APIResponse(responseCode = "409", description = "Code already used in this jurisdiction", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Owner is not a region", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createDomain(@Valid @NotNull NewDomain request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /domains", request, () -> {
            CampaignDomain domain = service.createLocal(request.ownerUnitId(), request.code(), new UnitNames(request.names()));
            return Versions.created(uri.getBaseUriBuilder().path("domains").path(domain.id().toString()).build(),
                    DomainViews.toView(domain), domain.version());
        });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a campaign domain")
    public RestResponse<DomainView> getDomain(@PathParam("id") UUID id) {
        return withEtag(service.get(id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Rename a domain and appoint its lead unit")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = DomainView.class)))
    @APIResponse(responseCode = "422", description = "Lead unit outside the domain's jurisdiction", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<DomainView> updateDomain(@PathParam("id") UUID id, @Valid @NotNull DomainUpdate request,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the domain you read", example = "\"2\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.update(id, expected, new UnitNames(request.names()), request.leadUnitId()));
    }

    @GET
    @Path("{id}/members")
    @Operation(summary = "Member units with their readiness, in your jurisdiction",
            description = "The domain's lead unit (牵头单位) reads all of them, across subtrees (read-only).")
    public RestResponse<PageResponse<MemberView>> listDomainMembers(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        return PageResponse.ok(service.members(id, limit, cursor == null ? null : Cursor.decode(cursor, 1))
                .map(DomainViews::toView), uri);
    }

    @POST
    @Path("{id}/members")
    @Operation(summary = "Add a member unit", description = "201 when added, 200 when it already was a member.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "200", description = "Already a member", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "422", description = "Unit outside the domain's jurisdiction", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addDomainMember(@PathParam("id") UUID id, @Valid @NotNull NewMember request) {
        DomainService.Admission admission = service.admit(id, request.unitId());
        URI location = uri.getBaseUriBuilder().path("domains").path(id.toString()).path("members")
                .path(request.unitId().toString()).build();
        MemberView view = DomainViews.toView(admission.member());
        return (admission.created() ? Response.created(location) : Response.ok()).entity(view).build();
    }

    @DELETE
    @Path("{id}/members/{unitId}")
    @Operation(summary = "Remove a member unit", description = "If-Match names the domain's ETag: membership changes bump it.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeDomainMember(@PathParam("id") UUID id, @PathParam("unitId") UUID unitId,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the domain", example = "\"2\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        service.remove(id, expected, unitId);
    }

    @GET
    @Path("{id}/coverage")
    @Operation(summary = "Coverage: members with a complete readiness profile",
            description = "Lists the incomplete members with what they miss: those in your jurisdiction, or all of them for the domain's lead unit.")
    public CoverageView getDomainCoverage(@PathParam("id") UUID id) {
        return DomainViews.toView(service.coverage(id));
    }

    private static RestResponse<DomainView> withEtag(CampaignDomain domain) {
        return Versions.ok(DomainViews.toView(domain), domain.version());
    }
}
