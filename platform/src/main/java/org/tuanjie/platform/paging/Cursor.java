package org.tuanjie.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/**
 * An opaque keyset position: the sort key values of the last item a client has seen. Clients
 * pass it back untouched; its inside may change between versions.
 */
public record Cursor(List<String> keys) {

    private static final char SEPARATOR = '\u001f';

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor of(String... keys) {
        return new Cursor(List.of(keys));
    }

    public String key(int index) {
        return keys.get(index);
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
