package org.tuanjie.units.unit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UnitHistoryRepository implements PanacheRepositoryBase<UnitHistoryEntry, Long> {

    /** Oldest first. */
    public List<UnitHistoryEntry> of(UUID unitId) {
        return list("unitId = ?1 order by id", unitId);
    }
}
