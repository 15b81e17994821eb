package org.tuanjie.units.indicators;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CatalogueRepository implements PanacheRepositoryBase<IndicatorCatalogue, UUID> {

    public int lastEdition(UUID ownerUnitId, int year) {
        Integer last = getEntityManager().createQuery(
                "select max(c.edition) from IndicatorCatalogue c where c.ownerUnitId = :owner and c.year = :year", Integer.class)
                .setParameter("owner", ownerUnitId).setParameter("year", year).getSingleResult();
        return last == null ? 0 : last;
    }

    public Optional<IndicatorCatalogue> draftOf(UUID ownerUnitId, int year) {
        return find("ownerUnitId = ?1 and year = ?2 and state = ?3", ownerUnitId, year, CatalogueState.DRAFT).firstResultOptional();
    }
}
