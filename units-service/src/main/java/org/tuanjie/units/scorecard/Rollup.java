package org.tuanjie.units.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Scorecards added up over a group of units (a township with its villages, a department, a domain's members, the
 * county): their points, secured, at risk and missing, how many are ready; and the spread of the secured rate between
 * groups, the report's "uneven progress" as a number, as the township league table measures it.
 */
public final class Rollup {

    private Rollup() {
    }

    /** The sums of a group's scorecards. */
    public record Totals(int units, int ready, BigDecimal points, BigDecimal secured, BigDecimal atRisk, BigDecimal missing) {

        public static final Totals NONE = new Totals(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        /** One unit's scorecard as a group of one. */
        public static Totals of(Scorecard card) {
            return new Totals(1, card.ready() ? 1 : 0, card.points(), card.secured(), card.atRisk(), card.missing());
        }

        public Totals plus(Scorecard card) {
            return plus(of(card));
        }

        public Totals plus(Totals other) {
            return new Totals(units + other.units, ready + other.ready, points.add(other.points), secured.add(other.secured),
                    atRisk.add(other.atRisk), missing.add(other.missing));
        }

        /** Secured points over points, 0 to 1 in ten-thousandths; 0 where nothing applies. */
        public double securedRate() {
            return points.signum() == 0 ? 0 : secured.divide(points, 4, RoundingMode.HALF_EVEN).doubleValue();
        }
    }

    /**
     * The spread of the secured rate between groups: its mean, standard deviation and coefficient of variation
     * (none when the mean is 0).
     */
    public record Spread(int groups, double mean, double standardDeviation, Double coefficientOfVariation) {

        public static Spread of(List<Double> rates) {
            if (rates.isEmpty()) {
                return new Spread(0, 0, 0, null);
            }
            double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double variance = rates.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / rates.size();
            double sd = Math.sqrt(variance);
            return new Spread(rates.size(), round(mean), round(sd), mean == 0 ? null : round(sd / mean));
        }

        private static double round(double v) {
            return Math.round(v * 10000.0) / 10000.0;
        }
    }
}
