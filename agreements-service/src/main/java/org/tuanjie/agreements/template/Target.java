package org.tuanjie.agreements.template;

/**
 * A target item (考核指标) of an agreement, with its weight in points out of 100.
 *
 * @param measure  how it is scored: by hand, or from the other services
 * @param category with {@link Measure#TASKS_VERIFIED}: only the tasks of this problem category (else all)
 */
public record Target(String code, String title, int weight, Measure measure, String category) {

    public enum Measure {
        /** Scored by an admin or inspector, with a comment. */
        MANUAL,
        /** weight × share of the unit's rectification tasks verified (all, if it has none), from tasks-service. */
        TASKS_VERIFIED,
        /** weight × the unit's readiness score / 100, from units-service. */
        READINESS
    }
}
