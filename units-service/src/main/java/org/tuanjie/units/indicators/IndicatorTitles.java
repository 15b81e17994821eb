package org.tuanjie.units.indicators;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An indicator's titles by language: Chinese ({@code zh}) required, Tibetan ({@code bo}) and English ({@code en})
 * optional. Longer than a unit's name: an indicator's title is often a sentence of what is asked.
 */
public record IndicatorTitles(Map<String, String> byLanguage) {

    public static final int MAX_LENGTH = 500;
    public static final Set<String> LANGUAGES = Set.of("zh", "bo", "en");

    public IndicatorTitles {
        Map<String, String> clean = new TreeMap<>();
        byLanguage.forEach((language, title) -> {
            if (!LANGUAGES.contains(language)) {
                throw new IllegalArgumentException("not a title language: " + language);
            }
            if (title != null && !title.isBlank()) {
                String trimmed = title.strip();
                if (trimmed.length() > MAX_LENGTH || trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    throw new IllegalArgumentException("not a title: " + language);
                }
                clean.put(language, trimmed);
            }
        });
        if (!clean.containsKey("zh")) {
            throw new IllegalArgumentException("an indicator has a Chinese title");
        }
        byLanguage = Map.copyOf(clean);
    }

    public String chinese() {
        return byLanguage.get("zh");
    }
}
