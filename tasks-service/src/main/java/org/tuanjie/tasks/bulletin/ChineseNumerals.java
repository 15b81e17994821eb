package org.tuanjie.tasks.bulletin;

/**
 * Numbers as official documents write their headings: 一、二、…十、十一、…九十九 (GB/T 9704 levels 一、 and （一）).
 */
public final class ChineseNumerals {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; beyond that, Arabic digits (no bulletin has 100 sections). */
    public static String of(int n) {
        if (n < 1 || n > 99) {
            return Integer.toString(n);
        }
        int tens = n / 10;
        int units = n % 10;
        StringBuilder words = new StringBuilder();
        if (tens > 1) {
            words.append(DIGITS.charAt(tens));
        }
        if (tens > 0) {
            words.append('十');
        }
        if (units > 0) {
            words.append(DIGITS.charAt(units));
        }
        return words.toString();
    }

    /** A date as official documents write it: 2026年3月19日. */
    public static String date(java.time.LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
