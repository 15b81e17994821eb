package org.tuanjie.platform.sheets;

import org.tuanjie.platform.problem.Violation;

/**
 * A file refused as a whole before any of its rows is checked: what is wrong with it, in the words the importing
 * service puts into its 400 answer.
 */
public abstract sealed class SheetRefused extends RuntimeException permits SheetUnreadable, SheetTooLong {

    private final transient Violation violation;

    SheetRefused(Violation violation, Throwable cause) {
        super(violation.messageKey(), cause, false, false);
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
