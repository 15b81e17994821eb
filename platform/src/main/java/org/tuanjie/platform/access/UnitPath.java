package org.tuanjie.platform.access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a unit sits: the codes from the top of the hierarchy down to the unit itself, written
 * {@code /510000000000/513300000000/…/}. A unit lies within another when the other's path is a
 * prefix of its own. Two markers are paths no caller's reach ever covers: {@link #NOWHERE} (a token
 * naming no known unit) and a departed copy ({@code -} before the old path: the unit left the
 * deployment's root).
 */
public record UnitPath(String text) {

    /** The reach of a caller whose token names no known unit: covers nothing, lies within nothing. */
    public static final UnitPath NOWHERE = new UnitPath("/-/");

    private static final String DEPARTED = "-";

    public UnitPath {
        if (text == null || text.isEmpty() || !text.endsWith("/")
                || !(text.startsWith("/") || text.startsWith(DEPARTED + "/"))) {
            throw new IllegalArgumentException("not a unit path: " + text);
        }
    }

    public static UnitPath of(List<String> codes) {
        return new UnitPath("/" + String.join("/", codes) + "/");
    }

    public static UnitPath of(String text) {
        return new UnitPath(text);
    }

    /** A stored copy, which may be missing (no owner recorded). */
    public static Optional<UnitPath> ofNullable(String text) {
        return text == null ? Optional.empty() : Optional.of(new UnitPath(text));
    }

    /** Whether {@code other} is this unit or lies below it. NOWHERE and departed paths cover nothing. */
    public boolean covers(UnitPath other) {
        return other != null && isPlace() && other.text.startsWith(text);
    }

    public boolean covers(String otherText) {
        return otherText != null && isPlace() && otherText.startsWith(text);
    }

    /** Whether this unit is {@code other} or lies below it. */
    public boolean within(UnitPath other) {
        return other != null && other.covers(this);
    }

    /**
     * A SQL {@code LIKE} pattern (escape {@code \}) matching this path and every path below it. No stored
     * path starts like NOWHERE, and a reach never starts like a departed copy, so neither leaks.
     */
    public String likePattern() {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The marker a copy gets when its unit leaves the deployment's root. */
    public UnitPath departed() {
        return isDeparted() ? this : new UnitPath(DEPARTED + text);
    }

    public boolean isDeparted() {
        return text.startsWith(DEPARTED);
    }

    public boolean isNowhere() {
        return equals(NOWHERE);
    }

    public List<String> codes() {
        String inner = text.substring(text.indexOf('/') + 1, text.length() - 1);
        return inner.isEmpty() ? List.of() : Arrays.asList(inner.split("/"));
    }

    /** The code of the unit this path leads to. */
    public String code() {
        List<String> codes = codes();
        return codes.isEmpty() ? "" : codes.get(codes.size() - 1);
    }

    /**
     * The township this unit lies in (itself, when it is one): the path down to the first code that
     * is a township-level statistical division code (digits 7–9 set, 10–12 zero).
     */
    public Optional<UnitPath> township() {
        List<String> codes = codes();
        for (int i = 0; i < codes.size(); i++) {
            if (isTownshipCode(codes.get(i))) {
                return Optional.of(UnitPath.of(codes.subList(0, i + 1)));
            }
        }
        return Optional.empty();
    }

    /** A 12-digit division code of a township (乡镇): its own three digits set, the village digits zero. */
    public static boolean isTownshipCode(String code) {
        return code.length() == 12 && code.chars().allMatch(Character::isDigit)
                && !code.substring(6, 9).equals("000") && code.endsWith("000");
    }

    /** A 12-digit division code of a county or a level above it. */
    public static boolean isCountyOrAboveCode(String code) {
        return code.length() == 12 && code.chars().allMatch(Character::isDigit) && code.endsWith("000000");
    }

    private boolean isPlace() {
        return !isDeparted() && !isNowhere();
    }

    @Override
    public String toString() {
        return text;
    }
}
