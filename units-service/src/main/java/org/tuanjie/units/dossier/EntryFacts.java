package org.tuanjie.units.dossier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.units.indicators.IndicatorCode;

/**
 * What every dossier entry states, activity or document: its title, the day it happened or was issued, the
 * indicator codes it serves and, optionally, the "9+N进" domain it belongs to. Blank text counts as absent.
 */
public record EntryFacts(String title, LocalDate date, List<IndicatorCode> indicators, UUID domainId) {

    public EntryFacts {
        title = title == null || title.isBlank() ? null : title.trim();
        if (title == null) {
            throw new Problems.InvalidInput(new Violation("title", "field.required"));
        }
        if (date == null) {
            throw new Problems.InvalidInput(new Violation("date", "field.required"));
        }
        if (indicators == null || indicators.isEmpty()) {
            throw new Problems.InvalidInput(new Violation("indicatorCodes", "dossier.indicators.required"));
        }
        indicators = List.copyOf(indicators);
    }

    /**
     * An entry records what has happened: an activity held, a document issued. A day after {@code today} (the
     * county's calendar day) is a plan, not a record.
     */
    void requireHappenedBy(LocalDate today) {
        if (date.isAfter(today)) {
            throw new Problems.InvalidInput(new Violation("date", "dossier.date-future", today));
        }
    }
}
