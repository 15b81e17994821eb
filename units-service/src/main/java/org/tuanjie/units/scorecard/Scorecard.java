package org.tuanjie.units.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
     */
    public record Facts(List<IndicatorDefinition> catalogue, List<IndicatorDefinition> applicable,
            Map<IndicatorCode, Evidence> onFile, Map<IndicatorCode, BigDecimal> selfScores,
            Map<IndicatorCode, BigDecimal> reviews, Map<IndicatorCode, Integer> openFindings,
            Set<ReadinessItem> readinessMissing) {
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
        Set<IndicatorCode> parents = new HashSet<>();
        Map<IndicatorCode, IndicatorCode> parentOf = new HashMap<>();
        for (IndicatorDefinition i : facts.catalogue()) {
            if (i.parent() != null) {
                parents.add(i.parent());
                parentOf.put(i.code(), i.parent());
            }
        }
        Map<IndicatorCode, Row> leaves = new HashMap<>();
        List<Reason> reasons = new ArrayList<>();
        for (IndicatorDefinition i : facts.applicable()) {
            if (!parents.contains(i.code())) {
                Row row = leaf(i, facts, facts.openFindings() == null ? 0 : openAbove(i.code(), parentOf, facts.openFindings()));
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

    /** Findings naming the indicator or any indicator above it. */
    private static int openAbove(IndicatorCode code, Map<IndicatorCode, IndicatorCode> parentOf, Map<IndicatorCode, Integer> open) {
        int total = 0;
        Set<IndicatorCode> seen = new HashSet<>();
        for (IndicatorCode at = code; at != null && seen.add(at); at = parentOf.get(at)) {
            total += open.getOrDefault(at, 0);
        }
        return total;
    }

    private static BigDecimal sum(List<Row> rows, java.util.function.Function<Row, BigDecimal> what) {
        return rows.stream().map(what).reduce(BigDecimal.ZERO, BigDecimal::add);
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
