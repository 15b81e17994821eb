package org.tuanjie.tasks.task.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.files.Capture;
import org.tuanjie.platform.files.FileView;
import org.tuanjie.platform.files.StoredFile;
import java.util.Map;
import java.util.UUID;
import org.tuanjie.tasks.inspection.Category;
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
    public record TownshipView(@Schema(example = "513221100000") String code, @Schema(example = "威州镇") String name) {
    }

    @Schema(name = "Task", description = "A rectification task (整改任务)")
    public record TaskView(UUID id, UUID findingId, UUID inspectionId,
            @Schema(example = "制作民族团结进步宣传栏并开展宣传活动") String title,
            @Schema(example = "PUBLICITY") Category category,
            @Schema(example = "4月底前在单位门口设置宣传栏，每季度开展一次宣传活动") String measures,
            @Schema(description = "Responsible unit (责任单位)") UnitView unit,
            TownshipView township,
            @Schema(example = "扎西") String responsiblePerson,
            @Schema(description = "Co-operating units (配合单位)") List<UnitView> cooperatingUnits,
            @Schema(example = "2026-04-30") LocalDate deadline,
            @Schema(example = "IN_PROGRESS") TaskState state,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "红黄绿灯; absent once verified", example = "YELLOW") Warning warning,
            boolean overdue,
            String completionReport, String submittedBy, OffsetDateTime submittedAt,
            @Schema(description = "Who signed it off (销号)") String verifiedBy, OffsetDateTime verifiedAt,
            @Schema(description = "Whether the completion report must come with evidence") boolean evidenceRequired,
            @Schema(description = "The files submitted as proof, oldest first; frozen once verified") List<EvidenceView> evidence,
            @Schema(description = "Whether a photo in the evidence was taken before the task was assigned (for the verifier)")
            boolean evidencePredatesTask,
            OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy, long version) {
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
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 4000) String measures,
            @NotBlank @Size(max = 100) @Schema(example = "扎西") String responsiblePerson,
            @Size(max = 20) List<@NotNull UUID> cooperatingUnitIds,
            @NotNull @Schema(example = "2026-04-30") LocalDate deadline,
            @Schema(description = "Whether the report must come with evidence; by default as configured for the category (tasks.evidence.required-for)")
            Boolean evidenceRequired) {
    }

    @Schema(name = "TaskSubmission")
    public record Submission(@NotBlank @Size(max = 10000)
            @Schema(example = "已在单位门口设置宣传栏 2 块，4 月 12 日开展宣传活动一次，照片见附件") String completionReport,
            @Size(max = 20) @Schema(description = "Files uploaded under /evidence by the submitter, to attach as proof")
            List<@NotNull UUID> evidence) {

        public List<UUID> evidenceOrNone() {
            return evidence == null ? List.of() : evidence;
        }
    }

    @Schema(name = "TaskReason")
    public record Reason(@NotBlank @Size(max = 2000) @Schema(example = "宣传栏内容不符合要求，请补充双语内容") String reason) {
    }

    @Schema(name = "Reassignment")
    public record Reassignment(@NotNull UUID unitId, @NotBlank @Size(max = 100) String responsiblePerson) {
    }

    @Schema(name = "NewExtensionRequest", description = "延期申请")
    public record ExtensionAsk(@NotBlank @Size(max = 2000) @Schema(example = "宣传栏制作需招标，申请延期一个月") String reason,
            @NotNull @Schema(example = "2026-05-31") LocalDate requestedDeadline) {
    }

    @Schema(name = "ExtensionDecision")
    public record Decision(@NotNull @Schema(description = "true approves, false refuses") Boolean approve,
            @Size(max = 2000) String note) {
    }

    @Schema(name = "ExtensionRequest")
    public record ExtensionView(UUID id, UUID taskId, String reason, LocalDate currentDeadline,
            LocalDate requestedDeadline, @Schema(example = "PENDING") ExtensionRequest.State state, String decisionNote,
            String decidedBy, OffsetDateTime decidedAt, OffsetDateTime createdAt, String createdBy, long version) {
    }

    @Schema(name = "NewUrgingNotice", description = "催办")
    public record UrgeRequest(@NotBlank @Size(max = 2000) @Schema(example = "请于本周内提交整改材料") String message) {
    }

    public record Contribution(@NotBlank @Size(max = 2000) @Schema(example = "已配合完成双语标识牌的制作与安装") String note) {
    }

    @Schema(name = "UrgingNotice")
    public record UrgingView(UUID id, UUID taskId, String message, boolean automatic, String issuedBy,
            OffsetDateTime issuedAt) {
    }

    @Schema(name = "TaskEvent", description = "One line of a task's timeline")
    public record EventView(long seq, @Schema(example = "STATE_CHANGED") String type,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent on the first event") TaskState fromState,
            TaskState toState, Map<String, String> detail, String actor, OffsetDateTime at) {
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
        return new EventView(e.id(), e.type(), e.fromState(), e.toState(), e.detail(), e.actor(), e.at());
    }
}
