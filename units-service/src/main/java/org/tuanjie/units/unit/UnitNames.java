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
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    public UnitNames {
        if (byLanguage == null) {
            throw new Problems.InvalidInput(new Violation("names.zh", "unit.names.zh.required"));
        }
        Map<String, String> clean = new TreeMap<>();
        for (Map.Entry<String, String> entry : byLanguage.entrySet()) {
            String tag = entry.getKey();
            String name = entry.getValue();
            if (tag == null || !LANGUAGE_TAG.matcher(tag).matches()) {
                throw new Problems.InvalidInput(new Violation("names", "unit.names.language", String.valueOf(tag)));
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
