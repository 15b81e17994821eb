package org.tuanjie.tasks.task.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.files.Capture;
import org.tuanjie.platform.files.FileView;
import org.tuanjie.platform.files.StoredFile;
import java.util.Map;
import java.util.UUID;
import org.tuanjie.tasks.inspection.Category;
import org.tuanjie.tasks.inspection.Subject;
import org.tuanjie.tasks.inspection.UnitSnapshot;
import org.tuanjie.tasks.inspection.mapping.InspectionViews.UnitView;
import org.tuanjie.tasks.task.ExtensionRequest;
import org.tuanjie.tasks.task.RectificationTask;
import org.tuanjie.tasks.task.TaskEvent;
import org.tuanjie.tasks.task.TaskState;
import org.tuanjie.tasks.task.UrgingNotice;
import org.tuanjie.tasks.task.Warning;

/**
 * Wire forms of rectification tasks and what hangs on them.
 */
public final class TaskViews {

    private TaskViews() {
    }

    @Schema(name = "Township")
    public record TownshipView(@Schema(example = "513221100000", maxLength = UnitSnapshot.CODE_MAX) String code,
            @Schema(example = "威州镇", maxLength = UnitSnapshot.NAME_MAX) String name) {
    }

    @Schema(name = "Task", description = "A rectification task (整改任务)")
    public record TaskView(UUID id, UUID findingId, UUID inspectionId,
            @Schema(example = "制作民族团结进步宣传栏并开展宣传活动", maxLength = RectificationTask.TITLE_MAX) String title,
            @Schema(example = "PUBLICITY") Category category,
            @Schema(example = "4月底前在单位门口设置宣传栏，每季度开展一次宣传活动", maxLength = RectificationTask.MEASURES_MAX) String measures,
            @Schema(description = "Responsible unit (责任单位)") UnitView unit,
            TownshipView township,
            @Schema(example = "扎西", maxLength = RectificationTask.RESPONSIBLE_PERSON_MAX) String responsiblePerson,
            @Schema(description = "Co-operating units (配合单位)", maxItems = RectificationTask.COOPERATING_UNITS_MAX)
            List<UnitView> cooperatingUnits,
            @Schema(example = "2026-04-30") LocalDate deadline,
            @Schema(example = "IN_PROGRESS") TaskState state,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "红黄绿灯; absent once verified", example = "YELLOW") Warning warning,
            boolean overdue,
            @Schema(maxLength = RectificationTask.REPORT_MAX) String completionReport,
            @Schema(maxLength = Subject.MAX_LENGTH) String submittedBy, OffsetDateTime submittedAt,
            @Schema(description = "Who signed it off (销号)", maxLength = Subject.MAX_LENGTH) String verifiedBy,
            OffsetDateTime verifiedAt,
            @Schema(description = "Whether the completion report must come with evidence") boolean evidenceRequired,
            @Schema(description = "The files submitted as proof, oldest first; frozen once verified",
                    maxItems = RectificationTask.EVIDENCE_MAX) List<EvidenceView> evidence,
            @Schema(description = "Whether a photo in the evidence was taken before the task was assigned (for the verifier)")
            boolean evidencePredatesTask,
            OffsetDateTime createdAt, @Schema(maxLength = Subject.MAX_LENGTH) String createdBy, OffsetDateTime updatedAt,
            @Schema(maxLength = Subject.MAX_LENGTH) String updatedBy, long version) {
    }

    @Schema(name = "Evidence", description = "A file offered as proof, with what the verifier should look at")
    public record EvidenceView(FileView file,
            @Schema(description = "The photo's EXIF capture time is before the task was assigned: evidence predates the task")
            boolean predatesTask) {

        static EvidenceView of(StoredFile file, OffsetDateTime assignedAt) {
            Capture capture = file.capture();
            boolean predates = capture != null && capture.takenAt() != null && assignedAt != null
                    && capture.takenAt().isBefore(assignedAt.toInstant());
            return new EvidenceView(FileView.of(file), predates);
        }
    }

    @Schema(name = "NewTask", description = "From a finding (unit and category taken from it) or standalone, e.g. from a meeting")
    public record TaskRequest(UUID findingId,
            @Schema(description = "Required without findingId") UUID unitId,
            @Schema(description = "Required without findingId") Category category,
            @NotBlank @Size(max = RectificationTask.TITLE_MAX) String title,
            @NotBlank @Size(max = RectificationTask.MEASURES_MAX) String measures,
            @NotBlank @Size(max = RectificationTask.RESPONSIBLE_PERSON_MAX) @Schema(example = "扎西") String responsiblePerson,
            @Size(max = RectificationTask.COOPERATING_UNITS_MAX) List<@NotNull UUID> cooperatingUnitIds,
            @NotNull @Schema(example = "2026-04-30") LocalDate deadline,
            @Schema(description = "Whether the report must come with evidence; by default as configured for the category (tasks.evidence.required-for)")
            Boolean evidenceRequired) {
    }

    @Schema(name = "TaskSubmission")
    public record Submission(@NotBlank @Size(max = RectificationTask.REPORT_MAX)
            @Schema(example = "已在单位门口设置宣传栏 2 块，4 月 12 日开展宣传活动一次，照片见附件") String completionReport,
            @Size(max = RectificationTask.SUBMITTED_EVIDENCE_MAX)
            @Schema(description = "Files uploaded under /evidence by the submitter, to attach as proof")
            List<@NotNull UUID> evidence,
            @Valid @Schema(description = "Only when the deadline has passed: the extension that explains the delay (补办延期), "
                    + "asked with the submission for a deadline no earlier than today; the office decides it as any other "
                    + "(400 `extension` when the deadline has not passed)") ExtensionAsk extension) {

        public List<UUID> evidenceOrNone() {
            return evidence == null ? List.of() : evidence;
        }
    }

    @Schema(name = "TaskReason")
    public record Reason(@NotBlank @Size(max = RectificationTask.REASON_MAX) @Schema(example = "宣传栏内容不符合要求，请补充双语内容") String reason) {
    }

    @Schema(name = "Reassignment")
    public record Reassignment(@NotNull UUID unitId,
            @NotBlank @Size(max = RectificationTask.RESPONSIBLE_PERSON_MAX) @Schema(example = "卓玛") String responsiblePerson) {
    }

    @Schema(name = "NewExtensionRequest", description = "延期申请")
    public record ExtensionAsk(@NotBlank @Size(max = ExtensionRequest.REASON_MAX) @Schema(example = "宣传栏制作需招标，申请延期一个月") String reason,
            @NotNull @Schema(example = "2026-05-31", description = "The deadline asked for: after the task's current one, "
                    + "and asked before that one has passed (or with a late submission)") LocalDate requestedDeadline) {
    }

    @Schema(name = "ExtensionDecision")
    public record Decision(@NotNull @Schema(description = "true approves, false refuses") Boolean approve,
            @Size(max = ExtensionRequest.NOTE_MAX) @Schema(example = "同意延期一个月") String note) {
    }

    @Schema(name = "ExtensionRequest")
    public record ExtensionView(UUID id, UUID taskId, @Schema(maxLength = ExtensionRequest.REASON_MAX) String reason,
            LocalDate currentDeadline, LocalDate requestedDeadline, @Schema(example = "PENDING") ExtensionRequest.State state,
            @Schema(maxLength = ExtensionRequest.NOTE_MAX) String decisionNote,
            @Schema(maxLength = Subject.MAX_LENGTH) String decidedBy, OffsetDateTime decidedAt, OffsetDateTime createdAt,
            @Schema(maxLength = Subject.MAX_LENGTH) String createdBy, long version) {
    }

    @Schema(name = "NewUrgingNotice", description = "催办")
    public record UrgeRequest(@NotBlank @Size(max = UrgingNotice.MESSAGE_MAX) @Schema(example = "请于本周内提交整改材料") String message) {
    }

    public record Contribution(@NotBlank @Size(max = RectificationTask.REASON_MAX) @Schema(example = "已配合完成双语标识牌的制作与安装") String note) {
    }

    @Schema(name = "UrgingNotice")
    public record UrgingView(UUID id, UUID taskId, @Schema(maxLength = UrgingNotice.MESSAGE_MAX) String message,
            boolean automatic, @Schema(maxLength = Subject.MAX_LENGTH) String issuedBy, OffsetDateTime issuedAt) {
    }

    @Schema(name = "TaskEvent", description = "One line of a task's timeline")
    public record EventView(long seq, @Schema(example = "STATE_CHANGED") TaskEvent.Type type,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent on the first event") TaskState fromState,
            TaskState toState, @Schema(additionalProperties = DetailValue.class) Map<String, String> detail,
            @Schema(maxLength = Subject.MAX_LENGTH) String actor,
            @Schema(description = "When it happened") OffsetDateTime at,
            @Schema(description = "When this line was written: `at` itself for work done in the suite, the day it was "
                    + "brought in for history imported from a ledger (then `detail.importId` names the import and `actor` "
                    + "who brought it in)") OffsetDateTime recordedAt) {
    }

    /** What the contract shows as a value of {@link EventView#detail()}. */
    @Schema(type = SchemaType.STRING, maxLength = TaskEvent.DETAIL_VALUE_MAX)
    static final class DetailValue {

        private DetailValue() {
        }
    }

    public static TaskView toView(RectificationTask t, LocalDate today, int yellowDays, List<StoredFile> evidence) {
        List<EvidenceView> proof = evidence.stream().map(f -> EvidenceView.of(f, t.createdAt())).toList();
        return new TaskView(t.id(), t.findingId(), t.inspectionId(), t.title(), t.category(), t.measures(),
                UnitView.of(t.unit()),
                t.townshipCode() == null ? null : new TownshipView(t.townshipCode(), t.townshipName()),
                t.responsiblePerson(),
                t.cooperatingUnits().stream().map(c -> new UnitView(c.id(), c.code(), c.name())).toList(),
                t.deadline(), t.state(), Warning.of(t.state(), t.deadline(), today, yellowDays), t.isOverdue(today),
                t.completionReport(), t.submittedBy(), t.submittedAt(), t.verifiedBy(), t.verifiedAt(),
                t.evidenceRequired(), proof, proof.stream().anyMatch(EvidenceView::predatesTask),
                t.createdAt(), t.createdBy(), t.updatedAt(), t.updatedBy(), t.version());
    }

    public static ExtensionView toView(ExtensionRequest e) {
        return new ExtensionView(e.id(), e.taskId(), e.reason(), e.currentDeadline(), e.requestedDeadline(), e.state(),
                e.decisionNote(), e.decidedBy(), e.decidedAt(), e.createdAt(), e.createdBy(), e.version());
    }

    public static UrgingView toView(UrgingNotice u) {
        return new UrgingView(u.id(), u.taskId(), u.message(), u.automatic(), u.issuedBy(), u.issuedAt());
    }

    public static EventView toView(TaskEvent e) {
        return new EventView(e.id(), e.type(), e.fromState(), e.toState(), e.detail(), e.actor(), e.at(), e.recordedAt());
    }
}
