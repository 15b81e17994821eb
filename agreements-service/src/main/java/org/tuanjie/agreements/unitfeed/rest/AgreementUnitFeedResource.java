package org.tuanjie.agreements.unitfeed.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.unitfeed.UnitFeed;
import org.tuanjie.unitfeed.rest.UnitFeedEndpoint;

/** The unit feed on demand, at this service's path (it also runs every minute). */
@Tag(name = "Agreements")
@Guarded
@Path("/agreements/unit-feed")
public class AgreementUnitFeedResource extends UnitFeedEndpoint {

    /** The same run; here it also flags agreements whose principal leader changed, which the contract must say. */
    @POST
    @Operation(summary = "Follow unit moves and changes of principal leader now",
            description = "Reads what changed in units-service since the last run and moves the copies of unit paths kept "
                    + "here, so that a unit moved to another township is seen by that township's officials and no longer "
                    + "by the old one's. An agreement in force (SIGNED or ACTIVE) whose unit now has another principal "
                    + "leader than the one who signed, or none, is flagged `resigningNeeded` with its `leaderChange`, and "
                    + "the audit trail records it (`LEADER_CHANGED`, actor: this service); when the leader who signed "
                    + "leads the unit again, the flag goes (`LEADER_RESTORED`). It also runs every minute; running it "
                    + "twice changes nothing the second time. The run is system-wide, as the replication must be; the "
                    + "counts it reports are those of moves of units that are, or were, within your reach. 503 when "
                    + "units-service or the identity server cannot be asked.")
    @Override
    public UnitFeed.Result run() {
        return super.run();
    }
}
