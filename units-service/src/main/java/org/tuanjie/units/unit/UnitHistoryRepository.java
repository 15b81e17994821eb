package org.tuanjie.units.unit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UnitHistoryRepository implements PanacheRepositoryBase<UnitHistoryEntry, Long> {

    /**
     * The unit's latest {@code max} entries, oldest first: a unit's history only grows, and its answer must stay
     * bounded; the ones left out are the oldest.
     */
    public List<UnitHistoryEntry> latestOf(UUID unitId, int max) {
        List<UnitHistoryEntry> latest = new ArrayList<>(find("unitId = ?1 order by id desc", unitId).page(0, max).list());
        Collections.reverse(latest);
        return latest;
    }
}
