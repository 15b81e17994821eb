package org.tuanjie.platform.inbox;

/** Who an inbox item is for, at the unit it names: the unit's own people, or the office above that supervises it. */
public enum Audience {
    UNIT,
    OFFICE
}
