package org.tuanjie.units.people;

/**
 * What a person is to their unit. A unit has at most one liaison and one leader at a time; staff can be many.
 */
public enum PersonRole {
    /** 联络员 */
    LIAISON(true),
    /** 一把手: the principal leader */
    LEADER(true),
    /** 工作人员 */
    STAFF(false);

    private final boolean sole;

    PersonRole(boolean sole) {
        this.sole = sole;
    }

    /** Whether the unit has one person of this role at a time: a newcomer ends the previous one's period. */
    public boolean isSole() {
        return sole;
    }
}
