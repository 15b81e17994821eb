package org.tuanjie.units.scorecard;

import java.util.EnumMap;
import java.util.Map;
import org.tuanjie.units.dossier.ActivityKind;
import org.tuanjie.units.indicators.IndicatorDefinition;

/** What a unit's dossier holds under one indicator: documents, and activities by kind. */
public record Evidence(int documents, Map<ActivityKind, Integer> activities) {

    public static final Evidence NONE = new Evidence(0, Map.of());

    public Evidence {
        activities = activities.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(activities));
    }

    /** Whether it holds at least what the indicator expects of each. */
    public boolean meets(IndicatorDefinition indicator) {
        return documents >= indicator.expectedDocuments() && indicator.expectedActivities().entrySet().stream()
                .allMatch(e -> activities.getOrDefault(e.getKey(), 0) >= e.getValue());
    }

    /** What is still lacking against the indicator: documents, and activities by kind (none lacking: empty). */
    public Evidence lackingFor(IndicatorDefinition indicator) {
        Map<ActivityKind, Integer> lacking = new EnumMap<>(ActivityKind.class);
        indicator.expectedActivities().forEach((kind, expected) -> {
            int shortBy = expected - activities.getOrDefault(kind, 0);
            if (shortBy > 0) {
                lacking.put(kind, shortBy);
            }
        });
        return new Evidence(Math.max(0, indicator.expectedDocuments() - documents), lacking);
    }
}
