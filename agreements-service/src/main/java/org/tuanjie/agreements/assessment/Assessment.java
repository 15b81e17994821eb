package org.tuanjie.agreements.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.agreements.agreement.Agreement;
import org.tuanjie.agreements.template.Adjustment;
import org.tuanjie.agreements.template.AgreementTemplate;
import org.tuanjie.agreements.template.Grades;
import org.tuanjie.agreements.template.Target;

/**
 * The year-end assessment (考核) of one agreement: each target's score and what it was computed from,
 * bonus and deduction points, veto, the total and the result. Written once.
 */
@Entity
@Table(name = "assessment")
public class Assessment {

    /** A score's or an item's comment. */
    public static final int COMMENT_MAX = 2000;
    /** An input of an automatic score: a count, a year, a category or a kind of activity. */
    public static final int INPUT_MAX = 20;

    @Id
    @Column(name = "agreement_id")
    private UUID agreementId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<TargetScore> targets;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<AdjustmentScore> adjustments;

    @Column(nullable = false)
    private BigDecimal total;

    @Column(nullable = false)
    private boolean vetoed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Agreement.Result result;

    @Enumerated(EnumType.STRING)
    @Column(name = "grade")
    private Grade grade;

    @Column(name = "assessed_by", nullable = false)
    private String assessedBy;

    @Column(name = "assessed_at", nullable = false)
    private OffsetDateTime assessedAt;

    protected Assessment() {
        // for JPA
    }

    /** A graded result (等次), by the template's thresholds. */
    @Schema(name = "AssessmentGrade", description = "EXCELLENT 优秀, GOOD 良好, PASS 合格, FAIL 不合格")
    public enum Grade {
        /** 优秀 */
        EXCELLENT,
        /** 良好 */
        GOOD,
        /** 合格 */
        PASS,
        /** 不合格 */
        FAIL
    }

    public static Assessment of(UUID agreementId, List<TargetScore> targets, List<AdjustmentScore> adjustments,
            int passMark, String by) {
        return of(agreementId, targets, adjustments, passMark, null, by);
    }

    /**
     * Total = target scores + bonus − deduction, at most 100 + bonus and at least 0; fulfilled when
     * the total reaches the pass mark and no veto item was triggered. With thresholds, the grade: 优秀 from
     * {@code excellent}, 良好 from {@code good}, 合格 from the pass mark, 不合格 below it or with a veto.
     *
     * @param grades null: pass or fail only
     */
    public static Assessment of(UUID agreementId, List<TargetScore> targets, List<AdjustmentScore> adjustments,
            int passMark, Grades grades, String by) {
        Assessment assessment = new Assessment();
        assessment.agreementId = agreementId;
        assessment.targets = List.copyOf(targets);
        assessment.adjustments = List.copyOf(adjustments);
        BigDecimal total = targets.stream().map(TargetScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (AdjustmentScore a : adjustments) {
            switch (a.kind()) {
                case "BONUS" -> total = total.add(BigDecimal.valueOf(a.points()));
                case "DEDUCTION" -> total = total.subtract(BigDecimal.valueOf(a.points()));
                default -> { }
            }
        }
        assessment.total = total.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        assessment.vetoed = adjustments.stream().anyMatch(a -> "VETO".equals(a.kind()) && a.triggered());
        assessment.result = !assessment.vetoed && assessment.total.compareTo(BigDecimal.valueOf(passMark)) >= 0
                ? Agreement.Result.FULFILLED : Agreement.Result.NOT_FULFILLED;
        assessment.grade = grades == null ? null : grade(assessment.total, assessment.result, grades);
        assessment.assessedBy = by;
        assessment.assessedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return assessment;
    }

    private static Grade grade(BigDecimal total, Agreement.Result result, Grades grades) {
        if (result == Agreement.Result.NOT_FULFILLED) {
            return Grade.FAIL;
        }
        if (total.compareTo(BigDecimal.valueOf(grades.excellent())) >= 0) {
            return Grade.EXCELLENT;
        }
        return total.compareTo(BigDecimal.valueOf(grades.good())) >= 0 ? Grade.GOOD : Grade.PASS;
    }

    public UUID agreementId() {
        return agreementId;
    }

    /** The graded result; null when the template set no thresholds. */
    public Grade grade() {
        return grade;
    }

    public List<TargetScore> targets() {
        return targets;
    }

    public List<AdjustmentScore> adjustments() {
        return adjustments;
    }

    public BigDecimal total() {
        return total;
    }

    public boolean vetoed() {
        return vetoed;
    }

    public Agreement.Result result() {
        return result;
    }

    public String assessedBy() {
        return assessedBy;
    }

    public OffsetDateTime assessedAt() {
        return assessedAt;
    }

    /**
     * @param inputs what an automatic score was computed from (e.g. tasks verified / total)
     */
    public record TargetScore(@Schema(maxLength = AgreementTemplate.ITEM_CODE_MAX) String code,
            @Schema(implementation = Target.Measure.class) String measure,
            @Schema(minimum = "1", maximum = "100") int weight, BigDecimal score, boolean automatic,
            @Schema(additionalProperties = InputValue.class, maxProperties = 4) java.util.Map<String, String> inputs,
            @Schema(maxLength = COMMENT_MAX) String comment) {
    }

    public record AdjustmentScore(@Schema(maxLength = AgreementTemplate.ITEM_CODE_MAX) String code,
            @Schema(implementation = Adjustment.Kind.class) String kind, @Schema(minimum = "0", maximum = "100") int points,
            boolean triggered, @Schema(maxLength = COMMENT_MAX) String comment) {
    }

    /** What the contract shows as a value of {@link TargetScore#inputs()}. */
    @Schema(type = SchemaType.STRING, maxLength = INPUT_MAX)
    public static final class InputValue {

        private InputValue() {
        }
    }
}
