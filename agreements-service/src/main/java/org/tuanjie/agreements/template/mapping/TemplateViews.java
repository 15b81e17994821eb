package org.tuanjie.agreements.template.mapping;

import static org.tuanjie.agreements.template.AgreementTemplate.ADJUSTMENTS_MAX;
import static org.tuanjie.agreements.template.AgreementTemplate.CLAUSES_MAX;
import static org.tuanjie.agreements.template.AgreementTemplate.CLAUSE_MAX;
import static org.tuanjie.agreements.template.AgreementTemplate.ITEM_CODE;
import static org.tuanjie.agreements.template.AgreementTemplate.ITEM_CODE_MAX;
import static org.tuanjie.agreements.template.AgreementTemplate.TARGETS_MAX;
import static org.tuanjie.agreements.template.AgreementTemplate.TITLE_MAX;

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
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.template.Adjustment;
import org.tuanjie.agreements.template.AgreementTemplate;
import org.tuanjie.agreements.template.Grades;
import org.tuanjie.agreements.template.Target;
import org.tuanjie.unitsclient.client.UnitsClient;

/**
 * Wire forms of agreement templates.
 */
public final class TemplateViews {

    private TemplateViews() {
    }

    @Schema(name = "Target", description = "A target item (考核指标); weights of a template sum to 100")
    public record TargetView(@NotBlank @Size(max = ITEM_CODE_MAX) @Pattern(regexp = ITEM_CODE) @Schema(example = "T1") String code,
            @NotBlank @Size(max = TITLE_MAX) @Schema(example = "督查发现问题全部整改销号") String title,
            @Min(1) @Max(100) @Schema(example = "40") int weight,
            @NotNull @Schema(example = "TASKS_VERIFIED") Target.Measure measure,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = Target.CATEGORY_MAX) @Pattern(regexp = Target.CATEGORIES)
            @Schema(description = "With TASKS_VERIFIED: only this problem category", example = "PUBLICITY", enumeration = {
                    "LEADERSHIP", "PUBLICITY", "PROGRESS", "GUARANTEES", "CAPACITY", "HIGHLIGHTS", "COORDINATION",
                    "ATMOSPHERE", "BALANCE"}) String category,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "With ACTIVITIES_ON_FILE (required there): the "
                    + "kind of activity counted in the unit's dossier (创建档案) in units-service", example = "PUBLICITY")
            Target.ActivityKind activityKind,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Min(1) @Max(1000) @Schema(description = "With ACTIVITIES_ON_FILE "
                    + "(required there): how many activities of that kind, dated in the agreement's year and on file, earn "
                    + "the full weight; fewer earn weight × activities / required", example = "4") Integer required,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = UnitsClient.INDICATOR_CODE_MAX)
            @Pattern(regexp = UnitsClient.INDICATOR_CODE_FORM) @Schema(description = "The evaluation indicator (测评指标) "
                    + "the target answers to, as units-service's catalogue writes it (letters in any case). Required with "
                    + "INDICATOR_REVIEW, which scores weight × the reviewer's score of it on the unit's scorecard for the "
                    + "agreement's year / its points (units-service; 409 `review-missing` until reviewed)",
                    example = "5.1") String indicatorCode) {

        Target toTarget() {
            return new Target(code, title, weight, measure, category, activityKind, required,
                    indicatorCode == null ? null : indicatorCode.trim().toUpperCase(java.util.Locale.ROOT));
        }

        static TargetView of(Target t) {
            return new TargetView(t.code(), t.title(), t.weight(), t.measure(), t.category(), t.activityKind(), t.required(),
                    t.indicatorCode());
        }
    }

    @Schema(name = "Adjustment", description = "A bonus (加分), deduction (扣分) or veto (一票否决) item")
    public record AdjustmentView(@NotBlank @Size(max = ITEM_CODE_MAX) @Pattern(regexp = ITEM_CODE) @Schema(example = "V1") String code,
            @NotBlank @Size(max = TITLE_MAX) @Schema(example = "发生影响民族团结的重大事件") String title,
            @NotNull @Schema(example = "VETO") Adjustment.Kind kind,
            @Min(0) @Max(Adjustment.MAX_POINTS) @Schema(description = "Most points a bonus or deduction gives; 0 for a veto", example = "0") int maxPoints) {
    }

    @Schema(name = "TemplateContent")
    public record ContentRequest(@Min(2000) @Max(2100) @Schema(example = "2026") int year,
            @NotBlank @Size(max = TITLE_MAX) @Schema(example = "2026年度民族团结进步创建工作目标责任书") String title,
            @NotEmpty @Size(max = CLAUSES_MAX) List<@NotBlank @Size(max = CLAUSE_MAX) String> clauses,
            @NotEmpty @Size(max = TARGETS_MAX) List<@Valid @NotNull TargetView> targets,
            @Size(max = ADJUSTMENTS_MAX) List<@Valid @NotNull AdjustmentView> adjustments,
            @Min(0) @Max(100) @Schema(example = "60") int passMark,
            @Valid @JsonInclude(JsonInclude.Include.NON_NULL) Grades grades) {

        public AgreementTemplate.Content toContent() {
            return new AgreementTemplate.Content(year, title, clauses,
                    targets.stream().map(TargetView::toTarget).toList(),
                    adjustments == null ? List.of() : adjustments.stream()
                            .map(a -> new Adjustment(a.code(), a.title(), a.kind(), a.maxPoints())).toList(),
                    passMark, grades);
        }
    }

    @Schema(name = "Template", description = "A template of responsibility agreement (目标责任书)")
    public record TemplateView(UUID id, UUID familyId, @Schema(example = "1", minimum = "1") int versionNo,
            @Schema(example = "PUBLISHED") AgreementTemplate.Status status,
            @Schema(minimum = "2000", maximum = "2100") int year, @Schema(maxLength = TITLE_MAX) String title,
            @Schema(maxItems = CLAUSES_MAX) List<@Size(max = CLAUSE_MAX) String> clauses,
            @Schema(maxItems = TARGETS_MAX) List<TargetView> targets,
            @Schema(maxItems = ADJUSTMENTS_MAX) List<AdjustmentView> adjustments,
            @Schema(minimum = "0", maximum = "100") int passMark,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Absent: pass or fail only") Grades grades,
            @Schema(example = "513221000000", maxLength = Agreement.UNIT_CODE_MAX) String ownerCode, OffsetDateTime createdAt,
            @Schema(maxLength = Agreement.SUBJECT_MAX) String createdBy, OffsetDateTime updatedAt,
            @Schema(maxLength = Agreement.SUBJECT_MAX) String updatedBy, long version) {
    }

    public static TemplateView toView(AgreementTemplate t) {
        AgreementTemplate.Content c = t.content();
        return new TemplateView(t.id(), t.familyId(), t.versionNo(), t.status(), c.year(), c.title(), c.clauses(),
                c.targets().stream().map(TargetView::of).toList(),
                c.adjustments().stream().map(a -> new AdjustmentView(a.code(), a.title(), a.kind(), a.maxPoints())).toList(),
                c.passMark(), c.grades(), t.ownerCode(), t.createdAt(), t.createdBy(), t.updatedAt(), t.updatedBy(), t.version());
    }
}
