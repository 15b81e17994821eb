package org.tuanjie.units.people.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.units.people.Person;
import org.tuanjie.units.people.mapping.PeopleViews;
import org.tuanjie.units.people.mapping.PeopleViews.NewPerson;
import org.tuanjie.units.people.mapping.PeopleViews.PersonLeaving;
import org.tuanjie.units.people.mapping.PeopleViews.PersonView;
import org.tuanjie.units.people.service.PeopleService;

@Guarded
@Path("/units/{id}/people")
@Tag(name = "People", description = "Each unit's liaison (联络员), leader (一把手) and staff (工作人员), with their periods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeopleResource {

    @Inject
    PeopleService service;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Record a person of a unit",
            description = "A unit has one liaison and one leader at a time: a new one ends the previous one's period the day "
                    + "before their `from` (409 `period-overlap` when `from` is not after the previous one's), and disables "
                    + "the previous one's account once that day has come. Staff can be many. With `account`, the person's "
                    + "account is made at the identity server in the same write: both or neither (503 "
                    + "`identity-unavailable` when the identity server does not answer; 409 `username-taken`).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "409", description = "Periods would overlap, the unit is closed, or the username is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The identity server did not answer; nothing was recorded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addPerson(@PathParam("id") UUID id, @Valid @NotNull NewPerson request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes a retried POST safe") String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /units/" + id + "/people", request, () -> {
            Person person = service.add(id, request.role(), request.details(), request.from(), request.accountRequest());
            return Versions.created(location(id, person), PeopleViews.toView(person), person.version());
        });
    }

    @GET
    @Operation(summary = "People of a unit, by role then start of their period",
            description = "Those whose period has not ended; `all=true` includes past periods.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = PersonView.class, maxItems = PeopleService.PEOPLE_LISTED,
            description = "The first " + PeopleService.PEOPLE_LISTED + " at most, in this order")))
    public List<PersonView> listPeople(@PathParam("id") UUID id,
            @QueryParam("all") @DefaultValue("false") @Parameter(description = "Include past periods") boolean all) {
        return service.list(id, all).stream().map(PeopleViews::toView).toList();
    }

    @GET
    @Path("{personId}")
    @Operation(summary = "Read a person of a unit", description = "The ETag is needed to record their leaving.")
    public RestResponse<PersonView> getPerson(@PathParam("id") UUID id, @PathParam("personId") UUID personId) {
        return withEtag(service.get(id, personId));
    }

    @POST
    @Path("{personId}/account")
    @Operation(summary = "Make the account of a recorded person",
            description = "For a person recorded without one: made at the identity server, enabled, with a password to "
                    + "change at first login; the grants go on the unit's history. 409 `account-exists` when the person "
                    + "has one; 503 `identity-unavailable`, with nothing recorded, when the identity server does not answer.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "422", description = "`unit-leader` for someone not the unit's principal leader, or a temporary password the realm's policy refuses", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The person has an account, or the username is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The identity server did not answer; nothing was recorded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PersonView> openAccount(@PathParam("id") UUID id, @PathParam("personId") UUID personId,
            @Valid @NotNull PeopleViews.NewAccount request) {
        return withEtag(service.openAccount(id, personId, request.request()));
    }

    @PUT
    @Path("{personId}/account/roles")
    @Operation(summary = "Set the roles of a person's account",
            description = "The whole set of realm roles the account is to hold; what it adds is granted, what it leaves "
                    + "out is revoked, each on the unit's history with who and when. 409 `account-not-active` when the "
                    + "person has no active account; 503 `identity-unavailable`, with nothing changed, when the identity "
                    + "server does not answer.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "422", description = "`unit-leader` for someone not the unit's principal leader", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No active account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The identity server did not answer; nothing was changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PersonView> changeAccountRoles(@PathParam("id") UUID id, @PathParam("personId") UUID personId,
            @Valid @NotNull PeopleViews.AccountRoles request,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the person you read", example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.changeAccountRoles(id, personId, expected, request.roles()));
    }

    @POST
    @Path("{personId}/leave")
    @Operation(summary = "End a person's period", description = "`on` is the last day; not before their `from`. "
            + "The person's account is disabled on that day (at once when it has come), its roles revoked on the "
            + "unit's history; 503 `identity-unavailable`, with nothing recorded, when the identity server does not answer.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "409", description = "Already left", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<PersonView> endPersonPeriod(@PathParam("id") UUID id, @PathParam("personId") UUID personId,
            @Valid @NotNull PersonLeaving request,
            @HeaderParam("If-Match") @Parameter(description = "ETag of the person you read", example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.leave(id, personId, expected, request.on()));
    }

    private java.net.URI location(UUID unitId, Person person) {
        return uri.getBaseUriBuilder().path("units").path(unitId.toString()).path("people").path(person.id().toString()).build();
    }

    private static RestResponse<PersonView> withEtag(Person person) {
        return Versions.ok(PeopleViews.toView(person), person.version());
    }
}
