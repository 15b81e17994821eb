package org.tuanjie.agreements.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A target item (考核指标) of an agreement, with its weight in points out of 100.
 *
 * @param measure      how it is scored: by hand, or from the other services
 * @param category     with {@link Measure#TASKS_VERIFIED}: only the tasks of this problem category (else all)
 * @param activityKind with {@link Measure#ACTIVITIES_ON_FILE}: the kind of activity counted
 * @param required     with {@link Measure#ACTIVITIES_ON_FILE}: how many activities of that kind earn the full weight
 * @param indicatorCode the evaluation indicator (测评指标) the target answers to, in units-service's catalogue; required
 *                     with {@link Measure#INDICATOR_REVIEW}
 */
public record Target(String code, String title, int weight, Measure measure, String category,
        // absent from the sealed content of the targets of other measures, which stays as it was before they existed
        @JsonInclude(JsonInclude.Include.NON_NULL) ActivityKind activityKind,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer required,
        @JsonInclude(JsonInclude.Include.NON_NULL) String indicatorCode) {

    /** A target as templates wrote it before targets named indicators. */
    public Target(String code, String title, int weight, Measure measure, String category, ActivityKind activityKind,
            Integer required) {
        this(code, title, weight, measure, category, activityKind, required, null);
    }

    /**
     * The problem categories of tasks-service's contract (its {@code Category}, a {@code varchar(20)} there): the
     * only values its figures can be asked for.
     */
    public static final String CATEGORIES = "LEADERSHIP|PUBLICITY|PROGRESS|GUARANTEES|CAPACITY|HIGHLIGHTS|COORDINATION"
            + "|ATMOSPHERE|BALANCE";
    public static final int CATEGORY_MAX = 20;

    @Schema(name = "TargetMeasure")
    public enum Measure {
        /** Scored by an admin or inspector, with a comment. */
        MANUAL,
        /** weight × share of the unit's rectification tasks verified (all, if it has none), from tasks-service. */
        TASKS_VERIFIED,
        /** weight × the unit's readiness score / 100, from units-service. */
        READINESS,
        /**
         * weight × min(1, activities / required): the activities of one kind the unit has on file in its dossier
         * (创建档案), dated in the agreement's year and not withdrawn, from units-service.
         */
        ACTIVITIES_ON_FILE,
        /**
         * weight × min(1, review score / points): the reviewer's score (评审得分) of the target's indicator on the unit's
         * scorecard for the agreement's year, from units-service; not reviewed yet, the assessment waits (409).
         */
        INDICATOR_REVIEW
    }

    /** The share of the weight a reviewer's score of the indicator earns: in proportion to its points, at most all. */
    public double reviewShare(java.math.BigDecimal score, java.math.BigDecimal points) {
        if (measure != Measure.INDICATOR_REVIEW) {
            throw new IllegalStateException("target " + code + " is not scored by a review");
        }
        if (points.signum() <= 0) {
            return 0;
        }
        return Math.min(1.0, Math.max(0, score.doubleValue()) / points.doubleValue());
    }

    /**
     * The share of the weight {@code onFile} activities earn for an {@link Measure#ACTIVITIES_ON_FILE} target: in
     * proportion to the number required, and no more than all of it however many more there are.
     */
    public double activitiesShare(long onFile) {
        if (measure != Measure.ACTIVITIES_ON_FILE) {
            throw new IllegalStateException("target " + code + " does not count activities");
        }
        return Math.min(1.0, (double) Math.max(0, onFile) / required);
    }

    /** The kinds of activity units-service's dossier files (its contract's {@code ActivityKind}). */
    public enum ActivityKind {
        /** 宣传 */
        PUBLICITY,
        /** 培训 */
        TRAINING,
        /** 推进会 */
        PROMOTION_MEETING,
        /** 政策学习 */
        POLICY_STUDY,
        /** 示范/观摩 */
        SHOWCASE
    }
}
