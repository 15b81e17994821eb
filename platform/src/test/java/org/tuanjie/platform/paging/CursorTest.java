package org.tuanjie.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tuanjie.platform.problem.Problems;

class CursorTest {

    @Test
    void readsBackTheKeysItWasMadeOf() {
        UUID id = UUID.randomUUID();
        Cursor cursor = Cursor.decode(Cursor.of("2026-03-31", id.toString()).encode(), 2);
        assertEquals(LocalDate.of(2026, 3, 31), cursor.date(0));
        assertEquals(id, cursor.uuid(1));
        assertEquals(9_223_372_036_854_775_807L, Cursor.decode(Cursor.of("9223372036854775807").encode(), 1).number(0));
        assertEquals("/513221000000/513221100000/92513221MA6X0A1B2C/",
                Cursor.decode(Cursor.of("/513221000000/513221100000/92513221MA6X0A1B2C/").encode(), 1).path(0));
    }

    @Test
    void refusesWhatThisServerDidNotIssue() {
        assertCursorRefused(() -> Cursor.decode("!!!", 1));
        assertCursorRefused(() -> Cursor.decode("", 1));
        assertCursorRefused(() -> Cursor.decode(raw("v2\u001fx"), 1));
        assertCursorRefused(() -> Cursor.decode(raw("v1\u001fx\u001fy"), 1));
    }

    @Test
    void refusesAKeyThatIsNotAUuid() {
        for (String key : List.of("x", "", "2026-03-31", "/513221000000/", "00000000-0000-0000-0000-00000000000g")) {
            assertCursorRefused(() -> cursorOf(key).uuid(0));
        }
    }

    @Test
    void refusesAKeyThatIsNotADateADatabaseCanHold() {
        for (String key : List.of("x", "", "2026-02-30", "2026-3-1", "+10000-01-01", "+999999999-12-31", "-0001-01-01",
                "0000-12-31", UUID.randomUUID().toString())) {
            assertCursorRefused(() -> cursorOf(key).date(0));
        }
        assertEquals(LocalDate.of(9999, 12, 31), cursorOf("9999-12-31").date(0));
        assertEquals(LocalDate.of(1, 1, 1), cursorOf("0001-01-01").date(0));
    }

    @Test
    void refusesAKeyThatIsNotANonNegativeWholeNumber() {
        for (String key : List.of("x", "", "-1", "+1", "1e30", "1.5", " 1", "9223372036854775808", "99999999999999999999", "١٢")) {
            assertCursorRefused(() -> cursorOf(key).number(0));
        }
        assertEquals(0L, cursorOf("0").number(0));
    }

    @Test
    void refusesAKeyThatIsNotAUnitPath() {
        for (String key : List.of("x", "", "/", "//", "513221000000/", "/513221000000", "/513221000000//", "/-/",
                "/513221000000/../", "/abc/", "/513221000000/\u0000/", "/" + "1".repeat(33) + "/", UUID.randomUUID().toString())) {
            assertCursorRefused(() -> cursorOf(key).path(0));
        }
    }

    private static Cursor cursorOf(String key) {
        return Cursor.decode(raw("v1\u001f" + key), 1);
    }

    private static String raw(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertCursorRefused(Executable read) {
        Problems.InvalidInput refused = assertThrows(Problems.InvalidInput.class, read);
        assertEquals(400, refused.status());
        assertEquals(1, refused.violations().size());
        assertEquals("cursor", refused.violations().get(0).field());
        assertEquals("problem.cursor.invalid", refused.violations().get(0).messageKey());
    }
}
