package org.tuanjie.units.unit;

import java.util.Objects;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (digits and capitals
 * without I, O, Z, S, V): registration authority, organization type, 6-digit division code of
 * registration, 9-character organization code, and a check character over the first 17.
 */
public record CreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        Objects.requireNonNull(value, "value");
        if (value.length() != 18) {
            throw new InvalidUnitCode("code.credit.length");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw new InvalidUnitCode("code.credit.alphabet");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                throw new InvalidUnitCode("code.credit.division");
            }
        }
        if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
            throw new InvalidUnitCode("code.credit.check");
        }
    }

    public static CreditCode parse(String value) {
        return new CreditCode(value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int digit = ALPHABET.indexOf(first17.charAt(i));
            if (digit < 0) {
                throw new InvalidUnitCode("code.credit.alphabet");
            }
            sum += digit * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    @Override
    public String toString() {
        return value;
    }
}
