package org.tuanjie.units.people;

/**
 * Where a person's account at the identity server stands, as the suite made it.
 */
public enum AccountState {
    /** Enabled, with the roles recorded. */
    ACTIVE,
    /** Disabled because the person's period ended; kept, so the trail's names stay resolvable. */
    DISABLED
}
