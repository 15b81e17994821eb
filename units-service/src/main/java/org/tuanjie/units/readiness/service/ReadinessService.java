package org.tuanjie.units.readiness.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.Page;
import org.tuanjie.units.people.CurrentPeople;
import org.tuanjie.units.people.Person;
import org.tuanjie.units.readiness.ReadinessFacts;
import org.tuanjie.units.readiness.ReadinessItem;
import org.tuanjie.units.readiness.ReadinessProfile;
import org.tuanjie.units.readiness.ReadinessRepository;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.service.UnitEvents;
import org.tuanjie.units.unit.service.UnitService;

/**
 * Readiness profiles. Who reads and edits which unit's profile is the access policy's: the office any unit
 * of its jurisdiction, a unit's liaison and leader their own unit's only, and a campaign domain's lead unit
 * reads its members' profiles without changing any.
 */
@ApplicationScoped
public class ReadinessService {

    @Inject
    ReadinessRepository profiles;

    @Inject
    UnitService units;

    @Inject
    Guard guard;

    @Inject
    EntityManager em;

    void createWithUnit(@Observes UnitEvents.UnitCreated event) {
        profiles.persist(ReadinessProfile.emptyFor(event.unit().id()));
    }

    void peopleChanged(@Observes CurrentPeople people) {
        Person leader = people.leader();
        Person liaison = people.liaison();
        profiles.findById(people.unitId()).peopleAre(leader == null ? null : leader.nameZh(),
                leader == null ? null : leader.phone(), liaison == null ? null : liaison.nameZh(),
                liaison == null ? null : liaison.phone());
    }

    /** Of a unit in the caller's subtree, or of a member unit of a domain the caller's unit leads. */
    public UnitReadiness get(UUID unitId) {
        Unit unit = units.get(unitId);
        return new UnitReadiness(unit, profiles.findById(unit.id()));
    }

    @Transactional
    public UnitReadiness update(UUID unitId, long expectedVersion, ReadinessFacts facts) {
        Unit unit = units.unit(unitId);
        ReadinessProfile profile = profiles.findById(unit.id());
        Versions.check(expectedVersion, profile.version());
        profile.update(facts);
        profiles.flush();
        return new UnitReadiness(unit, profile);
    }

    /**
     * Profiles of a subtree, in hierarchy order, filtered by what they lack.
     *
     * @param missing  units lacking every one of these items
     * @param threeNone only "三无" units (or only the others, when false)
     */
    public Page<UnitReadiness> list(UUID within, Set<ReadinessItem> missing, Boolean threeNone, Boolean complete,
            int limit, Cursor after) {
        UnitPath root = within == null ? guard.reach().root() : units.unit(within).unitPath();
        StringBuilder hql = new StringBuilder(
                "select u, r from Unit u, ReadinessProfile r where r.unitId = u.id and u.closedOn is null and u.path like :root");
        Map<String, Object> params = new HashMap<>();
        params.put("root", root.likePattern());
        for (ReadinessItem item : missing) {
            hql.append(" and ").append(item.missingCondition());
        }
        if (threeNone != null) {
            hql.append(" and r.threeNone = :threeNone");
            params.put("threeNone", threeNone);
        }
        if (complete != null) {
            hql.append(" and r.complete = :complete");
            params.put("complete", complete);
        }
        if (after != null) {
            hql.append(" and u.path > :after");
            params.put("after", after.path(0));
        }
        hql.append(" order by u.path");
        var query = em.createQuery(hql.toString(), Object[].class).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        List<UnitReadiness> rows = query.getResultList().stream()
                .map(row -> new UnitReadiness((Unit) row[0], (ReadinessProfile) row[1])).toList();
        return Page.of(rows, limit, r -> Cursor.of(r.unit().path()));
    }

    public record UnitReadiness(Unit unit, ReadinessProfile profile) {
    }
}
