package org.tuanjie.units.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tuanjie.units.dossier.ActivityKind;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.indicators.IndicatorDefinition;
import org.tuanjie.units.indicators.IndicatorTitles;
import org.tuanjie.units.indicators.MeasuredBy;
import org.tuanjie.units.readiness.ReadinessItem;

/** The points a unit earns, has at risk and misses, worked out by hand for a small catalogue. */
class ScorecardTest {

    // 1 (10) = 1.1 (4, one document) + 1.2 (6, three publicity activities); 2 (5, reviewer); 3 (8) = 3.1 (8, schools only)
    private static final List<IndicatorDefinition> CATALOGUE = List.of(
            row("1", null, "10", MeasuredBy.REVIEWER, 0, Map.of()),
            row("1.1", "1", "4", MeasuredBy.SUITE, 1, Map.of()),
            row("1.2", "1", "6", MeasuredBy.SUITE, 0, Map.of(ActivityKind.PUBLICITY, 3)),
            row("2", null, "5", MeasuredBy.REVIEWER, 0, Map.of()),
            row("3", null, "8", MeasuredBy.REVIEWER, 0, Map.of()),
            row("3.1", "3", "8", MeasuredBy.SUITE, 0, Map.of(ActivityKind.SHOWCASE, 1)));
    /** A village: 3 applies by its own kinds, 3.1 does not. */
    private static final List<IndicatorDefinition> APPLICABLE = CATALOGUE.stream().filter(i -> !i.code().value().equals("3.1")).toList();

    @Test
    void earnsASuiteMeasuredIndicatorOnceTheEvidenceIsOnFile() {
        Scorecard card = card(Map.of(code("1.1"), new Evidence(1, Map.of()),
                code("1.2"), new Evidence(0, Map.of(ActivityKind.PUBLICITY, 2))), Map.of(), Map.of(), Set.of());
        assertEquals(new BigDecimal("15"), card.points(), "1.1 + 1.2 + 2; 3 has no leaf that applies");
        assertEquals(new BigDecimal("4"), card.secured());
        assertEquals(new BigDecimal("11"), card.missing());
        assertEquals(List.of("1", "1.1", "1.2", "2"), card.rows().stream().map(r -> r.indicator().code().value()).toList());
        Scorecard.Row publicity = card.rows().get(2);
        assertEquals(Scorecard.Status.MISSING_EVIDENCE, publicity.status());
        assertEquals(Map.of(ActivityKind.PUBLICITY, 1), publicity.lacking().activities());
        assertEquals(Scorecard.Status.INCOMPLETE, card.rows().get(0).status());
        assertEquals(new BigDecimal("4"), card.rows().get(0).secured());
        assertEquals(List.of(Scorecard.ReasonKind.MISSING_EVIDENCE, Scorecard.ReasonKind.AWAITING_REVIEW),
                card.reasons().stream().map(Scorecard.Reason::kind).toList());
        assertFalse(card.ready());
    }

    @Test
    void aReviewersScoreDecidesAndAnOpenFindingPutsWhatWasEarnedAtRisk() {
        Map<IndicatorCode, Evidence> all = Map.of(code("1.1"), new Evidence(2, Map.of()),
                code("1.2"), new Evidence(0, Map.of(ActivityKind.PUBLICITY, 5)));
        Scorecard card = card(all, Map.of(code("1.1"), new BigDecimal("3"), code("2"), new BigDecimal("5")),
                Map.of(code("1"), 1), Set.of());
        // 1.1: reviewed 3 of 4, and at risk (a finding names its parent 1); 1.2: earned 6, at risk too; 2: 5 secured
        assertEquals(new BigDecimal("5"), card.secured());
        assertEquals(new BigDecimal("9"), card.atRisk());
        assertEquals(new BigDecimal("1"), card.missing());
        assertEquals(Scorecard.Status.AT_RISK, card.rows().get(1).status());
        assertEquals(1, card.rows().get(1).openFindings());
        assertEquals(Scorecard.Status.SECURED, card.rows().get(3).status());
    }

    @Test
    void isReadyOnlyWithEverythingSecuredAndTheReadinessComplete() {
        Map<IndicatorCode, Evidence> all = Map.of(code("1.1"), new Evidence(1, Map.of()),
                code("1.2"), new Evidence(0, Map.of(ActivityKind.PUBLICITY, 3)));
        Map<IndicatorCode, BigDecimal> reviews = Map.of(code("2"), new BigDecimal("5"));
        assertTrue(card(all, reviews, Map.of(), Set.of()).ready());
        Scorecard threeNone = card(all, reviews, Map.of(), Set.of(ReadinessItem.OFFICE));
        assertFalse(threeNone.ready());
        assertEquals(Scorecard.ReasonKind.READINESS_INCOMPLETE, threeNone.reasons().get(0).kind());
        Scorecard below = card(all, Map.of(code("2"), new BigDecimal("4.5")), Map.of(), Set.of());
        assertEquals(List.of(Scorecard.ReasonKind.SCORED_BELOW), below.reasons().stream().map(Scorecard.Reason::kind).toList());
        assertEquals(new BigDecimal("0.5"), below.missing());
        assertFalse(Scorecard.withoutCatalogue(Set.of()).ready());
    }

    @Test
    void aRollUpAddsAUnitUpFromItsStandingAsItsFullCardWould() {
        Map<IndicatorCode, Evidence> all = Map.of(code("1.1"), new Evidence(2, Map.of()),
                code("1.2"), new Evidence(0, Map.of(ActivityKind.PUBLICITY, 5)));
        Map<IndicatorCode, BigDecimal> reviews = Map.of(code("1.1"), new BigDecimal("3"), code("2"), new BigDecimal("5"));
        Scorecard.Standing standing = card(all, reviews, Map.of(), Set.of()).standing(Scorecard.Lineage.of(CATALOGUE));
        // as worked out above: a finding at 1 puts 1.1's 3 and 1.2's 6 at risk
        assertEquals(new Rollup.Totals(1, 0, new BigDecimal("15"), new BigDecimal("5"), new BigDecimal("9"), BigDecimal.ONE),
                standing.totals(Map.of(code("1"), 1)));
        // a finding at 2 only: 5 at risk; none open: nothing at risk, yet 1.1 scored below its points keeps it from ready
        assertEquals(new BigDecimal("5"), standing.totals(Map.of(code("2"), 2)).atRisk());
        assertEquals(new Rollup.Totals(1, 0, new BigDecimal("15"), new BigDecimal("14"), BigDecimal.ZERO, BigDecimal.ONE),
                standing.totals(Map.of()));
        // not known which are open: nothing counted at risk, and not ready
        Scorecard.Standing ready = card(all, Map.of(code("2"), new BigDecimal("5")), Map.of(), Set.of())
                .standing(Scorecard.Lineage.of(CATALOGUE));
        assertEquals(1, ready.totals(Map.of()).ready());
        assertEquals(0, ready.totals(null).ready());
        // 3 has no leaf that applies: a finding there puts nothing at risk, and the unit is still ready
        assertEquals(new Rollup.Totals(1, 1, new BigDecimal("15"), new BigDecimal("15"), BigDecimal.ZERO, BigDecimal.ZERO),
                ready.totals(Map.of(code("3"), 1)));
    }

    @Test
    void aStandingAddsUpAsTheFullCardOverManySeededCases() {
        long seed = Long.getLong("scorecard.seed", System.nanoTime());
        java.util.Random random = new java.util.Random(seed);
        List<IndicatorCode> codes = CATALOGUE.stream().map(IndicatorDefinition::code).toList();
        for (int n = 0; n < 2000; n++) {
            Map<IndicatorCode, Evidence> onFile = new HashMap<>();
            Map<IndicatorCode, BigDecimal> reviews = new HashMap<>();
            Map<IndicatorCode, Integer> open = new HashMap<>();
            for (IndicatorCode code : codes) {
                if (random.nextBoolean()) {
                    onFile.put(code, new Evidence(random.nextInt(3), Map.of(ActivityKind.PUBLICITY, random.nextInt(5),
                            ActivityKind.SHOWCASE, random.nextInt(2))));
                }
                if (random.nextInt(3) == 0) {
                    reviews.put(code, new BigDecimal(random.nextInt(11)));
                }
                if (random.nextInt(4) == 0) {
                    open.put(code, 1 + random.nextInt(2));
                }
            }
            Set<ReadinessItem> missing = random.nextInt(4) == 0 ? Set.of(ReadinessItem.OFFICE) : Set.of();
            Scorecard.Standing standing = card(onFile, reviews, Map.of(), missing).standing(Scorecard.Lineage.of(CATALOGUE));
            assertEquals(Rollup.Totals.of(card(onFile, reviews, open, missing)), standing.totals(open),
                    "case " + n + ", replay with -Dscorecard.seed=" + seed);
            assertEquals(Rollup.Totals.of(card(onFile, reviews, null, missing)), standing.totals(null),
                    "case " + n + " with findings unknown, replay with -Dscorecard.seed=" + seed);
        }
    }

    private static Scorecard card(Map<IndicatorCode, Evidence> onFile, Map<IndicatorCode, BigDecimal> reviews,
            Map<IndicatorCode, Integer> open, Set<ReadinessItem> missing) {
        return Scorecard.of(new Scorecard.Facts(CATALOGUE, APPLICABLE, onFile, new HashMap<>(), reviews, open, missing));
    }

    private static IndicatorCode code(String code) {
        return new IndicatorCode(code);
    }

    private static IndicatorDefinition row(String code, String parent, String points, MeasuredBy by, int documents,
            Map<ActivityKind, Integer> activities) {
        return new IndicatorDefinition(code(code), parent == null ? null : code(parent), new IndicatorTitles(Map.of("zh", "指标" + code)),
                new BigDecimal(points), Set.of(), Set.of(), by, documents, activities);
    }
}
