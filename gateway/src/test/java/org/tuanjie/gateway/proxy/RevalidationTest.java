package org.tuanjie.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class RevalidationTest {

    @Test
    void ifNoneMatchComparesTagsWeaklyAndTakesAListOrAStar() {
        assertTrue(Revalidation.matches("\"7\"", "\"7\""));
        assertTrue(Revalidation.matches("W/\"7\"", "\"7\""), "weak comparison: W/ does not matter");
        assertTrue(Revalidation.matches("\"6\", W/\"abc\" ,\"7\"", "W/\"abc\""));
        assertTrue(Revalidation.matches("*", "\"7\""));
        assertFalse(Revalidation.matches("\"6\"", "\"7\""));
        assertFalse(Revalidation.matches("7", "\"7\""), "a tag is quoted");
        assertFalse(Revalidation.matches(null, "\"7\""));
        assertFalse(Revalidation.matches(" ", "\"7\""));
    }

    @Test
    void theSameBytesHaveTheSameWeakTagAndOthersAnother() {
        String tag = Revalidation.weakTagOf(Buffer.buffer("{\"items\":[]}"));
        assertEquals(tag, Revalidation.weakTagOf(Buffer.buffer("{\"items\":[]}")));
        assertNotEquals(tag, Revalidation.weakTagOf(Buffer.buffer("{\"items\":[1]}")));
        assertTrue(tag.matches("W/\"[A-Za-z0-9_-]{22}\""), tag);
    }
}
