package org.tuanjie.platform.sheets;

import org.tuanjie.platform.problem.Violation;

/**
 * A sheet with more data rows than its reader was allowed to keep: reading stopped at the first row over the limit,
 * so a sheet of a million rows costs no more than one just over it.
 */
public final class SheetTooLong extends SheetRefused {

    private final int maxRows;

    SheetTooLong(int maxRows) {
        super(new Violation("file", "import.rows", maxRows), null);
        this.maxRows = maxRows;
    }

    /** The data rows (the header and blank rows not counted) that were allowed. */
    public int maxRows() {
        return maxRows;
    }
}
