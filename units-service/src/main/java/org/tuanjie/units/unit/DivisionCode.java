package org.tuanjie.units.unit;

import java.util.Objects;

/**
 * 统计用区划代码: the 12-digit statistical division code of a region. Digits 1–2 name the
 * province, 3–4 the prefecture, 5–6 the county, 7–9 the township, 10–12 the village; a level's
 * code is zero below it ({@code 513200000000} is 阿坝藏族羌族自治州). A child's code starts with
 * its parent's significant digits.
 */
public record DivisionCode(String value) {

    private static final int[] SIGNIFICANT = {2, 4, 6, 9, 12};

    public DivisionCode {
        Objects.requireNonNull(value, "value");
        if (value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidUnitCode("code.division.format");
        }
        if (value.charAt(0) == '0') {
            throw new InvalidUnitCode("code.division.province");
        }
        // levels are filled top down: no township under a zero county (510000001000)
        int level = levelIndex(value);
        for (int above = 1; above < level; above++) {
            if (value.substring(SIGNIFICANT[above - 1], SIGNIFICANT[above]).chars().allMatch(c -> c == '0')) {
                throw new InvalidUnitCode("code.division.gap");
            }
        }
    }

    public static DivisionCode parse(String value) {
        return new DivisionCode(value == null ? "" : value.trim());
    }

    public static boolean isValid(String value) {
        try {
            parse(value);
            return true;
        } catch (InvalidUnitCode e) {
            return false;
        }
    }

    public DivisionLevel level() {
        return DivisionLevel.values()[levelIndex(value)];
    }

    /** The digits that name this region, without the zeros of the levels below. */
    public String significantPrefix() {
        return value.substring(0, SIGNIFICANT[levelIndex(value)]);
    }

    /** Whether this code lies inside {@code parent}'s area (its significant prefix). */
    public boolean isWithin(DivisionCode parent) {
        return !equals(parent) && value.startsWith(parent.significantPrefix());
    }

    private static int levelIndex(String value) {
        for (int level = SIGNIFICANT.length - 1; level > 0; level--) {
            String part = value.substring(SIGNIFICANT[level - 1], SIGNIFICANT[level]);
            if (!part.chars().allMatch(c -> c == '0')) {
                return level;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
