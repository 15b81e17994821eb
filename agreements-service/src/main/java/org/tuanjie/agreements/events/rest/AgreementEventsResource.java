package org.tuanjie.agreements.events.rest;

import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.events.EventFeedEndpoint;

/** agreements-service's events (agreements issued, signed, active, assessed, revoked, amended), as a pull feed. */
@Tag(name = "Events", description = "What happened to agreements, as CloudEvents")
@Guarded
@Path("/agreements/events")
public class AgreementEventsResource extends EventFeedEndpoint {
}
