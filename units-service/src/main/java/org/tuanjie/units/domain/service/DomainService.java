package org.tuanjie.units.domain.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.Page;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.units.domain.CampaignDomain;
import org.tuanjie.units.domain.DomainExceptions.DomainCodeTaken;
import org.tuanjie.units.domain.DomainExceptions.DomainNotFound;
import org.tuanjie.units.domain.DomainMembers;
import org.tuanjie.units.domain.DomainMembership;
import org.tuanjie.units.domain.DomainOwner;
import org.tuanjie.units.domain.OwnedDomain;
import org.tuanjie.units.domain.DomainRepository;
import org.tuanjie.units.domain.StandardDomain;
import org.tuanjie.units.readiness.ReadinessProfile;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.platform.access.UnitNotFound;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitNames;
import org.tuanjie.units.unit.UnitRepository;
import org.tuanjie.units.unit.service.UnitEvents;

/**
 * "9+N进" domains. Who sees a domain (those whose jurisdiction contains its owner, and those inside it: a
 * township sees its county's domains), who changes it (the office whose reach includes the owner) and whose
 * members a read lists (those in the caller's reach, or all of them for the domain's lead unit) is the access
 * policy's; this service hands it the domain, its owner and lead.
 */
@ApplicationScoped
public class DomainService {

    /** The most domains one read lists: the nine standard ones and the local ones of every jurisdiction seen. */
    public static final int DOMAINS_LISTED = 1000;
    /**
     * The most incomplete members a coverage lists, in hierarchy order; the others are counted all the same, and
     * {@code GET /domains/{id}/members} pages through every member.
     */
    public static final int INCOMPLETE_LISTED = 500;

    @Inject
    DomainRepository domains;

    @Inject
    UnitRepository units;

    @Inject
    Guard guard;

    @Inject
    Caller caller;

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
            Unit owner = units.findByIdOptional(ownerId).map(DomainOwner::new)
                    .map(o -> guard.require(o, () -> new DomainNotFound(ownerId))).map(DomainOwner::unit)
                    .orElseThrow(() -> new DomainNotFound(ownerId));
            return domains.find("ownerUnitId = ?1 order by standard desc, code", owner.id()).page(0, DOMAINS_LISTED).list();
        }
        UnitPath root = guard.reach().root();
        return em.createQuery("""
                select d from CampaignDomain d, Unit o where o.id = d.ownerUnitId
                and (o.path like :inside or :root like concat(o.path, '%'))
                order by o.path, d.standard desc, d.code""", CampaignDomain.class)
                .setParameter("inside", root.likePattern()).setParameter("root", root.text())
                .setMaxResults(DOMAINS_LISTED).getResultList();
    }

    public CampaignDomain get(UUID id) {
        return owned(id).domain();
    }

    private OwnedDomain owned(UUID id) {
        CampaignDomain domain = domains.findByIdOptional(id).orElseThrow(() -> new DomainNotFound(id));
        return guard.require(new OwnedDomain(domain, units.findById(domain.ownerUnitId())), () -> new DomainNotFound(id));
    }

    @Transactional
    public CampaignDomain createLocal(UUID ownerId, String code, UnitNames names) {
        Unit owner = unit(ownerId);
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
        domain.appointLead(leadUnitId == null ? null : unit(leadUnitId), units.findById(domain.ownerUnitId()));
        domains.flush();
        return domain;
    }

    /** @return the membership, and whether it is new */
    @Transactional
    public Admission admit(UUID id, UUID unitId) {
        CampaignDomain domain = writable(id);
        Unit member = unit(unitId);
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
        Unit member = unit(unitId);
        DomainMembership membership = em.find(DomainMembership.class, new DomainMembership.Key(id, member.id()));
        if (membership == null) {
            throw new UnitNotFound(unitId);
        }
        em.remove(membership);
        em.lock(domain, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    public Page<Member> members(UUID id, int limit, Cursor after) {
        OwnedDomain domain = owned(id);
        var query = em.createQuery("""
                select u, r from DomainMembership m, Unit u, ReadinessProfile r
                where m.key.domainId = :domain and u.id = m.key.unitId and r.unitId = u.id
                and u.path like :scope and u.path > :after
                order by u.path""", Object[].class)
                .setParameter("domain", id)
                .setParameter("scope", memberScope(domain).likePattern())
                .setParameter("after", after == null ? "" : after.path(0))
                .setMaxResults(limit + 1);
        List<Member> rows = query.getResultList().stream()
                .map(row -> new Member((Unit) row[0], (ReadinessProfile) row[1])).toList();
        return Page.of(rows, limit, m -> Cursor.of(m.unit().path()));
    }

    /** Coverage = open members (in the caller's jurisdiction, or all for the lead) whose readiness is complete ÷ open members. */
    public Coverage coverage(UUID id) {
        OwnedDomain domain = owned(id);
        List<Member> members = em.createQuery("""
                select u, r from DomainMembership m, Unit u, ReadinessProfile r
                where m.key.domainId = :domain and u.id = m.key.unitId and r.unitId = u.id
                and u.closedOn is null and u.path like :scope
                order by u.path""", Object[].class)
                .setParameter("domain", id)
                .setParameter("scope", memberScope(domain).likePattern())
                .getResultList().stream().map(row -> new Member((Unit) row[0], (ReadinessProfile) row[1])).toList();
        long complete = members.stream().filter(m -> m.readiness().isComplete()).count();
        return new Coverage(domain.domain(), members.size(), complete,
                members.stream().filter(m -> !m.readiness().isComplete()).limit(INCOMPLETE_LISTED).toList());
    }

    /**
     * Where the members the caller reads lie: the caller's reach, or the domain's whole jurisdiction for
     * those the policy lets see all of them (the domain's lead unit, {@link CampaignDomain#letsLeadRead}).
     */
    private UnitPath memberScope(OwnedDomain domain) {
        String leadCode = domain.domain().leadUnitId() == null ? null
                : units.findByIdOptional(domain.domain().leadUnitId()).map(Unit::code).orElse(null);
        return guard.sees(new DomainMembers(domain.domain(), leadCode)) ? domain.owner().unitPath() : guard.reach().root();
    }

    /** A domain the caller changes: its owner must be a unit the caller may act on, else it is missing. */
    private CampaignDomain writable(UUID id) {
        CampaignDomain domain = domains.findByIdOptional(id).orElseThrow(() -> new DomainNotFound(id));
        guard.require(units.findById(domain.ownerUnitId()), () -> new DomainNotFound(id));
        return domain;
    }

    private Unit unit(UUID id) {
        return units.findByIdOptional(id).map(u -> guard.require(u, () -> new UnitNotFound(id)))
                .orElseThrow(() -> new UnitNotFound(id));
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
