package org.tuanjie.agreements.events.rest;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.events.webhooks.WebhookEndpoints;

/** Webhook subscriptions to agreements-service's events. */
@Tag(name = "Events")
@Guarded
@Path("/agreements/webhooks")
public class AgreementWebhooksResource extends WebhookEndpoints {
}
