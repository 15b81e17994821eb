package org.tuanjie.agreements.template.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.agreements.template.Adjustment;
import org.tuanjie.agreements.template.AgreementTemplate;
import org.tuanjie.agreements.template.Target;

/**
 * Wire forms of agreement templates.
 */
public final class TemplateViews {

    private TemplateViews() {
    }

    @Schema(name = "Target", description = "A target item (考核指标); weights of a template sum to 100")
    public record TargetView(@NotBlank @Pattern(regexp = "[A-Z0-9_-]{1,20}") @Schema(example = "T1") String code,
            @NotBlank @Size(max = 200) @Schema(example = "督查发现问题全部整改销号") String title,
            @Min(1) @Max(100) @Schema(example = "40") int weight,
            @NotNull @Schema(example = "TASKS_VERIFIED") Target.Measure measure,
            @Schema(description = "With TASKS_VERIFIED: only this problem category", example = "PUBLICITY") String category,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "With ACTIVITIES_ON_FILE (required there): the "
                    + "kind of activity counted in the unit's dossier (创建档案) in units-service", example = "PUBLICITY")
            Target.ActivityKind activityKind,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Min(1) @Max(1000) @Schema(description = "With ACTIVITIES_ON_FILE "
                    + "(required there): how many activities of that kind, dated in the agreement's year and on file, earn "
                    + "the full weight; fewer earn weight × activities / required", example = "4") Integer required) {

        Target toTarget() {
            return new Target(code, title, weight, measure, category, activityKind, required);
        }

        static TargetView of(Target t) {
            return new TargetView(t.code(), t.title(), t.weight(), t.measure(), t.category(), t.activityKind(), t.required());
        }
    }

    @Schema(name = "Adjustment", description = "A bonus (加分), deduction (扣分) or veto (一票否决) item")
    public record AdjustmentView(@NotBlank @Pattern(regexp = "[A-Z0-9_-]{1,20}") @Schema(example = "V1") String code,
            @NotBlank @Size(max = 200) @Schema(example = "发生影响民族团结的重大事件") String title,
            @NotNull @Schema(example = "VETO") Adjustment.Kind kind,
            @Min(0) @Max(100) @Schema(description = "Most points a bonus or deduction gives; 0 for a veto", example = "0") int maxPoints) {
    }

    @Schema(name = "TemplateContent")
    public record ContentRequest(@Min(2000) @Max(2100) @Schema(example = "2026") int year,
            @NotBlank @Size(max = 200) @Schema(example = "2026年度民族团结进步创建工作目标责任书") String title,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 4000) String> clauses,
            @NotEmpty @Size(max = 30) List<@Valid @NotNull TargetView> targets,
            @Size(max = 30) List<@Valid @NotNull AdjustmentView> adjustments,
            @Min(0) @Max(100) @Schema(example = "80") int passMark) {

        public AgreementTemplate.Content toContent() {
            return new AgreementTemplate.Content(year, title, clauses,
                    targets.stream().map(TargetView::toTarget).toList(),
                    adjustments == null ? List.of() : adjustments.stream()
                            .map(a -> new Adjustment(a.code(), a.title(), a.kind(), a.maxPoints())).toList(),
                    passMark);
        }
    }

    @Schema(name = "Template", description = "A template of responsibility agreement (目标责任书)")
    public record TemplateView(UUID id, UUID familyId, @Schema(example = "1") int versionNo,
            @Schema(example = "PUBLISHED") AgreementTemplate.Status status, int year, String title, List<String> clauses,
            List<TargetView> targets, List<AdjustmentView> adjustments, int passMark,
            @Schema(example = "513221000000") String ownerCode, OffsetDateTime createdAt, String createdBy,
            OffsetDateTime updatedAt, String updatedBy, long version) {
    }

    public static TemplateView toView(AgreementTemplate t) {
        AgreementTemplate.Content c = t.content();
        return new TemplateView(t.id(), t.familyId(), t.versionNo(), t.status(), c.year(), c.title(), c.clauses(),
                c.targets().stream().map(TargetView::of).toList(),
                c.adjustments().stream().map(a -> new AdjustmentView(a.code(), a.title(), a.kind(), a.maxPoints())).toList(),
                c.passMark(), t.ownerCode(), t.createdAt(), t.createdBy(), t.updatedAt(), t.updatedBy(), t.version());
    }
}
