package org.tuanjie.units.unit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tuanjie.platform.access.RootLookup;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitRepository;

/**
 * Where the unit named by a token's {@code unit_code} sits (the root of the caller's reach), remembered for
 * 30 seconds: every request needs it, and it changes only when a unit moves. A move here forgets everything
 * at once; on another replica a stale path matches nothing after the move (it shows less, never more) until
 * it expires.
 */
@ApplicationScoped
public class RootPaths implements RootLookup {

    private static final long TTL_NANOS = 30_000_000_000L;
    private static final int MAX_CODES = 50_000;

    private final Map<String, Entry> byCode = new ConcurrentHashMap<>();

    @Inject
    UnitRepository units;

    /** @return the code's path, or {@link UnitPath#NOWHERE} for a code no unit has */
    @Override
    public UnitPath pathOf(String code) {
        Entry entry = byCode.get(code);
        long now = System.nanoTime();
        if (entry != null && now - entry.at() < TTL_NANOS) {
            return entry.path();
        }
        UnitPath path = units.findByCode(code).map(Unit::unitPath).orElse(UnitPath.NOWHERE);
        if (byCode.size() >= MAX_CODES) {
            byCode.clear();
        }
        // unknown codes are not remembered: the office may create its root in the next second
        if (!path.isNowhere()) {
            byCode.put(code, new Entry(path, now));
        }
        return path;
    }

    void forgetAll() {
        byCode.clear();
    }

    private record Entry(UnitPath path, long at) {
    }
}
