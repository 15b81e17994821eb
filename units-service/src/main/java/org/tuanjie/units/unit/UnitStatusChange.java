package org.tuanjie.units.unit;

/**
 * What an entry of a unit's history records.
 */
public enum UnitStatusChange {
    CLOSED,
    REOPENED
}
