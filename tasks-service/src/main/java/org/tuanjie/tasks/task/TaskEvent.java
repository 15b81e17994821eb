package org.tuanjie.tasks.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One line of a task's timeline: what changed, from what to what, who, when. Never changed after.
 */
@Entity
@Table(name = "task_event")
public class TaskEvent {

    /** What a timeline line records. */
    @Schema(name = "TaskEventType")
    public enum Type {
        /** 交办 */
        ASSIGNED,
        /** A move of the state machine; {@code detail.action} names it (start, submit, verify, ...). */
        STATE_CHANGED,
        /** A co-operating unit's note (配合单位) */
        CONTRIBUTED,
        /** 延期申请 */
        EXTENSION_REQUESTED,
        /** An extension approved: the deadline moved */
        DEADLINE_EXTENDED,
        EXTENSION_REFUSED,
        /** 催办 */
        URGED,
        /** Found past its deadline by the overdue check */
        OVERDUE
    }

    /**
     * The longest value of {@link #detail()}: the evidence a task holds, as listed on its submission or sign-off,
     * longer than a completion report (the note of a submission).
     */
    public static final int DETAIL_VALUE_MAX =
            RectificationTask.EVIDENCE_MAX * Evidence.LISTED_LENGTH > RectificationTask.REPORT_MAX
                    ? RectificationTask.EVIDENCE_MAX * Evidence.LISTED_LENGTH : RectificationTask.REPORT_MAX;
    /** The most lines a task's timeline shows, oldest first: far more than a task's life brings. */
    public static final int LISTED_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false, updatable = false)
    private UUID taskId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Type type;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false)
    private TaskState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", updatable = false)
    private TaskState toState;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private Map<String, String> detail;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private OffsetDateTime at;

    /** When the line was written: {@link #at} for work done in the suite, later for history brought in. */
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    protected TaskEvent() {
        // for JPA
    }

    public static TaskEvent of(RectificationTask task, Type type, TaskState from, TaskState to, String actor,
            Map<String, String> detail) {
        TaskEvent event = new TaskEvent();
        event.taskId = task.id();
        event.type = type;
        event.fromState = from;
        event.toState = to;
        event.actor = actor;
        event.detail = Map.copyOf(detail);
        event.at = OffsetDateTime.now(ZoneOffset.UTC);
        event.recordedAt = event.at;
        return event;
    }

    /**
     * A line of history brought in from before the suite: what happened then, written now by {@code actor} (who
     * brought it in).
     */
    static TaskEvent historical(RectificationTask task, Type type, TaskState from, TaskState to, String actor,
            Map<String, String> detail, OffsetDateTime happened) {
        TaskEvent event = of(task, type, from, to, actor, detail);
        event.at = happened;
        return event;
    }

    /** The same event with one more detail, before it is recorded. */
    public TaskEvent with(String key, String value) {
        if (id != null) {
            throw new IllegalStateException("a recorded event never changes");
        }
        java.util.Map<String, String> more = new java.util.HashMap<>(detail);
        more.put(key, value);
        detail = Map.copyOf(more);
        return this;
    }

    public Long id() {
        return id;
    }

    public UUID taskId() {
        return taskId;
    }

    public Type type() {
        return type;
    }

    public TaskState fromState() {
        return fromState;
    }

    public TaskState toState() {
        return toState;
    }

    public Map<String, String> detail() {
        return detail;
    }

    public String actor() {
        return actor;
    }

    public OffsetDateTime at() {
        return at;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }
}
