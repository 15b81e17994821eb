package org.tuanjie.units.unit.service;

import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.units.unit.UnitKind;

/**
 * Filters of a unit listing; every one optional.
 *
 * @param subtreeOf units under this one (itself included)
 * @param maxDepth  with subtreeOf: at most this many levels below it
 * @param kinds     empty for any kind; null for a filter that no kind passes
 * @param text      substring of any name, the code or the kind
 */
public record UnitQuery(UUID parentId, UUID subtreeOf, Integer maxDepth, Set<UnitKind> kinds, Status status,
        String text) {

    @Schema(name = "UnitStatusFilter")
    public enum Status { OPEN, CLOSED, ALL }

    public static UnitQuery children(UUID parentId) {
        return new UnitQuery(parentId, null, null, Set.of(), Status.OPEN, null);
    }
}
