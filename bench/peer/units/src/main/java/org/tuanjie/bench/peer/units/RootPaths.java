package org.tuanjie.bench.peer.units;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * Where the unit a token's {@code unit_code} names sits: the root of the caller's reach. Cached (30 s, see
 * application.properties) as units-service does; an unknown code is not remembered.
 */
@Component
public class RootPaths {

    private final UnitRepository units;

    public RootPaths(UnitRepository units) {
        this.units = units;
    }

    /** @return the path of the unit with this code, or null when there is none */
    @Cacheable(cacheNames = "root-paths", unless = "#result == null")
    public String pathOf(String unitCode) {
        return units.findPathByCode(unitCode).orElse(null);
    }
}
