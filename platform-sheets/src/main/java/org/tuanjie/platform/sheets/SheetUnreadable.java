package org.tuanjie.platform.sheets;

import org.tuanjie.platform.problem.Violation;

/** A file that cannot be read as a sheet at all: not of its kind, in no known encoding, a quote left open. */
public final class SheetUnreadable extends SheetRefused {

    SheetUnreadable(Violation violation, Throwable cause) {
        super(violation, cause);
    }
}
