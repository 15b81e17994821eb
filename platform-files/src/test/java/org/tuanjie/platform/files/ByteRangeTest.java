package org.tuanjie.platform.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void readsTheThreeFormsOfOneRange() {
        assertEquals(Optional.of(new ByteRange(0, 100)), ByteRange.parse("bytes=0-99", 1000));
        assertEquals(Optional.of(new ByteRange(900, 1000)), ByteRange.parse("bytes=900-", 1000));
        assertEquals(Optional.of(new ByteRange(990, 1000)), ByteRange.parse("bytes=-10", 1000));
        assertEquals("bytes 990-999/1000", new ByteRange(990, 1000).contentRange(1000));
    }

    @Test
    void clipsARangeRunningPastTheEndAndASuffixLongerThanTheFile() {
        assertEquals(Optional.of(new ByteRange(500, 1000)), ByteRange.parse("bytes=500-5000", 1000));
        assertEquals(Optional.of(new ByteRange(0, 1000)), ByteRange.parse("bytes=-5000", 1000));
    }

    @Test
    void ignoresWhatItDoesNotServeSoTheWholeFileIsSent() {
        assertEquals(Optional.empty(), ByteRange.parse(null, 1000));
        assertEquals(Optional.empty(), ByteRange.parse("items=0-9", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=0-9,20-29", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=abc", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=9-3", 1000));
    }

    @Test
    void refusesARangeStartingPastTheEndWithTheSize() {
        ByteRange.NotSatisfiable refused = assertThrows(ByteRange.NotSatisfiable.class, () -> ByteRange.parse("bytes=1000-", 1000));
        assertEquals(416, refused.status());
        assertEquals("bytes */1000", refused.headers().get("Content-Range"));
        assertThrows(ByteRange.NotSatisfiable.class, () -> ByteRange.parse("bytes=-0", 1000));
    }
}
