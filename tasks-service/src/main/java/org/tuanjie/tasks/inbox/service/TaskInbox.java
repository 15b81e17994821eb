package org.tuanjie.tasks.inbox.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.tuanjie.platform.inbox.Audience;
import org.tuanjie.platform.inbox.InboxStore;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.platform.security.Roles;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.tasks.inbox.InboxKind;
import org.tuanjie.tasks.task.RectificationTask;
import org.tuanjie.tasks.task.TaskChanged;
import org.tuanjie.tasks.task.TaskEvent;
import org.tuanjie.unitsclient.Jurisdiction;

/**
 * Keeps each person's inbox as the tasks move: every line of a task's timeline opens what now waits on someone (the
 * unit's staff, or the office that assigned it) and resolves what it answered, in the transaction of the change.
 * A task nearing its deadline is found by the clock instead, once per deadline.
 */
@ApplicationScoped
public class TaskInbox {

    /** How many days before a deadline the unit's staff are told it is near. */
    static final int NEAR_DAYS = 3;

    /** The unit's items that its submission answers: the office has it now. */
    private static final Set<InboxKind> ANSWERED_BY_SUBMITTING = Set.of(InboxKind.NEW_TASK, InboxKind.REJECTED,
            InboxKind.URGED, InboxKind.DEADLINE_NEAR, InboxKind.OVERDUE, InboxKind.EXTENSION_DECIDED);

    @Inject
    EntityManager em;

    @Inject
    InboxStore inbox;

    @Inject
    Caller caller;

    @Inject
    Jurisdiction jurisdiction;

    /** What was written, resolved or marked read in the caller's inbox since the cursor. */
    public InboxStore.Batch read(Cursor after, int limit) {
        return inbox.since(reader(), after, limit);
    }

    /** Marks an item of the caller's inbox read, for the caller; marking it again changes nothing. */
    public void markRead(UUID id) {
        inbox.markRead(id, reader());
    }

    /** A unit's liaison and leader read their unit's items, an office's admins and inspectors the office's. */
    private InboxStore.Reader reader() {
        return InboxStore.Reader.of(jurisdiction.rootPath(), caller, Roles.UNIT, Roles.OFFICE);
    }

    @Inject
    TasksConfig config;

    void taskChanged(@Observes TaskChanged change) {
        RectificationTask task = change.task();
        TaskEvent event = change.event();
        Map<String, String> detail = event.detail();
        switch (event.type()) {
            case ASSIGNED -> open(task, InboxKind.NEW_TASK, Map.of());
            case URGED -> open(task, InboxKind.URGED, pick(detail, "message"));
            case EXTENSION_REQUESTED -> open(task, InboxKind.EXTENSION_REQUESTED, pick(detail, "reason", "requestedDeadline"));
            case DEADLINE_EXTENDED, EXTENSION_REFUSED -> {
                resolve(task, Set.of(InboxKind.EXTENSION_REQUESTED));
                Map<String, Object> decided = new LinkedHashMap<>(pick(detail, "note"));
                decided.put("approved", event.type() == TaskEvent.Type.DEADLINE_EXTENDED);
                open(task, InboxKind.EXTENSION_DECIDED, decided);
            }
            case OVERDUE -> {
                open(task, InboxKind.OVERDUE, Map.of());
                open(task, InboxKind.OVERDUE_AT_OFFICE, Map.of());
            }
            case STATE_CHANGED -> moved(task, event);
            case CONTRIBUTED -> {
                // news for the task's timeline, not work for anyone
            }
        }
    }

    private void moved(RectificationTask task, TaskEvent event) {
        switch (event.toState()) {
            case IN_PROGRESS -> resolve(task, Set.of(InboxKind.NEW_TASK, InboxKind.REJECTED));
            case SUBMITTED -> {
                resolve(task, ANSWERED_BY_SUBMITTING);
                open(task, InboxKind.TO_VERIFY, Map.of());
            }
            case REJECTED -> {
                resolve(task, Set.of(InboxKind.TO_VERIFY));
                open(task, InboxKind.REJECTED, reason(event));
            }
            case VERIFIED -> resolve(task, Set.of(InboxKind.values()));
            case HANDED_BACK -> {
                resolve(task, Set.of(InboxKind.values()));
                open(task, InboxKind.HANDED_BACK, reason(event));
            }
            case ASSIGNED -> { // reassigned, to another unit
                resolve(task, Set.of(InboxKind.HANDED_BACK));
                open(task, InboxKind.NEW_TASK, Map.of());
            }
        }
    }

    /**
     * The tasks whose deadline is within {@value #NEAR_DAYS} days and whose unit still has work on them: an item for
     * the unit's staff, once per deadline (an extended deadline is near again later).
     *
     * @return how many were found near
     */
    @Transactional
    public int deadlinesNear() {
        var today = config.today();
        return em.createNativeQuery("""
                insert into inbox_item (id, kind, about_id, unit_path, audience, detail, dedup_key, created_at)
                select gen_random_uuid(), 'DEADLINE_NEAR', t.id, t.unit_path, 'UNIT',
                       jsonb_build_object('title', t.title, 'unitCode', t.unit_code, 'unitName', t.unit_name,
                                          'deadline', cast(t.deadline as text)),
                       'DEADLINE_NEAR:' || t.id || ':' || t.deadline, now()
                from rectification_task t
                where t.state in ('ASSIGNED', 'IN_PROGRESS', 'REJECTED') and t.deadline >= ?1 and t.deadline <= ?2
                on conflict (dedup_key) do nothing""")
                .setParameter(1, today).setParameter(2, today.plusDays(NEAR_DAYS)).executeUpdate();
    }

    @Scheduled(identity = "inbox-deadlines-near", every = "${tasks.inbox.deadline-check-every:1h}", delayed = "30s")
    void checkDeadlines() {
        deadlinesNear();
    }

    private void open(RectificationTask task, InboxKind kind, Map<String, Object> about) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("title", task.title());
        detail.put("unitCode", task.unit().code());
        detail.put("unitName", task.unit().name());
        detail.put("deadline", task.deadline().toString());
        detail.putAll(about);
        detail.values().removeIf(Objects::isNull);
        String path = kind.audience() == Audience.UNIT ? task.unit().path() : task.ownerPath();
        inbox.open(kind.name(), task.id(), path, kind.audience(), detail);
    }

    private void resolve(RectificationTask task, Set<InboxKind> kinds) {
        inbox.resolve(task.id(), kinds.stream().map(Enum::name).toList());
    }

    /** The reason a state change gave (its timeline line's note). */
    private static Map<String, Object> reason(TaskEvent event) {
        String note = event.detail() == null ? null : event.detail().get("note");
        return note == null ? Map.of() : Map.of("reason", note);
    }

    private static Map<String, Object> pick(Map<String, String> detail, String... keys) {
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String key : keys) {
            if (detail != null && detail.get(key) != null) {
                picked.put(key, detail.get(key));
            }
        }
        return picked;
    }
}
