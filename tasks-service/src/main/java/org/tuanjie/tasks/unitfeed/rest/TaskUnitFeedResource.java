package org.tuanjie.tasks.unitfeed.rest;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.unitfeed.rest.UnitFeedEndpoint;

/** The unit feed on demand, at this service's path (it also runs every minute). */
@Tag(name = "Tasks")
@Guarded
@Path("/tasks/unit-feed")
public class TaskUnitFeedResource extends UnitFeedEndpoint {
}
