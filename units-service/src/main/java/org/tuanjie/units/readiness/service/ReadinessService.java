package org.tuanjie.units.readiness.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.Page;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.units.dossier.DossierDocument;
import org.tuanjie.units.dossier.DossierRepository;
import org.tuanjie.units.people.CurrentPeople;
import org.tuanjie.units.people.Person;
import org.tuanjie.units.readiness.ReadinessFacts;
import org.tuanjie.units.readiness.ReadinessItem;
import org.tuanjie.units.readiness.ReadinessProfile;
import org.tuanjie.units.readiness.ReadinessRepository;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitRepository;
import org.tuanjie.units.unit.service.UnitEvents;
import org.tuanjie.units.unit.service.UnitService;

/**
 * Readiness profiles. Who reads and edits which unit's profile is the access policy's: the office any unit
 * of its jurisdiction, a unit's liaison and leader their own unit's only, and a campaign domain's lead unit
 * reads its members' profiles without changing any. The leading-group item may link a document of the unit's
 * own dossier, which then says its number and date.
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

    @Inject
    DossierRepository dossier;

    @Inject
    UnitRepository unitRows;

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
        return withDocument(unit, profiles.findById(unit.id()));
    }

    /**
     * @param leadingGroupDocumentId a document of the unit's own dossier that set up its leading group, or null for
     *                               the number and date typed into {@code facts}
     */
    @Transactional
    public UnitReadiness update(UUID unitId, long expectedVersion, ReadinessFacts facts, UUID leadingGroupDocumentId) {
        Unit unit = units.unit(unitId);
        ReadinessProfile profile = profiles.findById(unit.id());
        Versions.check(expectedVersion, profile.version());
        profile.update(facts, leadingGroupDocumentId == null ? null : visibleDocument(leadingGroupDocumentId));
        profiles.flush();
        return withDocument(unit, profile);
    }

    /** A document the caller sees: one of a unit outside the reach is as unknown as a missing one (a field error). */
    private DossierDocument visibleDocument(UUID id) {
        return dossier.findByIdOptional(id).filter(DossierDocument.class::isInstance).map(DossierDocument.class::cast)
                .filter(d -> guard.sees(unitRows.findById(d.unitId())))
                .orElseThrow(() -> new Problems.InvalidInput(
                        new Violation("leadingGroupDocumentId", "readiness.document-unknown", id)));
    }

    private UnitReadiness withDocument(Unit unit, ReadinessProfile profile) {
        UUID linked = profile.leadingGroupDocumentId();
        return new UnitReadiness(unit, profile, linked == null ? null : em.find(DossierDocument.class, linked));
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
        List<Object[]> found = query.getResultList();
        List<UUID> linked = found.stream().map(row -> ((ReadinessProfile) row[1]).leadingGroupDocumentId())
                .filter(Objects::nonNull).toList();
        Map<UUID, DossierDocument> documents = linked.isEmpty() ? Map.of()
                : em.createQuery("from DossierDocument d where d.id in :ids", DossierDocument.class)
                        .setParameter("ids", linked).getResultStream()
                        .collect(Collectors.toMap(DossierDocument::id, Function.identity()));
        List<UnitReadiness> rows = found.stream().map(row -> {
            ReadinessProfile profile = (ReadinessProfile) row[1];
            UUID documentId = profile.leadingGroupDocumentId();
            return new UnitReadiness((Unit) row[0], profile, documentId == null ? null : documents.get(documentId));
        }).toList();
        return Page.of(rows, limit, r -> Cursor.of(r.unit().path()));
    }

    /** @param leadingGroupDocument the dossier document the profile links as its leading-group item, if any */
    public record UnitReadiness(Unit unit, ReadinessProfile profile, DossierDocument leadingGroupDocument) {
    }
}
