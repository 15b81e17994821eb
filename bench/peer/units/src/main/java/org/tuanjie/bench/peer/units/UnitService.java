package org.tuanjie.bench.peer.units;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UnitService {

    private final UnitRepository units;
    private final RootPaths roots;

    public UnitService(UnitRepository units, RootPaths roots) {
        this.units = units;
        this.roots = roots;
    }

    /** The unit, when it lies in the subtree of the caller's unit ({@code unit_code}); else empty, as if missing. */
    @Transactional(readOnly = true)
    public Optional<Unit> find(UUID id, String callerUnitCode) {
        String rootPath = callerUnitCode == null ? null : roots.pathOf(callerUnitCode);
        return units.findById(id).filter(unit -> unit.isWithin(rootPath));
    }
}
