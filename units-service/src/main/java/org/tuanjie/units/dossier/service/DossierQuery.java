package org.tuanjie.units.dossier.service;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.units.dossier.DossierKind;
import org.tuanjie.units.indicators.IndicatorCode;

/**
 * Which entries of a dossier a list or a count takes.
 *
 * @param subtree   the unit's own entries (false) or those of every unit under it too
 * @param kinds     any of these kinds; empty: all
 * @param indicator only entries filed under this code; null: any
 * @param from      entries dated on or after; null: from the first
 * @param to        entries dated on or before; null: up to the last
 */
public record DossierQuery(UUID unitId, boolean subtree, Set<DossierKind> kinds, IndicatorCode indicator, UUID domainId,
        LocalDate from, LocalDate to, Status status) {

    /** Lists take active entries unless asked otherwise; counts take active ones only. */
    @Schema(name = "DossierStatusFilter")
    public enum Status { ACTIVE, WITHDRAWN, ALL }

    public DossierQuery {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        status = status == null ? Status.ACTIVE : status;
        if (from != null && to != null && from.isAfter(to)) {
            throw new Problems.InvalidInput(new Violation("to", "dossier.period"));
        }
    }
}
