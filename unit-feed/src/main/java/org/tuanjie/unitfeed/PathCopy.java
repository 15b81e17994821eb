package org.tuanjie.unitfeed;

/**
 * A column in which this service keeps a copy of a unit's path (a text of codes, {@code /51/5133/…/}),
 * so that jurisdiction checks need no remote call. When the unit moves, the copy must follow.
 *
 * @param table the table
 * @param pathColumn the column holding the copy
 * @param idColumn the unit's id beside it, or null
 * @param codeColumn the unit's code beside it, or null (then the copy is found by its path only)
 * @param townshipColumns the {code, name} columns of the unit's township beside it, or null
 * @param versioned whether a rewritten row's {@code version} (its ETag) goes up: its representation changed
 */
public record PathCopy(String table, String pathColumn, String idColumn, String codeColumn, String[] townshipColumns,
        boolean versioned) {

    /** The path of the unit a row is about, found by the unit's id; the township beside it, if any. */
    public static PathCopy ofUnit(String table, String pathColumn, String idColumn, boolean versioned,
            String... townshipColumns) {
        return new PathCopy(table, pathColumn, idColumn, null, townshipColumns.length == 0 ? null : townshipColumns,
                versioned);
    }

    /** The path of the unit that owns a row (the office that wrote it), found by the unit's code or by path alone. */
    public static PathCopy ofOwner(String table, String pathColumn, String codeColumn) {
        return new PathCopy(table, pathColumn, null, codeColumn, null, false);
    }
}
