package org.tuanjie.platform.sheets;

import org.tuanjie.platform.problem.Violation;

/**
 * A file that cannot be read as a sheet at all: what went wrong, in the words the importing service puts into its
 * 400 answer with every other error.
 */
public final class SheetUnreadable extends RuntimeException {

    private final transient Violation violation;

    SheetUnreadable(Violation violation, Throwable cause) {
        super(violation.messageKey(), cause, false, false);
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
