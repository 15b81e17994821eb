package org.tuanjie.tasks.timeline.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.chain.ChainCheckpointEndpoints;
import org.tuanjie.platform.chain.HashChain;
import org.tuanjie.tasks.timeline.service.TimelineChain;

/** The checkpoints of the tasks' timelines' hash chain. */
@Guarded
@Path("/timeline/checkpoints")
@Tag(name = "Timeline chain", description = "Every task's timeline, anchored in a hash chain with sealed checkpoints")
public class TimelineCheckpointResource extends ChainCheckpointEndpoints {

    @Inject
    TimelineChain timeline;

    @Override
    protected HashChain chain() {
        return timeline.chain();
    }
}
