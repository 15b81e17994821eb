package org.tuanjie.units.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.indicators.IndicatorDefinition;
import org.tuanjie.units.indicators.MeasuredBy;
import org.tuanjie.units.readiness.ReadinessItem;

/**
 * A unit's standing against the indicators it is judged by (创建测评自查): for each, the evidence on file against what
 * is expected, the self and reviewer scores, the open findings that name it, and so the points secured, at risk and
 * missing; and whether the unit is ready for the acceptance check, or why not.
 *
 * <p>Points are earned on the leaves of the catalogue that apply to the unit: a reviewer's score when there is one;
 * otherwise, for an indicator the suite measures, its full points once the evidence it expects is on file; none else.
 * Earned points are at risk while a finding naming the indicator (or one above it) is not rectified. A parent counts
 * what its applicable leaves count.
 */
public final class Scorecard {

    /** How an indicator stands. */
    public enum Status {
        /** earned in full, nothing open against it */
        SECURED,
        /** a reviewer scored it below its points */
        PARTIAL,
        /** earned, but a finding naming it is not rectified */
        AT_RISK,
        /** measured by the suite, and the evidence it expects is not all on file */
        MISSING_EVIDENCE,
        /** measured by a reviewer, who has not scored it */
        AWAITING_REVIEW,
        /** a parent: some indicator below it is not secured */
        INCOMPLETE
    }

    /** Why a unit is not ready for the acceptance check. */
    public enum ReasonKind {
        NO_CATALOGUE, READINESS_INCOMPLETE, MISSING_EVIDENCE, AWAITING_REVIEW, SCORED_BELOW, OPEN_FINDINGS,
        /** tasks-service did not answer: which findings are open is not known */
        FINDINGS_UNKNOWN
    }

    /** @param lacking for missing evidence, what is still to be filed */
    public record Row(IndicatorDefinition indicator, boolean leaf, BigDecimal points, Evidence onFile, Evidence lacking,
            BigDecimal selfScore, BigDecimal reviewScore, int openFindings, Status status, BigDecimal secured,
            BigDecimal atRisk, BigDecimal missing) {
    }

    public record Reason(ReasonKind kind, IndicatorCode code, Object detail) {
    }

    /**
     * What a scorecard is computed from.
     *
     * @param openFindings findings not rectified by indicator; null when not known (tasks-service did not answer)
     * @param lineage the catalogue's parents, worked out once for every unit judged by it
     */
    public record Facts(List<IndicatorDefinition> catalogue, List<IndicatorDefinition> applicable,
            Map<IndicatorCode, Evidence> onFile, Map<IndicatorCode, BigDecimal> selfScores,
            Map<IndicatorCode, BigDecimal> reviews, Map<IndicatorCode, Integer> openFindings,
            Set<ReadinessItem> readinessMissing, Lineage lineage) {

        public Facts(List<IndicatorDefinition> catalogue, List<IndicatorDefinition> applicable,
                Map<IndicatorCode, Evidence> onFile, Map<IndicatorCode, BigDecimal> selfScores,
                Map<IndicatorCode, BigDecimal> reviews, Map<IndicatorCode, Integer> openFindings,
                Set<ReadinessItem> readinessMissing) {
            this(catalogue, applicable, onFile, selfScores, reviews, openFindings, readinessMissing, Lineage.of(catalogue));
        }

        /** The same facts with these findings open (null: not known). */
        public Facts withOpenFindings(Map<IndicatorCode, Integer> open) {
            return new Facts(catalogue, applicable, onFile, selfScores, reviews, open, readinessMissing, lineage);
        }
    }

    /** A catalogue's indicators that have a parent, with it; and the indicators that are parents. */
    public record Lineage(Map<IndicatorCode, IndicatorCode> parentOf, Set<IndicatorCode> parents) {

        public static Lineage of(List<IndicatorDefinition> catalogue) {
            Map<IndicatorCode, IndicatorCode> parentOf = new HashMap<>();
            for (IndicatorDefinition i : catalogue) {
                if (i.parent() != null) {
                    parentOf.put(i.code(), i.parent());
                }
            }
            return new Lineage(Map.copyOf(parentOf), Set.copyOf(parentOf.values()));
        }

        /** Findings naming the indicator or any indicator above it. */
        int openAbove(IndicatorCode code, Map<IndicatorCode, Integer> open) {
            int total = 0;
            int steps = 0; // no chain of parents is longer than the catalogue: the bound stops a loop in bad data
            for (IndicatorCode at = code; at != null && steps++ <= parentOf.size(); at = parentOf.get(at)) {
                total += open.getOrDefault(at, 0);
            }
            return total;
        }
    }

    /**
     * What a roll-up needs of a unit's scorecard, kept small for many units: worked out from its card with no finding
     * open, it adds up as that card would with the findings open at the time ({@link #totals}): the points of an
     * earned leaf with a finding open at it (or above it) are at risk, and the unit is then not ready.
     *
     * @param earnedLeaves the applicable leaves with points earned, beside {@code earned} their points
     */
    public record Standing(boolean readyWithNoneOpen, BigDecimal points, BigDecimal earned, IndicatorCode[] earnedLeaves,
            BigDecimal[] earnedPoints, Lineage lineage) {

        /** A unit's standing in a roll-up with these findings open (null: not known, so not ready). */
        public Rollup.Totals totals(Map<IndicatorCode, Integer> open) {
            BigDecimal atRisk = BigDecimal.ZERO;
            if (open != null && !open.isEmpty()) {
                for (int i = 0; i < earnedLeaves.length; i++) {
                    if (lineage.openAbove(earnedLeaves[i], open) > 0) {
                        atRisk = atRisk.add(earnedPoints[i]);
                    }
                }
            }
            boolean ready = open != null && readyWithNoneOpen && atRisk.signum() == 0;
            return new Rollup.Totals(1, ready ? 1 : 0, points, earned.subtract(atRisk), atRisk, points.subtract(earned));
        }
    }

    private final List<Row> rows;
    private final List<Reason> reasons;
    // summed once: a roll-up adds up every card of a county
    private final BigDecimal points;
    private final BigDecimal secured;
    private final BigDecimal atRisk;
    private final BigDecimal missing;

    private Scorecard(List<Row> rows, List<Reason> reasons) {
        this.rows = List.copyOf(rows);
        this.reasons = List.copyOf(reasons);
        List<Row> leaves = this.rows.stream().filter(Row::leaf).toList();
        this.points = sum(leaves, Row::points);
        this.secured = sum(leaves, Row::secured);
        this.atRisk = sum(leaves, Row::atRisk);
        this.missing = sum(leaves, Row::missing);
    }

    /** No catalogue in force: nothing to be judged by, so not ready. */
    public static Scorecard withoutCatalogue(Set<ReadinessItem> readinessMissing) {
        List<Reason> reasons = new ArrayList<>();
        reasons.add(new Reason(ReasonKind.NO_CATALOGUE, null, null));
        if (!readinessMissing.isEmpty()) {
            reasons.add(new Reason(ReasonKind.READINESS_INCOMPLETE, null, readinessMissing));
        }
        return new Scorecard(List.of(), reasons);
    }

    public static Scorecard of(Facts facts) {
        Lineage lineage = facts.lineage();
        Set<IndicatorCode> parents = lineage.parents();
        Map<IndicatorCode, IndicatorCode> parentOf = lineage.parentOf();
        Map<IndicatorCode, Row> leaves = new HashMap<>();
        List<Reason> reasons = new ArrayList<>();
        for (IndicatorDefinition i : facts.applicable()) {
            if (!parents.contains(i.code())) {
                Row row = leaf(i, facts, facts.openFindings() == null ? 0 : lineage.openAbove(i.code(), facts.openFindings()));
                leaves.put(i.code(), row);
                reasonsFor(row, reasons);
            }
        }
        // the leaves below each parent, at any depth, found once per card
        Map<IndicatorCode, List<Row>> below = new HashMap<>();
        for (Row leaf : leaves.values()) {
            int steps = 0; // no chain of parents is longer than the catalogue: the bound stops a loop in bad data
            for (IndicatorCode at = parentOf.get(leaf.indicator().code()); at != null && steps++ <= parentOf.size();
                    at = parentOf.get(at)) {
                below.computeIfAbsent(at, code -> new ArrayList<>()).add(leaf);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (IndicatorDefinition i : facts.applicable()) {
            Row row = leaves.get(i.code());
            if (row == null) {
                row = parent(i, below.getOrDefault(i.code(), List.of()), facts);
                if (row.points().signum() == 0) {
                    continue; // none of its leaves applies to the unit
                }
            }
            rows.add(row);
        }
        if (!facts.readinessMissing().isEmpty()) {
            reasons.add(0, new Reason(ReasonKind.READINESS_INCOMPLETE, null, facts.readinessMissing()));
        }
        if (facts.openFindings() == null) {
            reasons.add(new Reason(ReasonKind.FINDINGS_UNKNOWN, null, null));
        }
        return new Scorecard(rows, reasons);
    }

    private static Row leaf(IndicatorDefinition i, Facts facts, int open) {
        Evidence onFile = facts.onFile().getOrDefault(i.code(), Evidence.NONE);
        BigDecimal review = facts.reviews().get(i.code());
        BigDecimal points = i.points();
        boolean complete = onFile.meets(i);
        BigDecimal earned;
        if (review != null) {
            earned = review.min(points);
        } else if (i.measuredBy() == MeasuredBy.SUITE && complete) {
            earned = points;
        } else {
            earned = BigDecimal.ZERO;
        }
        Status status;
        if (earned.signum() > 0 && open > 0) {
            status = Status.AT_RISK;
        } else if (review != null) {
            status = earned.compareTo(points) < 0 ? Status.PARTIAL : Status.SECURED;
        } else if (earned.signum() > 0) {
            status = Status.SECURED;
        } else {
            status = i.measuredBy() == MeasuredBy.SUITE ? Status.MISSING_EVIDENCE : Status.AWAITING_REVIEW;
        }
        BigDecimal atRisk = status == Status.AT_RISK ? earned : BigDecimal.ZERO;
        return new Row(i, true, points, onFile, onFile.lackingFor(i), facts.selfScores().get(i.code()), review, open, status,
                earned.subtract(atRisk), atRisk, points.subtract(earned));
    }

    private static Row parent(IndicatorDefinition i, List<Row> below, Facts facts) {
        BigDecimal points = sum(below, Row::points);
        BigDecimal secured = sum(below, Row::secured);
        BigDecimal atRisk = sum(below, Row::atRisk);
        BigDecimal missing = sum(below, Row::missing);
        Status status = missing.signum() == 0 && atRisk.signum() == 0 ? Status.SECURED
                : missing.signum() == 0 ? Status.AT_RISK : Status.INCOMPLETE;
        int open = below.stream().mapToInt(Row::openFindings).max().orElse(0);
        return new Row(i, false, points, Evidence.NONE, Evidence.NONE, facts.selfScores().get(i.code()),
                facts.reviews().get(i.code()), open, status, secured, atRisk, missing);
    }

    private static void reasonsFor(Row row, List<Reason> reasons) {
        IndicatorCode code = row.indicator().code();
        switch (row.status()) {
            case MISSING_EVIDENCE -> reasons.add(new Reason(ReasonKind.MISSING_EVIDENCE, code, row.lacking()));
            case AWAITING_REVIEW -> reasons.add(new Reason(ReasonKind.AWAITING_REVIEW, code, null));
            case PARTIAL -> reasons.add(new Reason(ReasonKind.SCORED_BELOW, code, row.reviewScore()));
            case AT_RISK -> reasons.add(new Reason(ReasonKind.OPEN_FINDINGS, code, row.openFindings()));
            default -> {
            }
        }
    }

    private static BigDecimal sum(List<Row> rows, java.util.function.Function<Row, BigDecimal> what) {
        return rows.stream().map(what).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** This card as a roll-up needs it; meant for a card computed with no finding open. */
    public Standing standing(Lineage lineage) {
        List<Row> earned = rows.stream().filter(r -> r.leaf() && r.secured().add(r.atRisk()).signum() > 0).toList();
        return new Standing(ready(), points, secured.add(atRisk),
                earned.stream().map(r -> r.indicator().code()).toArray(IndicatorCode[]::new),
                earned.stream().map(r -> r.secured().add(r.atRisk())).toArray(BigDecimal[]::new), lineage);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Reason> reasons() {
        return reasons;
    }

    public boolean ready() {
        return reasons.isEmpty();
    }

    /** The points of the indicators that apply: what the unit can earn. */
    public BigDecimal points() {
        return points;
    }

    public BigDecimal secured() {
        return secured;
    }

    public BigDecimal atRisk() {
        return atRisk;
    }

    public BigDecimal missing() {
        return missing;
    }
}
