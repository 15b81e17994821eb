package org.tuanjie.units.domain.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.units.domain.CampaignDomain;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitRepository;
import org.tuanjie.units.unit.service.CrossSubtreeReads;

/**
 * "9+N进": the lead unit (牵头单位) of a domain reads its member units (the unit and its readiness) even
 * outside its own subtree, see {@link CampaignDomain#letsLeadRead}. Writes stay within the caller's reach.
 */
@ApplicationScoped
public class LeadUnitReads implements CrossSubtreeReads {

    @Inject
    Caller caller;

    @Inject
    UnitRepository units;

    @Inject
    EntityManager em;

    @Override
    public boolean grants(Unit member) {
        return callerUnit().map(reader -> em.createQuery("""
                select d, o from DomainMembership m, CampaignDomain d, Unit o
                where m.key.unitId = :member and d.id = m.key.domainId and d.leadUnitId = :reader
                and o.id = d.ownerUnitId""", Object[].class)
                .setParameter("member", member.id()).setParameter("reader", reader.id())
                .getResultStream()
                .anyMatch(row -> ((CampaignDomain) row[0]).letsLeadRead(reader, member, (Unit) row[1])))
                .orElse(false);
    }

    /** Whether the caller's unit is the lead of {@code domain}. */
    boolean callerLeads(CampaignDomain domain) {
        return callerUnit().filter(reader -> reader.id().equals(domain.leadUnitId())).isPresent();
    }

    private Optional<Unit> callerUnit() {
        return caller.unitCode().flatMap(units::findByCode);
    }
}
