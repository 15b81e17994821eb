package org.tuanjie.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/**
 * An opaque keyset position: the sort key values of the last item a client has seen. Clients
 * pass it back untouched; its inside may change between versions.
 *
 * <p>A cursor is not signed, so a client can forge one that decodes. Services read its keys through
 * the typed accessors ({@link #uuid}, {@link #date}, {@link #number}, {@link #path}), which refuse a
 * key of the wrong kind with the same 400 as an undecodable cursor, before it reaches a query.
 */
public record Cursor(List<String> keys) {

    /** The longest cursor this server issues (sort keys of a few hundred characters, Base64) or reads. */
    public static final int MAX_LENGTH = 1024;
    private static final char SEPARATOR = '\u001f';
    /** A unit path as the services store it: {@code /513221000000/513221100000/}. */
    private static final Pattern UNIT_PATH = Pattern.compile("(/[0-9A-Z]{1,32})+/");
    /** What PostgreSQL's {@code date} and the services' own bounds accept. */
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor of(String... keys) {
        return new Cursor(List.of(keys));
    }

    public String key(int index) {
        return keys.get(index);
    }

    /** @throws Problems.InvalidInput (400, field {@code cursor}) unless the key is a UUID */
    public UUID uuid(int index) {
        try {
            return UUID.fromString(key(index));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** @throws Problems.InvalidInput (400, field {@code cursor}) unless the key is an ISO date of the years 1 to 9999 */
    public LocalDate date(int index) {
        LocalDate date;
        try {
            date = LocalDate.parse(key(index));
        } catch (DateTimeParseException e) {
            throw invalid();
        }
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw invalid();
        }
        return date;
    }

    /**
     * A position in a sequence (an audit entry's number, a transaction id).
     *
     * @throws Problems.InvalidInput (400, field {@code cursor}) unless the key is a whole number from 0 to {@link Long#MAX_VALUE}
     */
    public long number(int index) {
        String key = key(index);
        if (key.isEmpty() || !key.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid();
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** @throws Problems.InvalidInput (400, field {@code cursor}) unless the key is a unit path, {@code /code/…/code/} */
    public String path(int index) {
        String key = key(index);
        if (!UNIT_PATH.matcher(key).matches()) {
            throw invalid();
        }
        return key;
    }

    public String encode() {
        String joined = String.join(String.valueOf(SEPARATOR), keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1" + SEPARATOR + joined).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param arity how many keys the listing's sort order has
     * @throws Problems.InvalidInput (400, field {@code cursor}) for anything this server did not issue
     */
    public static Cursor decode(String encoded, int arity) {
        if (encoded.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            List<String> parts = split(text);
            if (parts.size() != arity + 1 || !"v1".equals(parts.get(0))) {
                throw invalid();
            }
            return new Cursor(parts.subList(1, parts.size()));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == SEPARATOR) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    private static Problems.InvalidInput invalid() {
        return new Problems.InvalidInput(new Violation("cursor", "problem.cursor.invalid"));
    }
}
