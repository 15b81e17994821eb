package org.tuanjie.units.unit;

/**
 * What an entry of a unit's history records.
 */
public enum UnitStatusChange {
    CLOSED,
    REOPENED,
    /** A role given to the account of one of the unit's people. */
    ACCOUNT_ROLE_GRANTED,
    /** A role taken from such an account: the person left, and the account was disabled. */
    ACCOUNT_ROLE_REVOKED
}
