package org.tuanjie.tasks.events.rest;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.events.EventFeedEndpoint;

/** tasks-service's events (tasks and findings), as a pull feed. */
@Tag(name = "Events", description = "What happened to tasks and findings, as CloudEvents")
@Guarded
@Path("/tasks/events")
public class TaskEventsResource extends EventFeedEndpoint {
}
