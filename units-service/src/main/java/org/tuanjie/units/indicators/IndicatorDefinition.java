package org.tuanjie.units.indicators;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.tuanjie.units.dossier.ActivityKind;
import org.tuanjie.units.unit.UnitKind;

/**
 * One evaluation indicator as a catalogue defines it: its code and place in the tree, its titles, the points it is
 * worth, which units it applies to (kinds of unit and "9+N进" domains; none named: all), how it is measured, and the
 * evidence it expects on a unit's dossier (documents, and activities by kind). Checked one by one here; the table as a
 * whole (unique codes, parents, points adding up) by {@link IndicatorTable}.
 *
 * @param domains the codes of the domains it applies to ({@code SCHOOLS}, or a county's local code)
 */
public record IndicatorDefinition(IndicatorCode code, IndicatorCode parent, IndicatorTitles titles, BigDecimal points,
        Set<UnitKind> unitKinds, Set<String> domains, MeasuredBy measuredBy, int expectedDocuments,
        Map<ActivityKind, Integer> expectedActivities) {

    /** A catalogue's points are whole or in hundredths, up to this for one indicator (a whole catalogue is 100 or 1000). */
    public static final BigDecimal MAX_POINTS = new BigDecimal("10000");
    public static final int MAX_EXPECTED = 1000;

    public IndicatorDefinition {
        if (code == null || titles == null || points == null || measuredBy == null) {
            throw new IllegalArgumentException("an indicator has a code, titles, points and a way to be measured");
        }
        if (points.signum() <= 0 || points.compareTo(MAX_POINTS) > 0 || points.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("points out of range: " + points);
        }
        points = new BigDecimal(points.stripTrailingZeros().toPlainString()); // 4, 2.5: as the table shows them, not 4.00
        if (code.equals(parent)) {
            throw new IllegalArgumentException("an indicator is not its own parent: " + code);
        }
        unitKinds = unitKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(unitKinds));
        domains = Set.copyOf(domains);
        if (expectedDocuments < 0 || expectedDocuments > MAX_EXPECTED) {
            throw new IllegalArgumentException("expected documents out of range: " + expectedDocuments);
        }
        Map<ActivityKind, Integer> activities = new EnumMap<>(ActivityKind.class);
        expectedActivities.forEach((kind, count) -> {
            if (count < 0 || count > MAX_EXPECTED) {
                throw new IllegalArgumentException("expected activities out of range: " + count);
            }
            if (count > 0) {
                activities.put(kind, count);
            }
        });
        expectedActivities = Map.copyOf(activities);
    }

    /** Whether a unit of this kind, member of these domains, is judged by this indicator. */
    public boolean appliesTo(UnitKind kind, Set<String> memberOf) {
        return (unitKinds.isEmpty() || unitKinds.contains(kind))
                && (domains.isEmpty() || memberOf.stream().anyMatch(domains::contains));
    }

    /** Whether it asks for any evidence at all (a reviewer-scored one may ask for none). */
    public boolean expectsEvidence() {
        return expectedDocuments > 0 || !expectedActivities.isEmpty();
    }
}
