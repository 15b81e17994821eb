package org.tuanjie.units.domain.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.Page;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.units.domain.CampaignDomain;
import org.tuanjie.units.domain.DomainExceptions.DomainCodeTaken;
import org.tuanjie.units.domain.DomainExceptions.DomainNotFound;
import org.tuanjie.units.domain.DomainMembership;
import org.tuanjie.units.domain.DomainRepository;
import org.tuanjie.units.domain.StandardDomain;
import org.tuanjie.units.readiness.ReadinessProfile;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitNames;
import org.tuanjie.units.unit.UnitRepository;
import org.tuanjie.units.unit.service.Jurisdiction;
import org.tuanjie.units.unit.service.UnitEvents;

/**
 * "9+N进" domains. A domain is visible to callers whose jurisdiction contains its owner, and to
 * those inside the owner's jurisdiction (a township sees its county's domains); it changes only
 * by the office that owns it. Members and coverage are cut to the caller's jurisdiction, except for the
 * domain's lead unit, which reads all members (read-only).
 */
@ApplicationScoped
public class DomainService {

    @Inject
    DomainRepository domains;

    @Inject
    UnitRepository units;

    @Inject
    Jurisdiction jurisdiction;

    @Inject
    Caller caller;

    @Inject
    LeadUnitReads leadUnitReads;

    @Inject
    EntityManager em;

    void seedStandardDomains(@Observes UnitEvents.UnitCreated event) {
        Unit unit = event.unit();
        if (unit.kind() == UnitKind.COUNTY) {
            for (StandardDomain standard : StandardDomain.values()) {
                domains.persist(CampaignDomain.standard(unit, standard));
            }
        }
    }

    public List<CampaignDomain> list(UUID ownerId) {
        if (ownerId != null) {
            Unit owner = visibleOwner(ownerId);
            return domains.list("ownerUnitId = ?1 order by standard desc, code", owner.id());
        }
        String root = jurisdiction.rootPath();
        return em.createQuery("""
                select d from CampaignDomain d, Unit o where o.id = d.ownerUnitId
                and (o.path like :inside or :root like concat(o.path, '%'))
                order by o.path, d.standard desc, d.code""", CampaignDomain.class)
                .setParameter("inside", UnitRepository.likePrefix(root)).setParameter("root", root)
                .setMaxResults(1000).getResultList();
    }

    public CampaignDomain get(UUID id) {
        CampaignDomain domain = domains.findByIdOptional(id).orElseThrow(() -> new DomainNotFound(id));
        visibleOwner(domain.ownerUnitId(), id);
        return domain;
    }

    @Transactional
    public CampaignDomain createLocal(UUID ownerId, String code, UnitNames names) {
        Unit owner = jurisdiction.visible(ownerId);
        if (domains.codeExists(owner.id(), code)) {
            throw new DomainCodeTaken(code);
        }
        CampaignDomain domain = CampaignDomain.local(owner, code, names);
        domains.persist(domain);
        return domain;
    }

    @Transactional
    public CampaignDomain update(UUID id, long expectedVersion, UnitNames names, UUID leadUnitId) {
        CampaignDomain domain = writable(id);
        Versions.check(expectedVersion, domain.version());
        domain.rename(names);
        domain.appointLead(leadUnitId == null ? null : jurisdiction.visible(leadUnitId), units.findById(domain.ownerUnitId()));
        domains.flush();
        return domain;
    }

    /** @return the membership, and whether it is new */
    @Transactional
    public Admission admit(UUID id, UUID unitId) {
        CampaignDomain domain = writable(id);
        Unit member = jurisdiction.visible(unitId);
        DomainMembership existing = em.find(DomainMembership.class, new DomainMembership.Key(id, member.id()));
        Member admitted = new Member(member, em.find(ReadinessProfile.class, member.id()));
        if (existing != null) {
            return new Admission(admitted, false);
        }
        em.persist(domain.admit(member, units.findById(domain.ownerUnitId()), caller.subject()));
        em.lock(domain, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return new Admission(admitted, true);
    }

    @Transactional
    public void remove(UUID id, long expectedVersion, UUID unitId) {
        CampaignDomain domain = writable(id);
        Versions.check(expectedVersion, domain.version());
        Unit member = jurisdiction.visible(unitId);
        DomainMembership membership = em.find(DomainMembership.class, new DomainMembership.Key(id, member.id()));
        if (membership == null) {
            throw new org.tuanjie.units.unit.UnitExceptions.UnitNotFound(unitId);
        }
        em.remove(membership);
        em.lock(domain, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    public Page<Member> members(UUID id, int limit, Cursor after) {
        CampaignDomain domain = get(id);
        var query = em.createQuery("""
                select u, r from DomainMembership m, Unit u, ReadinessProfile r
                where m.key.domainId = :domain and u.id = m.key.unitId and r.unitId = u.id
                and u.path like :scope and u.path > :after
                order by u.path""", Object[].class)
                .setParameter("domain", id)
                .setParameter("scope", UnitRepository.likePrefix(memberScope(domain)))
                .setParameter("after", after == null ? "" : after.path(0))
                .setMaxResults(limit + 1);
        List<Member> rows = query.getResultList().stream()
                .map(row -> new Member((Unit) row[0], (ReadinessProfile) row[1])).toList();
        return Page.of(rows, limit, m -> Cursor.of(m.unit().path()));
    }

    /** Coverage = open members (in the caller's jurisdiction, or all for the lead) whose readiness is complete ÷ open members. */
    public Coverage coverage(UUID id) {
        CampaignDomain domain = get(id);
        List<Member> members = em.createQuery("""
                select u, r from DomainMembership m, Unit u, ReadinessProfile r
                where m.key.domainId = :domain and u.id = m.key.unitId and r.unitId = u.id
                and u.closedOn is null and u.path like :scope
                order by u.path""", Object[].class)
                .setParameter("domain", id)
                .setParameter("scope", UnitRepository.likePrefix(memberScope(domain)))
                .getResultList().stream().map(row -> new Member((Unit) row[0], (ReadinessProfile) row[1])).toList();
        long complete = members.stream().filter(m -> m.readiness().isComplete()).count();
        return new Coverage(domain, members.size(), complete,
                members.stream().filter(m -> !m.readiness().isComplete()).toList());
    }

    /**
     * Where the members the caller reads lie: the caller's jurisdiction, or for the domain's lead unit the
     * domain's whole jurisdiction ({@link CampaignDomain#letsLeadRead}).
     */
    private String memberScope(CampaignDomain domain) {
        return leadUnitReads.callerLeads(domain) ? units.findById(domain.ownerUnitId()).path() : jurisdiction.rootPath();
    }

    private CampaignDomain writable(UUID id) {
        CampaignDomain domain = domains.findByIdOptional(id).orElseThrow(() -> new DomainNotFound(id));
        units.findByIdOptional(domain.ownerUnitId()).filter(jurisdiction::covers)
                .orElseThrow(() -> new DomainNotFound(id));
        return domain;
    }

    private Unit visibleOwner(UUID ownerId) {
        return visibleOwner(ownerId, ownerId);
    }

    private Unit visibleOwner(UUID ownerId, Object reported) {
        String root = jurisdiction.rootPath();
        return units.findByIdOptional(ownerId)
                .filter(owner -> owner.isWithin(root) || root.startsWith(owner.path()))
                .orElseThrow(() -> new DomainNotFound(reported));
    }

    public record Admission(Member member, boolean created) {
    }

    public record Member(Unit unit, ReadinessProfile readiness) {
    }

    public record Coverage(CampaignDomain domain, long members, long complete, List<Member> incomplete) {
        public double rate() {
            return members == 0 ? 0 : Math.round(1000.0 * complete / members) / 1000.0;
        }
    }
}
