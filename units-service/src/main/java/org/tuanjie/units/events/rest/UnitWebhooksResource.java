package org.tuanjie.units.events.rest;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.events.webhooks.WebhookEndpoints;

/** Webhook subscriptions to units-service's events. */
@Tag(name = "Events")
@Guarded
@Path("/units/webhooks")
public class UnitWebhooksResource extends WebhookEndpoints {
}
