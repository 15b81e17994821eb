package org.tuanjie.tasks.timeline.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.tuanjie.platform.chain.HashChain;
import org.tuanjie.platform.seal.SealKeys;

/**
 * The tasks' timelines as one hash chain ({@link HashChain}): every line of every task's timeline ({@code task_event})
 * is linked a few seconds after it is written, and the chain's head sealed every hour while it grows. Each link hashes
 * the line as stored: its id, task, type, states, detail, actor, when it happened and when it was recorded.
 */
@ApplicationScoped
public class TimelineChain {

    /** The chain's name in what a checkpoint seals. */
    public static final String CHAIN = "tasks-timeline";

    /** Reads a line's detail (jsonb as text) for its link: a line is linked once, and read again for each bundle. */
    private static final ObjectMapper DETAIL = new ObjectMapper();

    static final HashChain.Spec SPEC = new HashChain.Spec(CHAIN, "timeline", 0x7469_6d65_6c69_6e65L, "task_event",
            "h.task_id, h.type, h.from_state, h.to_state, h.detail::text, h.actor, h.at, h.recorded_at",
            (fields, row) -> {
                fields.put("eventId", ((Number) row[0]).longValue());
                fields.put("taskId", row[1].toString());
                fields.put("type", (String) row[2]);
                fields.put("fromState", (String) row[3]);
                fields.put("toState", (String) row[4]);
                fields.set("detail", DETAIL.readTree((String) row[5]));
                fields.put("actor", (String) row[6]);
                fields.put("at", HashChain.instant(row[7]));
                fields.put("recordedAt", HashChain.instant(row[8]));
            },
            "(select t.unit_path from rectification_task t where t.id = h.task_id)");

    private final HashChain chain;

    @Inject
    TimelineChain(EntityManager em, SealKeys keys, ObjectMapper json, org.tuanjie.tasks.config.TasksConfig config) {
        this.chain = new HashChain(SPEC, em, keys, json, config.timelineDigest());
    }

    /** The chain itself: link, checkpoint, check, read. */
    public HashChain chain() {
        return chain;
    }

    @Scheduled(every = "${tasks.timeline.chain-every:5s}", identity = "timeline-chain",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void linkPeriodically() {
        chain.linkAll();
    }

    @Scheduled(every = "${tasks.timeline.checkpoint-every:1h}", identity = "timeline-checkpoint",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkpointPeriodically() {
        chain.linkAndCheckpoint();
    }
}
