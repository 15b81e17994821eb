package org.tuanjie.units.indicators;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IndicatorRepository implements PanacheRepositoryBase<Indicator, UUID> {

    public List<Indicator> of(UUID catalogueId) {
        return list("catalogueId = ?1 order by position", catalogueId);
    }

    public long countOf(UUID catalogueId) {
        return count("catalogueId", catalogueId);
    }

    public void deleteOf(UUID catalogueId) {
        delete("catalogueId", catalogueId);
    }
}
