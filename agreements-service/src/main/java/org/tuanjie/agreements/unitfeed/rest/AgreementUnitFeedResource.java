package org.tuanjie.agreements.unitfeed.rest;

import org.tuanjie.platform.access.Guarded;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.scope.feed.UnitFeed;

/** The unit feed on demand (it also runs every minute). */
@Tag(name = "Agreements")
@Guarded
@Path("/agreements/unit-feed")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementUnitFeedResource {

    @Inject
    UnitFeed feed;

    @POST
    @Operation(summary = "Follow unit moves now",
            description = "Reads what changed in units-service since the last run and moves the copies of unit paths kept "
                    + "here, so that a unit moved to another township is seen by that township's officials and no longer "
                    + "by the old one's. It also runs every minute; running it twice changes nothing the second time. "
                    + "503 when units-service or the identity server cannot be asked.")
    public UnitFeed.Result run() {
        return feed.run();
    }
}
