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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One line of a task's timeline: what changed, from what to what, who, when. Never changed after.
 */
@Entity
@Table(name = "task_event")
public class TaskEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false, updatable = false)
    private UUID taskId;

    @Column(nullable = false, updatable = false)
    private String type;

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

    protected TaskEvent() {
        // for JPA
    }

    public static TaskEvent of(RectificationTask task, String type, TaskState from, TaskState to, String actor,
            Map<String, String> detail) {
        TaskEvent event = new TaskEvent();
        event.taskId = task.id();
        event.type = type;
        event.fromState = from;
        event.toState = to;
        event.actor = actor;
        event.detail = Map.copyOf(detail);
        event.at = OffsetDateTime.now(ZoneOffset.UTC);
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

    public String type() {
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
}
