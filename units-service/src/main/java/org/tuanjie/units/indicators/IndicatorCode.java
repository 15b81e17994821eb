package org.tuanjie.units.indicators;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/**
 * The code of an evaluation indicator (测评指标) a dossier entry serves. The catalogue of indicators comes
 * later, so only the form is checked: one to five segments of letters and digits joined by dots, the way
 * acceptance-check lists number their items ({@code 3}, {@code 3.2}, {@code 3.2.1}, {@code A2.1}, {@code B3.1.4}),
 * at most 40 characters. Letters are kept in capitals, so {@code a2.1} and {@code A2.1} are one code.
 */
public record IndicatorCode(String value) {

    public static final String FORM = "[A-Z0-9]{1,8}(\\.[A-Z0-9]{1,8}){0,4}";
    public static final int MAX_PER_ENTRY = 10;
    public static final int MAX_LENGTH = 40;
    private static final Pattern PATTERN = Pattern.compile(FORM);

    public IndicatorCode {
        if (value == null || !PATTERN.matcher(value).matches() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not an indicator code: " + value);
        }
    }

    /** The code in canonical form, or empty when it has not the form of one. */
    public static java.util.Optional<IndicatorCode> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String canonical = text.trim().toUpperCase(Locale.ROOT);
        return PATTERN.matcher(canonical).matches() && canonical.length() <= MAX_LENGTH
                ? java.util.Optional.of(new IndicatorCode(canonical)) : java.util.Optional.empty();
    }

    /**
     * The codes an entry is filed under: at least one, at most {@link #MAX_PER_ENTRY}, each of the form, repeats
     * counted once, in the order given.
     *
     * @param field the request field, for the errors ({@code indicatorCodes}, {@code indicatorCodes[1]})
     * @throws Problems.InvalidInput every code without the form, or none at all, or too many
     */
    public static List<IndicatorCode> listOf(List<String> texts, String field) {
        if (texts == null || texts.isEmpty()) {
            throw new Problems.InvalidInput(new Violation(field, "dossier.indicators.required"));
        }
        List<Violation> errors = new ArrayList<>();
        Set<IndicatorCode> codes = new LinkedHashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            int index = i;
            parse(texts.get(i)).ifPresentOrElse(codes::add,
                    () -> errors.add(new Violation(field + "[" + index + "]", "dossier.indicator.form")));
        }
        if (!errors.isEmpty()) {
            throw new Problems.InvalidInput(errors);
        }
        if (codes.size() > MAX_PER_ENTRY) {
            throw new Problems.InvalidInput(new Violation(field, "dossier.indicators.too-many", MAX_PER_ENTRY));
        }
        return List.copyOf(codes);
    }

    @Override
    public String toString() {
        return value;
    }
}
