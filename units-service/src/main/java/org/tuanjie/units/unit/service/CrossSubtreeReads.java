package org.tuanjie.units.unit.service;

import org.tuanjie.units.unit.Unit;

/**
 * A read of a unit outside the caller's subtree that a rule of another capability grants (a campaign
 * domain's lead unit reads its member units). Reads only: every write checks the caller's reach alone.
 */
public interface CrossSubtreeReads {

    /** Whether the current caller may read {@code unit}, which lies outside their subtree. */
    boolean grants(Unit unit);
}
