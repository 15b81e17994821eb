package org.tuanjie.tasks.task.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.hibernate.Timeouts;
import org.jboss.logging.Logger;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.tasks.task.RectificationTask;
import org.tuanjie.tasks.task.TaskChanged;
import org.tuanjie.tasks.task.TaskEvent;
import org.tuanjie.tasks.task.TaskState;
import org.tuanjie.tasks.task.UrgingNotice;

/**
 * Finds the tasks that went past their deadline since the last run and flags each once, with an
 * automatic urging notice (催办) and a timeline line. Running it twice flags nothing new.
 */
@ApplicationScoped
public class OverdueCheck {

    private static final Logger LOG = Logger.getLogger(OverdueCheck.class);

    @Inject
    EntityManager em;

    @Inject
    TasksConfig config;

    /** What follows from a line of a task's timeline: the events told to other platforms, the inbox. */
    @Inject
    Event<TaskChanged> changed;

    /** Tasks flagged per transaction: a short one, so that nobody's write to a task waits on a long run. */
    static final int BATCH = 100;

    @Inject
    OverdueCheck self;

    @Scheduled(every = "${tasks.overdue-check.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int flagged = run(null);
        if (flagged > 0) {
            LOG.infof("Flagged %d newly overdue task(s)", flagged);
        }
    }

    /**
     * Flags in batches of {@value #BATCH}, each its own transaction, until none is left. A task another run holds (a
     * second replica's scheduled run, a caller's run) is skipped, not waited for: that run flags it. So replicas
     * running the check at once share the work and flag each task once.
     *
     * @param within the reach of the caller who asked for the run: only tasks whose unit or assigning
     *        office lies in it are flagged and counted; {@code null} for the scheduled run over all
     * @return how many tasks were newly flagged
     */
    public int run(UnitPath within) {
        int flagged = 0;
        int batch;
        do {
            batch = self.flagBatch(within);
            flagged += batch;
        } while (batch == BATCH);
        return flagged;
    }

    /** Flags up to {@value #BATCH} overdue tasks no other run holds; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int flagBatch(UnitPath within) {
        var today = config.today();
        List<RectificationTask> due = em.createQuery("""
                select t from RectificationTask t
                where t.state <> :verified and t.deadline < :today and t.overdueFlaggedAt is null
                  and (:all = true or t.unit.path like :scope or t.ownerPath like :scope)
                order by t.id""",
                RectificationTask.class)
                .setParameter("verified", TaskState.VERIFIED).setParameter("today", today)
                .setParameter("all", within == null)
                .setParameter("scope", within == null ? "" : within.likePattern())
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI)
                .setMaxResults(BATCH)
                .getResultList();
        int flagged = 0;
        for (RectificationTask task : due) {
            if (task.flagOverdue(today)) {
                em.persist(new UrgingNotice(task.id(), "整改任务已逾期（时限 " + task.deadline() + "），请立即整改并提交", true,
                        Caller.SYSTEM));
                TaskEvent event = TaskEvent.of(task, TaskEvent.Type.OVERDUE, task.state(), task.state(), Caller.SYSTEM,
                        Map.of("deadline", task.deadline().toString()));
                em.persist(event);
                em.flush();
                changed.fire(new TaskChanged(task, event));
                flagged++;
            }
        }
        return flagged;
    }
}
