package org.tuanjie.units.domain.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.stream.Collectors;
import org.tuanjie.units.domain.CampaignDomain;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.service.CrossSubtreeReads;

/**
 * "9+N进": the lead unit (牵头单位) of a domain reads its member units (the unit and its readiness) even
 * outside its own subtree, see {@link CampaignDomain#letsLeadRead}. This finds the leads; the access policy
 * grants the read, and writes stay within the caller's reach.
 */
@ApplicationScoped
public class LeadUnitReads implements CrossSubtreeReads {

    @Inject
    EntityManager em;

    @Override
    public Set<String> domainLeadsOf(Unit member) {
        return em.createQuery("""
                select d, o, l from DomainMembership m, CampaignDomain d, Unit o, Unit l
                where m.key.unitId = :member and d.id = m.key.domainId
                and o.id = d.ownerUnitId and l.id = d.leadUnitId""", Object[].class)
                .setParameter("member", member.id())
                .getResultStream()
                .filter(row -> ((CampaignDomain) row[0]).letsLeadRead((Unit) row[2], member, (Unit) row[1]))
                .map(row -> ((Unit) row[2]).code())
                .collect(Collectors.toSet());
    }
}
