package org.tuanjie.units.unit.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where the unit named by a token's {@code unit_code} sits, remembered for 30 seconds: every request
 * needs it, and it changes only when a unit moves. A move here forgets everything at once; on another
 * replica a stale path matches nothing after the move (it shows less, never more) until it expires.
 */
@ApplicationScoped
public class RootPaths {

    private static final long TTL_NANOS = 30_000_000_000L;
    private static final int MAX_CODES = 50_000;

    private final Map<String, Entry> byCode = new ConcurrentHashMap<>();

    /** @return the code's path, or {@link Jurisdiction#NOWHERE} for a code no unit has */
    String pathOf(String code, Supplier<Optional<String>> lookup) {
        Entry entry = byCode.get(code);
        long now = System.nanoTime();
        if (entry != null && now - entry.at() < TTL_NANOS) {
            return entry.path();
        }
        String path = lookup.get().orElse(Jurisdiction.NOWHERE);
        if (byCode.size() >= MAX_CODES) {
            byCode.clear();
        }
        // unknown codes are not remembered: the office may create its root in the next second
        if (!Jurisdiction.NOWHERE.equals(path)) {
            byCode.put(code, new Entry(path, now));
        }
        return path;
    }

    void forgetAll() {
        byCode.clear();
    }

    private record Entry(String path, long at) {
    }
}
