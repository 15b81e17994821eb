package org.tuanjie.agreements.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tuanjie.agreements.template.TemplateExceptions.TemplateAlreadyPublished;
import org.tuanjie.platform.audit.Audited;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/**
 * A template of responsibility agreement (目标责任书) for a year: clauses, weighted targets summing
 * to 100, bonus, deduction and veto items, and the pass mark. Drafts change; a published version
 * never does, and a new version starts as a draft copy.
 */
@Entity
@Table(name = "agreement_template")
public class AgreementTemplate extends Audited {

    /** The longest title of a template, a target or an item: a heading, not a paragraph. */
    public static final int TITLE_MAX = 200;
    /** The longest clause: a paragraph of the agreement. */
    public static final int CLAUSE_MAX = 4000;
    public static final int CLAUSES_MAX = 50;
    public static final int TARGETS_MAX = 30;
    public static final int ADJUSTMENTS_MAX = 30;
    /** Codes of targets and items ({@code T1}, {@code V1}): {@link #ITEM_CODE}. */
    public static final int ITEM_CODE_MAX = 20;
    public static final String ITEM_CODE = "[A-Z0-9_-]{1," + ITEM_CODE_MAX + "}";

    @Schema(name = "TemplateStatus")
    public enum Status { DRAFT, PUBLISHED }

    @Id
    private UUID id;

    @Column(name = "family_id", nullable = false, updatable = false)
    private UUID familyId;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;

    @Column(nullable = false)
    private int year;

    @Column(nullable = false)
    private String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> clauses;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Target> targets;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Adjustment> adjustments;

    @Column(name = "pass_mark", nullable = false)
    private int passMark;

    @Column(name = "grade_excellent")
    private Integer gradeExcellent;

    @Column(name = "grade_good")
    private Integer gradeGood;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "owner_code", nullable = false, updatable = false)
    private String ownerCode;

    @Column(name = "owner_path", nullable = false, updatable = false)
    private String ownerPath;

    protected AgreementTemplate() {
        // for JPA
    }

    public static AgreementTemplate draft(String ownerCode, String ownerPath, Content content) {
        AgreementTemplate template = new AgreementTemplate();
        template.id = UUID.randomUUID();
        template.familyId = template.id;
        template.versionNo = 1;
        template.ownerCode = ownerCode;
        template.ownerPath = ownerPath;
        template.status = Status.DRAFT;
        template.apply(content);
        return template;
    }

    /** A new draft version of a published template, to change it. */
    public AgreementTemplate nextVersion(int nextVersionNo) {
        AgreementTemplate next = new AgreementTemplate();
        next.id = UUID.randomUUID();
        next.familyId = familyId;
        next.versionNo = nextVersionNo;
        next.ownerCode = ownerCode;
        next.ownerPath = ownerPath;
        next.status = Status.DRAFT;
        next.apply(content());
        return next;
    }

    public void revise(Content content) {
        if (status == Status.PUBLISHED) {
            throw new TemplateAlreadyPublished();
        }
        apply(content);
    }

    public void publish() {
        if (status == Status.PUBLISHED) {
            throw new TemplateAlreadyPublished();
        }
        status = Status.PUBLISHED;
    }

    private void apply(Content content) {
        content.validate();
        this.year = content.year();
        this.title = content.title();
        this.clauses = new ArrayList<>(content.clauses());
        this.targets = new ArrayList<>(content.targets());
        this.adjustments = new ArrayList<>(content.adjustments());
        this.passMark = content.passMark();
        this.gradeExcellent = content.grades() == null ? null : content.grades().excellent();
        this.gradeGood = content.grades() == null ? null : content.grades().good();
    }

    public Content content() {
        return new Content(year, title, List.copyOf(clauses), List.copyOf(targets), List.copyOf(adjustments), passMark,
                gradeExcellent == null ? null : new Grades(gradeExcellent, gradeGood));
    }

    public UUID id() {
        return id;
    }

    public UUID familyId() {
        return familyId;
    }

    public int versionNo() {
        return versionNo;
    }

    public Status status() {
        return status;
    }

    public String ownerCode() {
        return ownerCode;
    }

    public String ownerPath() {
        return ownerPath;
    }

    /**
     * What a template says; valid by {@link #validate()}.
     *
     * @param grades the thresholds of graded results; null: pass or fail only
     */
    public record Content(int year, String title, List<String> clauses, List<Target> targets,
            List<Adjustment> adjustments, int passMark, Grades grades) {

        public void validate() {
            List<Violation> errors = new ArrayList<>();
            int sum = targets.stream().mapToInt(Target::weight).sum();
            if (sum != 100) {
                errors.add(new Violation("targets", "template.weights", sum));
            }
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < targets.size(); i++) {
                Target t = targets.get(i);
                if (!codes.add(t.code())) {
                    errors.add(new Violation("targets[" + i + "].code", "template.code-duplicate", t.code()));
                }
                if (t.weight() <= 0) {
                    errors.add(new Violation("targets[" + i + "].weight", "template.weight-positive"));
                }
                if (t.category() != null && t.measure() != Target.Measure.TASKS_VERIFIED) {
                    errors.add(new Violation("targets[" + i + "].category", "template.category-measure"));
                }
                boolean countsActivities = t.measure() == Target.Measure.ACTIVITIES_ON_FILE;
                if (countsActivities && t.activityKind() == null) {
                    errors.add(new Violation("targets[" + i + "].activityKind", "template.activities-kind"));
                }
                if (countsActivities && (t.required() == null || t.required() < 1)) {
                    errors.add(new Violation("targets[" + i + "].required", "template.activities-required"));
                }
                if (!countsActivities && t.activityKind() != null) {
                    errors.add(new Violation("targets[" + i + "].activityKind", "template.activities-measure"));
                }
                if (!countsActivities && t.required() != null) {
                    errors.add(new Violation("targets[" + i + "].required", "template.activities-measure"));
                }
                if (t.measure() == Target.Measure.INDICATOR_REVIEW && t.indicatorCode() == null) {
                    errors.add(new Violation("targets[" + i + "].indicatorCode", "template.indicator-required"));
                }
            }
            for (int i = 0; i < adjustments.size(); i++) {
                Adjustment a = adjustments.get(i);
                if (!codes.add(a.code())) {
                    errors.add(new Violation("adjustments[" + i + "].code", "template.code-duplicate", a.code()));
                }
                if (a.kind() != Adjustment.Kind.VETO && a.maxPoints() <= 0) {
                    errors.add(new Violation("adjustments[" + i + "].maxPoints", "template.weight-positive"));
                }
            }
            if (grades != null && !grades.climbFrom(passMark)) {
                errors.add(new Violation("grades", "template.grades", passMark));
            }
            if (passMark < 0 || passMark > 100) {
                errors.add(new Violation("passMark", "template.pass-mark"));
            }
            if (!errors.isEmpty()) {
                throw new Problems.InvalidInput(errors);
            }
        }
    }
}
