package org.tuanjie.platform.sheets;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day as clerks write it in a sheet: 2026-03-15, 2026/3/15, 2026.3.15, 2026年3月15日, 20260315, or a date and time
 * as .xlsx cells read (2026-03-15T09:30).
 */
public final class SheetDates {

    /** The forms {@link #parse} reads, as an error message names them. */
    public static final String FORMS = "2026-03-15, 2026/3/15, 2026.3.15, 2026年3月15日, 20260315";

    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
            + "(?:[T\\s]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private SheetDates() {
    }

    /** The day written, or empty when the text is not one (or names no real day, as 2026-02-30). */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Matcher m = SEPARATED.matcher(trimmed);
        if (!m.matches()) {
            m = COMPACT.matcher(trimmed);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException notADay) {
            return Optional.empty();
        }
    }
}
