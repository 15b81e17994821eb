package org.tuanjie.platform.events.webhooks;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.events.webhooks.WebhookViews.AttemptView;
import org.tuanjie.platform.events.webhooks.WebhookViews.NewWebhook;
import org.tuanjie.platform.events.webhooks.WebhookViews.Redelivery;
import org.tuanjie.platform.events.webhooks.WebhookViews.WebhookView;
import org.tuanjie.platform.idempotency.Idempotency;
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.platform.security.Caller;

/**
 * Webhook subscriptions of a service's events, the same for every service: a service subclasses it only to give
 * it its path ({@code /tasks/webhooks}), its tag and its guard. Deliveries are signed as the Standard Webhooks
 * specification says ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}).
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class WebhookEndpoints {

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    Guard guard;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uri;

    @POST
    @Operation(operationId = "create{resource}Webhook", summary = "Subscribe an address to events (订阅事件推送)",
            description = "Events of the types named, of units within your reach, are POSTed to the URL from now on, one "
                    + "at a time in the feed's order, as CloudEvents (`application/cloudevents+json`), signed with the "
                    + "secret in this answer (shown once): `webhook-signature: v1,<base64 HMAC-SHA256 of "
                    + "\"{webhook-id}.{webhook-timestamp}.{body}\">`. Answer 2xx within 10 s; anything else is retried "
                    + "with a doubling wait, the same event first; after a day of failures the subscription is disabled. "
                    + "An address on a private or local network is refused unless the deployment allows it.")
    @APIResponse(responseCode = "201", description = "Subscribed; `secret` is shown this once",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "422", description = "The address may not receive deliveries (`webhook-address-refused`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response subscribe(@Valid @NotNull NewWebhook request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST " + uri.getPath(), request, () -> {
            WebhookView view = subscriptions.subscribe(request, guard.reach().root(), caller.subject());
            return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
        });
    }

    @GET
    @Operation(operationId = "list{resource}Webhooks", summary = "Subscriptions within your reach")
    @APIResponse(responseCode = "200", description = "The subscriptions, oldest first (at most " + WebhookSubscriptions.MAX_LISTED + ")",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    maxItems = WebhookSubscriptions.MAX_LISTED, implementation = WebhookView.class)))
    public List<WebhookView> list() {
        return subscriptions.visible(guard.reach().root());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "get{resource}Webhook", summary = "A subscription and how its deliveries stand")
    public WebhookView get(@PathParam("id") UUID id) {
        return subscriptions.get(id, guard.reach().root());
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "delete{resource}Webhook", summary = "Unsubscribe")
    @APIResponse(responseCode = "204", description = "Gone; nothing more is sent")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(id, guard.reach().root());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret")
    @Operation(operationId = "rotate{resource}WebhookSecret", summary = "A new signing secret",
            description = "The answer shows the new secret once. For a day (`webhooks.previous-secret-validity`) each "
                    + "delivery carries two signatures, with the new secret and the old, so the receiver can switch over.")
    public WebhookView rotateSecret(@PathParam("id") UUID id) {
        return subscriptions.rotate(id, guard.reach().root());
    }

    @POST
    @Path("{id}/enable")
    @Operation(operationId = "enable{resource}Webhook", summary = "Active again after it was disabled",
            description = "Deliveries resume at once from the first event not yet delivered.")
    public WebhookView enable(@PathParam("id") UUID id) {
        return subscriptions.enable(id, guard.reach().root());
    }

    @POST
    @Path("{id}/redeliveries")
    @Operation(operationId = "redeliver{resource}Webhook", summary = "Send again from an event on",
            description = "Every event of the subscription from `fromSequence` on is sent again, in order.")
    public WebhookView redeliver(@PathParam("id") UUID id, @Valid @NotNull Redelivery request) {
        return subscriptions.redeliver(id, guard.reach().root(), request.fromSequence());
    }

    @GET
    @Path("{id}/attempts")
    @Operation(operationId = "list{resource}WebhookAttempts", summary = "Delivery attempts, the latest first")
    @APIResponse(responseCode = "200", description = "Up to `limit` attempts, the latest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    maxItems = 500, implementation = AttemptView.class)))
    public List<AttemptView> attempts(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return subscriptions.attempts(id, guard.reach().root(), limit);
    }
}
