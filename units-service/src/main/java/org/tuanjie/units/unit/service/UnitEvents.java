package org.tuanjie.units.unit.service;

import org.tuanjie.units.unit.Unit;

/**
 * Facts other capabilities react to, in the same transaction.
 */
public final class UnitEvents {

    private UnitEvents() {
    }

    /** A unit was added to the hierarchy (by the API or an import). */
    public record UnitCreated(Unit unit) {
    }

    /** A unit moved under another parent with its subtree, whose paths are already re-rooted. */
    public record UnitMoved(Unit unit, String previousPath) {
    }

    /** A unit was renamed. */
    public record UnitRenamed(Unit unit) {
    }

    /** A unit was closed (撤并) or reopened. */
    public record UnitClosedOrReopened(Unit unit) {
    }
}
