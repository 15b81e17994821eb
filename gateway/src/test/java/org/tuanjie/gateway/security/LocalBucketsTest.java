package org.tuanjie.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The two budgets a request spends from, worked by hand: 4 at once per caller at 1/s, 6 at once per app at 2/s. */
class LocalBucketsTest {

    private static final long SECOND = 1_000_000_000L;
    private final LocalBuckets buckets = new LocalBuckets();

    private static List<ClientLimits.Quota> quotas(String person) {
        return List.of(new ClientLimits.Quota("client", "azp:mobile-app sub:" + person, 4, 1),
                new ClientLimits.Quota("app", "app:mobile-app", 6, 2));
    }

    @Test
    void oneCallersFloodStopsAtTheirOwnBudgetAndTheAppsStopsEveryone() {
        long now = 10 * SECOND;
        for (int i = 0; i < 4; i++) {
            assertTrue(buckets.take(quotas("zhuoma"), now).admitted());
        }
        ClientLimits.Taken fifth = buckets.take(quotas("zhuoma"), now);
        assertFalse(fifth.admitted(), "卓玛 spent her 4");
        assertEquals(2.0, fifth.levels()[1], 1e-9, "a refused request takes nothing from the app's 6");
        assertTrue(buckets.take(quotas("wangwei"), now).admitted());
        assertTrue(buckets.take(quotas("wangwei"), now).admitted());
        ClientLimits.Taken third = buckets.take(quotas("wangwei"), now);
        assertFalse(third.admitted(), "the app's 6 are spent, though 王伟 has 2 of his own left");
        assertEquals(2.0, third.levels()[0], 1e-9);
        ClientLimits.Decision refused = ClientLimits.Decision.of(quotas("wangwei"), third);
        assertEquals(1, refused.retryAfter(), "the app's bucket gives one again in half a second: 1 s, rounded up");
        assertEquals("\"client\";q=4;w=4, \"app\";q=6;w=3", refused.policy());
        assertEquals("\"client\";r=2;t=2, \"app\";r=0;t=3", refused.state());

        // a second later the app has 2 again, 卓玛 1
        assertTrue(buckets.take(quotas("zhuoma"), now + SECOND).admitted());
        assertFalse(buckets.take(quotas("zhuoma"), now + SECOND).admitted());
        assertTrue(buckets.take(quotas("wangwei"), now + SECOND).admitted());
        assertFalse(buckets.take(quotas("lina"), now + SECOND).admitted(), "the app's 2 are spent again");
    }

    @Test
    void aCallerWithoutAnAppHasOnlyTheirOwnBudget() {
        List<ClientLimits.Quota> address = List.of(new ClientLimits.Quota("client", "ip:10.0.0.7", 2, 1));
        assertTrue(buckets.take(address, 0).admitted());
        assertTrue(buckets.take(address, 0).admitted());
        ClientLimits.Taken third = buckets.take(address, 0);
        assertFalse(third.admitted());
        assertEquals("\"client\";r=0;t=2", ClientLimits.Decision.of(address, third).state());
    }
}
