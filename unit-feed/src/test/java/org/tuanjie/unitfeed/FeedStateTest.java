package org.tuanjie.unitfeed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tuanjie.unitfeed.UnitCopies.FeedState;

/** When the unit feed stops reading a stretch of changes again. */
class FeedStateTest {

    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    @Test
    void theFirstRunStillStartsFromTheBeginningNextTime() {
        assertEquals(new FeedState(null, "c1", T0), UnitFeed.next(null, "c1", T0));
    }

    @Test
    void aReachedCursorIsKeptUntilItIsOldEnoughThenSettles() {
        FeedState first = new FeedState(null, "c1", T0);
        // a minute later: c2 is reached, but runs still start at the beginning and c1 waits to settle
        assertSame(first, UnitFeed.next(first, "c2", T0.plusSeconds(60)));
        assertSame(first, UnitFeed.next(first, "c3", T0.plus(UnitFeed.REREAD).minusMillis(1)));
        // c1 was reached long enough ago and everything before it was read again: runs now start from c1
        assertEquals(new FeedState("c1", "c4", T0.plus(UnitFeed.REREAD)),
                UnitFeed.next(first, "c4", T0.plus(UnitFeed.REREAD)));
    }
}
