package org.tuanjie.tasks.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.audit.Audited;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.tasks.task.TaskExceptions.ExtensionAfterDeadline;
import org.tuanjie.tasks.task.TaskExceptions.ExtensionAlreadyDecided;

/**
 * 延期申请: asked before the deadline, with a reason and a later date; approved or refused once.
 */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest extends Audited {

    public static final int REASON_MAX = 2000;
    public static final int NOTE_MAX = 2000;
    /** The most requests a task's list shows, oldest first: one is pending at a time, and this many is not expected. */
    public static final int LISTED_MAX = 100;

    @Schema(name = "ExtensionState")
    public enum State { PENDING, APPROVED, REFUSED }

    @Id
    private UUID id;

    @Column(name = "task_id", nullable = false, updatable = false)
    private UUID taskId;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "current_deadline", nullable = false, updatable = false)
    private LocalDate currentDeadline;

    @Column(name = "requested_deadline", nullable = false, updatable = false)
    private LocalDate requestedDeadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "decision_note")
    private String decisionNote;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected ExtensionRequest() {
        // for JPA
    }

    /**
     * When an extension may be asked: on its own before the deadline; after it only together with the late submission
     * it explains (补办延期), for a deadline that covers the day of submission.
     */
    public enum Asked {
        BEFORE_DEADLINE,
        WITH_LATE_SUBMISSION
    }

    public static ExtensionRequest ask(RectificationTask task, String reason, LocalDate requested, LocalDate today) {
        return ask(task, reason, requested, today, Asked.BEFORE_DEADLINE);
    }

    public static ExtensionRequest ask(RectificationTask task, String reason, LocalDate requested, LocalDate today,
            Asked asked) {
        if (task.state() == TaskState.VERIFIED) {
            throw new TaskExceptions.TaskAlreadyVerified();
        }
        boolean late = today.isAfter(task.deadline());
        if (asked == Asked.BEFORE_DEADLINE && late) {
            throw new ExtensionAfterDeadline();
        }
        if (asked == Asked.WITH_LATE_SUBMISSION && !late) {
            throw new Problems.InvalidInput(new Violation("extension", "extension.not-late", task.deadline().toString()));
        }
        String field = asked == Asked.WITH_LATE_SUBMISSION ? "extension.requestedDeadline" : "requestedDeadline";
        if (requested == null || !requested.isAfter(task.deadline())) {
            throw new Problems.InvalidInput(new Violation(field, "extension.later"));
        }
        if (asked == Asked.WITH_LATE_SUBMISSION && requested.isBefore(today)) {
            throw new Problems.InvalidInput(new Violation(field, "extension.covers-submission", today.toString()));
        }
        ExtensionRequest request = new ExtensionRequest();
        request.id = UUID.randomUUID();
        request.taskId = task.id();
        request.reason = reason;
        request.currentDeadline = task.deadline();
        request.requestedDeadline = requested;
        request.state = State.PENDING;
        return request;
    }

    public TaskEvent approve(RectificationTask task, String note, String actor) {
        decide(State.APPROVED, note, actor);
        return task.extendTo(requestedDeadline, actor);
    }

    public void refuse(String note, String actor) {
        decide(State.REFUSED, note, actor);
    }

    private void decide(State outcome, String note, String actor) {
        if (state != State.PENDING) {
            throw new ExtensionAlreadyDecided();
        }
        state = outcome;
        decisionNote = note;
        decidedBy = actor;
        decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public UUID taskId() {
        return taskId;
    }

    public String reason() {
        return reason;
    }

    public LocalDate currentDeadline() {
        return currentDeadline;
    }

    public LocalDate requestedDeadline() {
        return requestedDeadline;
    }

    public State state() {
        return state;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }
}
