package org.tuanjie.unitfeed.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tuanjie.unitfeed.UnitFeed;
import org.tuanjie.unitsclient.Jurisdiction;

/**
 * The unit feed on demand, the same for every service that keeps copies of unit paths: a service subclasses
 * it only to give it its path ({@code /tasks/unit-feed}, {@code /agreements/unit-feed}), its tag and its guard.
 * Its operation id names the resource of that path: {@code runTaskUnitFeed}, {@code runAgreementUnitFeed}.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class UnitFeedEndpoint {

    @Inject
    UnitFeed feed;

    @Inject
    Jurisdiction jurisdiction;

    @POST
    @Operation(operationId = "run{resource}UnitFeed", summary = "Follow unit moves now",
            description = "Reads what changed in units-service since the last run and moves the copies of unit paths kept "
                    + "here, so that a unit moved to another township is seen by that township's officials and no longer "
                    + "by the old one's. It also runs every minute; running it twice changes nothing the second time. "
                    + "The run is system-wide, as the replication must be; the counts it reports are those of units "
                    + "that are, or were, within your reach. 503 when units-service or the identity server cannot be asked.")
    public UnitFeed.Result run() {
        return feed.runSeenFrom(jurisdiction.root());
    }
}
