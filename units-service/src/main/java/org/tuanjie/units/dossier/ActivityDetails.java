package org.tuanjie.units.dossier;

import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/** What an activity states: its kind, the facts every entry states, where, how many attended, and what was done. */
public record ActivityDetails(ActivityKind kind, EntryFacts facts, String place, Integer attendees, String summary) {

    public ActivityDetails {
        if (kind == null) {
            throw new Problems.InvalidInput(new Violation("kind", "field.required"));
        }
        if (attendees != null && attendees < 0) {
            throw new Problems.InvalidInput(new Violation("attendees", "dossier.attendees"));
        }
        place = place == null || place.isBlank() ? null : place.trim();
        summary = summary == null || summary.isBlank() ? null : summary.trim();
    }
}
