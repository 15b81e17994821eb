package org.tuanjie.units.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class DomainRepository implements PanacheRepositoryBase<CampaignDomain, UUID> {

    public boolean codeExists(UUID ownerUnitId, String code) {
        return count("ownerUnitId = ?1 and code = ?2", ownerUnitId, code) > 0;
    }
}
