package org.tuanjie.tasks.inspection.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.tuanjie.platform.files.FileView;
import org.tuanjie.platform.files.StoredFile;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.tasks.inspection.Category;
import org.tuanjie.tasks.inspection.Finding;
import org.tuanjie.tasks.inspection.Inspection;
import org.tuanjie.tasks.inspection.Severity;
import org.tuanjie.tasks.inspection.Subject;
import org.tuanjie.tasks.inspection.UnitSnapshot;

/**
 * Wire forms of inspections and findings.
 */
public final class InspectionViews {

    private InspectionViews() {
    }

    @Schema(name = "UnitRef", description = "A unit as recorded here")
    public record UnitView(UUID id, @Schema(example = "513221100000", maxLength = UnitSnapshot.CODE_MAX) String code,
            @Schema(example = "威州镇", maxLength = UnitSnapshot.NAME_MAX) String name) {
        public static UnitView of(UnitSnapshot unit) {
            return unit == null ? null : new UnitView(unit.id(), unit.code(), unit.name());
        }
    }

    @Schema(name = "InspectionGroup", description = "督查组")
    public record GroupView(@NotBlank @Size(max = 100) @Schema(example = "第一督查组") String name,
            @Size(max = 50) @Schema(example = "张明") String leader,
            @Size(max = 30) List<@NotBlank @Size(max = 50) String> members) {
    }

    @Schema(name = "Inspection", description = "An inspection (督查)")
    public record InspectionView(UUID id,
            @Schema(example = "2026年3月民族团结进步创建工作督查", maxLength = Inspection.TITLE_MAX) String title,
            @Schema(example = "2026-03-19") LocalDate startDate, @Schema(example = "2026-03-21") LocalDate endDate,
            @Schema(maxItems = Inspection.GROUPS_MAX) List<GroupView> groups,
            @Schema(maxItems = Inspection.UNITS_MAX) List<UnitView> units,
            @Schema(maxLength = Inspection.REPORT_MAX) String report,
            @Schema(description = "Code of the office that ran it", example = "513221000000", maxLength = UnitSnapshot.CODE_MAX)
            String ownerCode,
            OffsetDateTime createdAt, @Schema(maxLength = Subject.MAX_LENGTH) String createdBy, OffsetDateTime updatedAt,
            @Schema(maxLength = Subject.MAX_LENGTH) String updatedBy, long version) {
    }

    @Schema(name = "NewInspection")
    public record InspectionRequest(
            @NotBlank @Size(max = Inspection.TITLE_MAX) @Schema(example = "2026年3月民族团结进步创建工作督查") String title,
            @NotNull LocalDate startDate, @NotNull LocalDate endDate,
            @NotEmpty @Size(max = Inspection.GROUPS_MAX) List<@Valid GroupView> groups,
            @NotEmpty @Size(max = Inspection.UNITS_MAX) List<@NotNull UUID> unitIds,
            @Size(max = Inspection.REPORT_MAX) String report) {
    }

    @Schema(name = "Finding", description = "A problem (问题) found at a unit")
    public record FindingView(UUID id, UUID inspectionId, UnitView unit, @Schema(example = "PUBLICITY") Category category,
            @Schema(example = "MEDIUM") Severity severity,
            @Schema(example = "未制作民族团结进步宣传栏、宣传标语，未开展任何宣传活动", maxLength = Finding.DESCRIPTION_MAX) String description,
            @Schema(description = "The inspectors' photos and documents", maxItems = Finding.EVIDENCE_MAX) List<FileView> evidence,
            @Schema(description = "The evaluation indicator (测评指标) it puts at risk", example = "2.1",
                    maxLength = Finding.INDICATOR_MAX, pattern = Finding.INDICATOR_FORM) String indicatorCode,
            OffsetDateTime createdAt, @Schema(maxLength = Subject.MAX_LENGTH) String createdBy, long version) {
    }

    @Schema(name = "NewFinding")
    public record FindingRequest(@NotNull UUID unitId, @NotNull Category category, @NotNull Severity severity,
            @NotBlank @Size(max = Finding.DESCRIPTION_MAX) String description,
            @Size(max = Finding.EVIDENCE_MAX) @Schema(description = "Files uploaded under /evidence by the caller, to attach")
            List<@NotNull UUID> evidence,
            @Size(max = Finding.INDICATOR_MAX) @Pattern(regexp = Finding.INDICATOR_FORM)
            @Schema(description = "The evaluation indicator (测评指标) the problem puts at risk: one of those units-service "
                    + "lists for the unit in the inspection's year (GET /units/{id}/indicators), when a catalogue is in "
                    + "force; letters in any case", example = "2.1")
            String indicatorCode) {

        public List<UUID> evidenceOrNone() {
            return evidence == null ? List.of() : evidence;
        }
    }

    public static InspectionView toView(Inspection i) {
        return new InspectionView(i.id(), i.title(), i.startDate(), i.endDate(),
                i.groups().stream().map(g -> new GroupView(g.name(), g.leader(), g.members())).toList(),
                i.units().stream().map(UnitView::of).toList(), i.report(), i.ownerCode(), i.createdAt(), i.createdBy(),
                i.updatedAt(), i.updatedBy(), i.version());
    }

    public static FindingView toView(Finding f, List<StoredFile> evidence) {
        return new FindingView(f.id(), f.inspectionId(), UnitView.of(f.unit()), f.category(), f.severity(),
                f.description(), evidence.stream().map(FileView::of).toList(), f.indicatorCode(), f.createdAt(), f.createdBy(), f.version());
    }

    public static List<Inspection.InspectionGroup> groups(List<GroupView> groups) {
        return groups.stream().map(g -> new Inspection.InspectionGroup(g.name(), g.leader(),
                g.members() == null ? List.of() : g.members())).toList();
    }
}
