package org.tuanjie.units.unit;

import org.tuanjie.units.unit.UnitExceptions.OwnRootUnit;
import org.tuanjie.units.unit.UnitExceptions.UnitNotFound;

/**
 * Separation of duties over the hierarchy: closing, moving, renaming and reopening a unit are acts of
 * the level above it. A caller performs them on units strictly below the root of their reach; the root
 * itself (the unit of their token's {@code unit_code}) is theirs to work in, not to manage, and a unit
 * outside the reach does not exist for them.
 */
public final class LevelAboveRule {

    private LevelAboveRule() {
    }

    /**
     * @param reachRoot path of the caller's reach (their own root unit's path)
     * @return the unit, when the caller may manage it
     * @throws UnitNotFound outside the reach
     * @throws OwnRootUnit for the caller's own root
     */
    public static Unit requireLevelAbove(Unit unit, String reachRoot) {
        if (!unit.isWithin(reachRoot)) {
            throw new UnitNotFound(unit.id());
        }
        if (unit.path().equals(reachRoot)) {
            throw new OwnRootUnit(unit.code());
        }
        return unit;
    }
}
