package org.tuanjie.platform.sheets;

import java.util.Map;

/**
 * One data line of an uploaded sheet: cells by canonical column name.
 *
 * @param line 1-based line in the file, the header being line 1
 */
public record SheetRow(int line, Map<String, String> cells) {

    public String get(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
