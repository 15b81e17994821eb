package org.tuanjie.tasks.events.rest;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.events.webhooks.WebhookEndpoints;

/** Webhook subscriptions to tasks-service's events. */
@Tag(name = "Events")
@Guarded
@Path("/tasks/webhooks")
public class TaskWebhooksResource extends WebhookEndpoints {
}
