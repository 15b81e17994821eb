package org.tuanjie.units.history.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.chain.ChainCheckpointEndpoints;
import org.tuanjie.platform.chain.HashChain;
import org.tuanjie.units.history.service.UnitHistoryChain;

/** The checkpoints of the units' history hash chain (closings and reopenings). */
@Guarded
@Path("/history/checkpoints")
@Tag(name = "History chain", description = "Units' closings and reopenings, anchored in a hash chain with sealed checkpoints")
public class HistoryCheckpointResource extends ChainCheckpointEndpoints {

    @Inject
    UnitHistoryChain history;

    @Override
    protected HashChain chain() {
        return history.chain();
    }
}
