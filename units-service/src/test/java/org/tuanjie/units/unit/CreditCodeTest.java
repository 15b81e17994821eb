package org.tuanjie.units.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", // the worked example of GB 32100-2015
            "91110000600037341L", // a Beijing enterprise, published on its licence
            "12100000400010398P"}) // a central public institution
    void acceptsRealCodes(String code) {
        assertEquals(code, CreditCode.parse(code).value());
    }

    @Test
    void acceptsLowerCaseInputAsItsCanonicalForm() {
        assertEquals("91350100M000100Y43", CreditCode.parse(" 91350100m000100y43 ").value());
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y44, code.credit.check",
            "91350100M000100Y4, code.credit.length",
            "91350100M000100Y433, code.credit.length",
            "91350100I000100Y43, code.credit.alphabet",   // I is not in the alphabet
            "913501O0M000100Y43, code.credit.alphabet",   // nor O
            "91A50100M000100Y43, code.credit.division"})  // characters 3–8 are a division code
    void rejectsWithTheReason(String code, String reason) {
        InvalidUnitCode e = assertThrows(InvalidUnitCode.class, () -> CreditCode.parse(code));
        assertEquals(reason, e.reasonKey());
    }

    @Test
    void computesTheCheckCharacterIndependently() {
        // sum of digit × weight over the 17 characters of the GB 32100 example, by hand: 9×1 + 1×3 + ...
        String first17 = "91350100M000100Y4";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * weights[i];
        }
        assertEquals(alphabet.charAt((31 - sum % 31) % 31), CreditCode.checkCharacter(first17));
        assertEquals('3', CreditCode.checkCharacter(first17));
    }
}
