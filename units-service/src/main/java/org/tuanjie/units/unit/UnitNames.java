package org.tuanjie.units.unit;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/**
 * A unit's names by language tag: Chinese ({@code zh}) required, Tibetan ({@code bo}), English
 * ({@code en}) and other scripts optional. Text is kept exactly as given (no normalisation), so
 * Tibetan stacks round-trip byte for byte.
 */
public record UnitNames(Map<String, String> byLanguage) {

    public static final int MAX_LENGTH = 200;
    /** A language tag's length at most: the tags in use are far shorter (RFC 5646 asks a reader for 35). */
    static final int TAG_MAX_LENGTH = 35;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    public UnitNames {
        if (byLanguage == null) {
            throw new Problems.InvalidInput(new Violation("names.zh", "unit.names.zh.required"));
        }
        Map<String, String> clean = new TreeMap<>();
        for (Map.Entry<String, String> entry : byLanguage.entrySet()) {
            String tag = entry.getKey();
            String name = entry.getValue();
            if (tag == null || tag.length() > TAG_MAX_LENGTH || !LANGUAGE_TAG.matcher(tag).matches()) {
                throw new Problems.InvalidInput(new Violation("names", "unit.names.language", shown(tag)));
            }
            if (name == null || name.isBlank()) {
                continue;
            }
            if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new Problems.InvalidInput(new Violation("names." + tag, "unit.names.control"));
            }
            if (name.length() > MAX_LENGTH) {
                throw new Problems.InvalidInput(new Violation("names." + tag, "unit.names.length", MAX_LENGTH));
            }
            clean.put(tag, name);
        }
        if (!clean.containsKey("zh")) {
            throw new Problems.InvalidInput(new Violation("names.zh", "unit.names.zh.required"));
        }
        byLanguage = Map.copyOf(clean);
    }

    /** A refused tag as the error shows it: not a page of whatever was sent. */
    private static String shown(String tag) {
        if (tag == null || tag.codePointCount(0, tag.length()) <= TAG_MAX_LENGTH) {
            return String.valueOf(tag);
        }
        return tag.substring(0, tag.offsetByCodePoints(0, TAG_MAX_LENGTH)) + "…";
    }

    public static UnitNames of(String zh) {
        return new UnitNames(Map.of("zh", zh));
    }

    public String chinese() {
        return byLanguage.get("zh");
    }

    /** Lower-cased text that a search for any name's substring matches. */
    String searchText() {
        return String.join(" ", new TreeMap<>(byLanguage).values()).toLowerCase(Locale.ROOT);
    }
}
