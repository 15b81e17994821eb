package org.tuanjie.units.events.rest;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.events.EventFeedEndpoint;

/** units-service's events (units created, renamed, moved, closed, reopened), as a pull feed. */
@Tag(name = "Events", description = "What happened to units, as CloudEvents")
@Guarded
@Path("/units/events")
public class UnitEventsResource extends EventFeedEndpoint {
}
