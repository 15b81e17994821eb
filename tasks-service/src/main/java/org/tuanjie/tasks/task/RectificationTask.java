package org.tuanjie.tasks.task;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tuanjie.platform.audit.Audited;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.tasks.inspection.Category;
import org.tuanjie.tasks.inspection.UnitSnapshot;
import org.tuanjie.tasks.task.TaskExceptions.EvidenceRequired;
import org.tuanjie.tasks.task.TaskExceptions.IllegalTransition;
import org.tuanjie.tasks.task.TaskExceptions.SelfVerification;
import org.tuanjie.tasks.task.TaskExceptions.TaskAlreadyVerified;

/**
 * A rectification task (整改任务): {@code ASSIGNED → IN_PROGRESS → SUBMITTED → VERIFIED}, with
 * {@code SUBMITTED → REJECTED → IN_PROGRESS}, and {@code 退办} back to the office from
 * {@code ASSIGNED} or {@code IN_PROGRESS}. Every other move throws. Each method returns the event
 * the timeline records.
 */
@Entity
@Table(name = "rectification_task")
public class RectificationTask extends Audited {

    public static final int TITLE_MAX = 300;
    public static final int MEASURES_MAX = 4000;
    public static final int RESPONSIBLE_PERSON_MAX = 100;
    /** Co-operating units (配合单位) of one task. */
    public static final int COOPERATING_UNITS_MAX = 20;
    public static final int REPORT_MAX = 10000;
    /** Why a submission is rejected or a task handed back; a co-operating unit's note. */
    public static final int REASON_MAX = 2000;
    /** Files one submission attaches. */
    public static final int SUBMITTED_EVIDENCE_MAX = 20;
    /**
     * Files a task holds as proof, every submission's together: a task rejected again and again cannot gather
     * files without end, and its timeline line naming them all stays bounded.
     */
    public static final int EVIDENCE_MAX = 100;

    @Id
    private UUID id;

    @Column(name = "finding_id", updatable = false)
    private UUID findingId;

    @Column(name = "inspection_id", updatable = false)
    private UUID inspectionId;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category;

    @Column(nullable = false)
    private String measures;

    @Embedded
    private UnitSnapshot unit;

    @Column(name = "township_code")
    private String townshipCode;

    @Column(name = "township_name")
    private String townshipName;

    @Column(name = "responsible_person", nullable = false)
    private String responsiblePerson;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cooperating_units", nullable = false)
    private List<CooperatingUnit> cooperatingUnits;

    @Column(name = "owner_path", nullable = false, updatable = false)
    private String ownerPath;

    @Column(nullable = false)
    private LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskState state;

    @Column(name = "completion_report")
    private String completionReport;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "verified_by")
    private String verifiedBy;

    @Column(name = "verified_by_name")
    private String verifiedByName;

    @Column(name = "verified_at")
    private OffsetDateTime verifiedAt;

    @Column(name = "overdue_flagged_at")
    private OffsetDateTime overdueFlaggedAt;

    @Column(name = "evidence_required", nullable = false)
    private boolean evidenceRequired;

    @Column(name = "import_id", updatable = false)
    private UUID importId;

    protected RectificationTask() {
        // for JPA
    }

    /**
     * @param township the township the responsible unit lies in (itself, or an ancestor), if any
     */
    public static RectificationTask assign(Assignment assignment, UnitSnapshot unit, UnitSnapshot township,
            String ownerPath) {
        RectificationTask task = new RectificationTask();
        task.id = UUID.randomUUID();
        task.findingId = assignment.findingId();
        task.inspectionId = assignment.inspectionId();
        task.title = assignment.title();
        task.category = assignment.category();
        task.measures = assignment.measures();
        task.unit = unit;
        task.townshipCode = township == null ? null : township.code();
        task.townshipName = township == null ? null : township.name();
        task.responsiblePerson = assignment.responsiblePerson();
        task.cooperatingUnits = List.copyOf(assignment.cooperatingUnits());
        task.ownerPath = ownerPath;
        task.deadline = assignment.deadline();
        task.state = TaskState.ASSIGNED;
        task.evidenceRequired = assignment.evidenceRequired();
        return task;
    }

    /**
     * A task as a county's ledger kept it before the suite, brought in by {@code importer}: assigned, started,
     * submitted and signed off when the ledger says, each line of its timeline at that time and recorded now, naming
     * the import. Only the states a ledger vouches for come in (已交办, 整改中, 待验收, 已销号). A deadline the ledger
     * shows moved is dated on the original deadline, the latest it can have been granted in time.
     *
     * @return the task and its timeline, oldest first, to be recorded in that order
     */
    public static FromLedger fromLedger(Assignment assignment, UnitSnapshot unit, UnitSnapshot township, String ownerPath,
            LedgerHistory history, String importer) {
        if (!LedgerHistory.STATES.contains(history.state())) {
            throw new IllegalArgumentException("a ledger does not vouch for " + history.state());
        }
        RectificationTask task = assign(assignment, unit, township, ownerPath);
        task.importId = history.importId();
        task.happenedAt(history.assignedAt());
        String importId = history.importId().toString();
        LocalDate first = history.originalDeadline() == null ? assignment.deadline() : history.originalDeadline();
        List<TaskEvent> timeline = new java.util.ArrayList<>();
        timeline.add(TaskEvent.historical(task, TaskEvent.Type.ASSIGNED, null, TaskState.ASSIGNED, importer,
                java.util.Map.of("unit", unit.code(), "deadline", first.toString(), "importId", importId), history.assignedAt()));
        if (!first.equals(assignment.deadline())) {
            OffsetDateTime granted = latest(history.assignedAt(), first.atStartOfDay(history.assignedAt().getOffset()).toOffsetDateTime());
            timeline.add(TaskEvent.historical(task, TaskEvent.Type.DEADLINE_EXTENDED, TaskState.ASSIGNED, TaskState.ASSIGNED,
                    importer, java.util.Map.of("from", first.toString(), "to", assignment.deadline().toString(),
                            "importId", importId), granted));
        }
        if (history.state() != TaskState.ASSIGNED) {
            task.state = TaskState.IN_PROGRESS;
            timeline.add(TaskEvent.historical(task, TaskEvent.Type.STATE_CHANGED, TaskState.ASSIGNED, TaskState.IN_PROGRESS,
                    importer, java.util.Map.of("action", "start", "importId", importId), history.assignedAt()));
        }
        if (history.state() == TaskState.SUBMITTED || history.state() == TaskState.VERIFIED) {
            task.state = TaskState.SUBMITTED;
            task.completionReport = history.report();
            task.submittedAt = history.submittedAt();
            java.util.Map<String, String> detail = new java.util.HashMap<>(java.util.Map.of("action", "submit", "importId", importId));
            if (history.report() != null) {
                detail.put("note", history.report());
            }
            timeline.add(TaskEvent.historical(task, TaskEvent.Type.STATE_CHANGED, TaskState.IN_PROGRESS, TaskState.SUBMITTED,
                    importer, detail, history.submittedAt()));
        }
        if (history.state() == TaskState.VERIFIED) {
            task.state = TaskState.VERIFIED;
            task.verifiedBy = importer;
            task.verifiedByName = history.verifierName();
            task.verifiedAt = history.verifiedAt();
            java.util.Map<String, String> detail = new java.util.HashMap<>(java.util.Map.of("action", "verify", "importId", importId));
            if (history.verifierName() != null) {
                detail.put("verifier", history.verifierName());
            }
            timeline.add(TaskEvent.historical(task, TaskEvent.Type.STATE_CHANGED, TaskState.SUBMITTED, TaskState.VERIFIED,
                    importer, detail, history.verifiedAt()));
        }
        return new FromLedger(task, List.copyOf(timeline));
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    public TaskEvent start(String actor) {
        return move(TaskState.IN_PROGRESS, "start", actor, null, TaskState.ASSIGNED, TaskState.REJECTED);
    }

    /**
     * @param evidence every file the task holds as proof once submitted (this submission's and any earlier one's)
     */
    public TaskEvent submit(String report, List<Evidence> evidence, String actor) {
        if (report == null || report.isBlank()) {
            throw new Problems.InvalidInput(new Violation("completionReport", "task.report-required"));
        }
        if (state == TaskState.IN_PROGRESS && evidenceRequired && evidence.isEmpty()) {
            throw new EvidenceRequired();
        }
        if (evidence.size() > EVIDENCE_MAX) {
            throw new Problems.InvalidInput(new Violation("evidence", "task.evidence-too-many", EVIDENCE_MAX, evidence.size()));
        }
        TaskEvent event = move(TaskState.SUBMITTED, "submit", actor, report, TaskState.IN_PROGRESS);
        if (!evidence.isEmpty()) {
            event = event.with("evidence", Evidence.listed(evidence));
        }
        this.completionReport = report;
        this.submittedBy = actor;
        this.submittedAt = now();
        return event;
    }

    /**
     * @param frozen the evidence signed off with the task: from now on it stays as it is
     */
    public TaskEvent verify(String actor, List<Evidence> frozen) {
        return verify(actor, actor, frozen);
    }

    /** @param actorName the verifier's name, as the ledger shows it (their login when the token names nobody) */
    public TaskEvent verify(String actor, String actorName, List<Evidence> frozen) {
        if (state == TaskState.SUBMITTED && actor.equals(submittedBy)) {
            throw new SelfVerification();
        }
        TaskEvent event = move(TaskState.VERIFIED, "verify", actor, null, TaskState.SUBMITTED);
        if (!frozen.isEmpty()) {
            event = event.with("frozenEvidence", Evidence.listed(frozen));
        }
        this.verifiedBy = actor;
        this.verifiedByName = actorName;
        this.verifiedAt = now();
        return event;
    }

    public TaskEvent reject(String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new Problems.InvalidInput(new Violation("reason", "field.required"));
        }
        return move(TaskState.REJECTED, "reject", actor, reason, TaskState.SUBMITTED);
    }

    public TaskEvent handBack(String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new Problems.InvalidInput(new Violation("reason", "field.required"));
        }
        return move(TaskState.HANDED_BACK, "hand-back", actor, reason, TaskState.ASSIGNED, TaskState.IN_PROGRESS);
    }

    /** The office gives a handed-back task to the right unit. */
    public TaskEvent reassign(UnitSnapshot newUnit, UnitSnapshot township, String person, String actor) {
        TaskEvent event = move(TaskState.ASSIGNED, "reassign", actor, unit.code() + " → " + newUnit.code(),
                TaskState.HANDED_BACK);
        this.unit = newUnit;
        this.townshipCode = township == null ? null : township.code();
        this.townshipName = township == null ? null : township.name();
        this.responsiblePerson = person;
        return event;
    }

    /** A co-operating unit (配合单位) reports what it did; the task's state does not change. */
    public TaskEvent contribute(String unitCode, String note, String actor) {
        if (note == null || note.isBlank()) {
            throw new Problems.InvalidInput(new Violation("note", "field.required"));
        }
        requireNotVerified();
        return TaskEvent.of(this, TaskEvent.Type.CONTRIBUTED, state, state, actor, java.util.Map.of("unit", unitCode, "note", note));
    }

    /** An approved extension (延期): the old deadline stays on the timeline. */
    public TaskEvent extendTo(LocalDate newDeadline, String actor) {
        requireNotVerified();
        TaskEvent event = TaskEvent.of(this, TaskEvent.Type.DEADLINE_EXTENDED, state, state, actor,
                java.util.Map.of("from", deadline.toString(), "to", newDeadline.toString()));
        this.deadline = newDeadline;
        this.overdueFlaggedAt = null;
        return event;
    }

    /** Marks the task as found overdue once; false when it already was, or is not overdue. */
    public boolean flagOverdue(LocalDate today) {
        if (state == TaskState.VERIFIED || !today.isAfter(deadline) || overdueFlaggedAt != null) {
            return false;
        }
        overdueFlaggedAt = now();
        return true;
    }

    public boolean isOverdue(LocalDate today) {
        return state != TaskState.VERIFIED && today.isAfter(deadline);
    }

    private TaskEvent move(TaskState to, String action, String actor, String note, TaskState... from) {
        requireNotVerified();
        if (!java.util.Arrays.asList(from).contains(state)) {
            throw new IllegalTransition(state, action);
        }
        TaskState before = state;
        state = to;
        return TaskEvent.of(this, TaskEvent.Type.STATE_CHANGED, before, to, actor,
                note == null ? java.util.Map.of("action", action) : java.util.Map.of("action", action, "note", note));
    }

    private void requireNotVerified() {
        if (state == TaskState.VERIFIED) {
            throw new TaskAlreadyVerified();
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public UUID findingId() {
        return findingId;
    }

    public UUID inspectionId() {
        return inspectionId;
    }

    public String title() {
        return title;
    }

    public Category category() {
        return category;
    }

    public String measures() {
        return measures;
    }

    public UnitSnapshot unit() {
        return unit;
    }

    public String townshipCode() {
        return townshipCode;
    }

    public String townshipName() {
        return townshipName;
    }

    public String responsiblePerson() {
        return responsiblePerson;
    }

    public List<CooperatingUnit> cooperatingUnits() {
        return cooperatingUnits;
    }

    public String ownerPath() {
        return ownerPath;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public TaskState state() {
        return state;
    }

    public String completionReport() {
        return completionReport;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public String verifiedBy() {
        return verifiedBy;
    }

    public OffsetDateTime verifiedAt() {
        return verifiedAt;
    }

    public OffsetDateTime overdueFlaggedAt() {
        return overdueFlaggedAt;
    }

    /** Whether the completion report must come with at least one piece of evidence. */
    public boolean evidenceRequired() {
        return evidenceRequired;
    }

    /** The ledger import that brought the task in from before the suite, if one did. */
    public UUID importId() {
        return importId;
    }

    /**
     * What a ledger line says happened to a task before the suite kept it.
     *
     * @param originalDeadline the deadline first set, when an extension moved it; else null
     * @param submittedAt when the unit reported the task done (待验收 and 已销号)
     * @param verifiedAt when the office signed it off (已销号)
     */
    public record LedgerHistory(UUID importId, OffsetDateTime assignedAt, LocalDate originalDeadline, TaskState state,
            OffsetDateTime submittedAt, String report, OffsetDateTime verifiedAt, String verifierName) {

        /** What a ledger vouches for; a rejection or hand-back is the office's act in the suite. */
        public static final java.util.Set<TaskState> STATES = java.util.EnumSet.of(TaskState.ASSIGNED,
                TaskState.IN_PROGRESS, TaskState.SUBMITTED, TaskState.VERIFIED);
    }

    /** A task brought in from a ledger, and its timeline, oldest first. */
    public record FromLedger(RectificationTask task, List<TaskEvent> timeline) {
    }

    /** What the office decided when it assigned the task. */
    public record Assignment(UUID findingId, UUID inspectionId, String title, Category category, String measures,
            String responsiblePerson, List<CooperatingUnit> cooperatingUnits, LocalDate deadline, boolean evidenceRequired) {
    }

    /** A co-operating unit (配合单位). */
    public record CooperatingUnit(UUID id, String code, String name) {
    }
}
