package org.tuanjie.units.unit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.sync.CommitOrder;
import org.tuanjie.platform.paging.Page;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.units.unit.RootClaim;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitExceptions.UnitCodeTaken;
import org.tuanjie.units.unit.UnitExceptions.UnitHasOpenChildren;
import org.tuanjie.platform.access.UnitNotFound;
import org.tuanjie.units.unit.UnitHistoryEntry;
import org.tuanjie.units.unit.UnitHistoryRepository;
import org.tuanjie.units.unit.UnitKind;
import org.tuanjie.units.unit.UnitNames;
import org.tuanjie.units.unit.UnitPlacement;
import org.tuanjie.units.unit.UnitRead;
import org.tuanjie.units.unit.UnitRepository;

/**
 * Reads and changes of the hierarchy. Every unit loaded goes through the {@link Guard}: whether the caller
 * sees it and may act on it is the access policy's ({@code UnitPolicy}), never decided here.
 */
@ApplicationScoped
public class UnitService {

    /** The most entries of a unit's history one read returns. */
    public static final int HISTORY_LISTED = 1000;

    @Inject
    UnitRepository units;

    @Inject
    UnitHistoryRepository history;

    @Inject
    Guard guard;

    @Inject
    Instance<CrossSubtreeReads> crossSubtreeReads;

    @Inject
    RootPaths rootPaths;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    Event<UnitEvents.UnitCreated> created;

    @Inject
    Event<UnitEvents.UnitMoved> moved;

    @Inject
    Event<UnitEvents.UnitRenamed> renamed;

    @Inject
    Event<UnitEvents.UnitClosedOrReopened> closedOrReopened;

    /**
     * @param parentId null for a jurisdiction root, which only the office of that code may create
     */
    @Transactional
    public Unit create(String code, UnitKind kind, UUID parentId, UnitNames names) {
        Unit unit;
        if (parentId == null) {
            unit = Unit.root(code, kind, names);
            guard.require(new RootClaim(unit.code()), () -> new UnitNotFound(unit.code()));
        } else {
            unit = Unit.under(placement(parentId).parent(), code, kind, names);
        }
        return persistNew(unit);
    }

    /** Adds a unit built and checked by the caller (create, import), with its dependents. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Unit persistNew(Unit unit) {
        if (units.codeExists(unit.code())) {
            throw new UnitCodeTaken(unit.code());
        }
        return register(unit);
    }

    /** Adds a unit whose code the caller has already checked to be free (imports check in bulk). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Unit register(Unit unit) {
        units.persist(unit);
        created.fire(new UnitEvents.UnitCreated(unit));
        return unit;
    }

    /** One unit, for a read a domain's lead may also make of its members (read-only). */
    public Unit get(UUID id) {
        return guard.require(readOf(found(id)), () -> new UnitNotFound(id)).unit();
    }

    /**
     * The unit with what a read across subtrees depends on; the domain leads are looked up only when the
     * policy asks for them.
     */
    public UnitRead readOf(Unit unit) {
        return new UnitRead(unit, () -> crossSubtreeReads.stream()
                .flatMap(reads -> reads.domainLeadsOf(unit).stream()).collect(Collectors.toSet()));
    }

    /** A unit as the current operation's rule lets the caller see and act on it. */
    public Unit unit(UUID id) {
        return guard.require(found(id), () -> new UnitNotFound(id));
    }

    public Unit getByCode(String code) {
        return units.findByCode(code).map(unit -> guard.require(unit, () -> new UnitNotFound(code)))
                .orElseThrow(() -> new UnitNotFound(code));
    }

    private Unit found(UUID id) {
        return units.findByIdOptional(id).orElseThrow(() -> new UnitNotFound(id));
    }

    private UnitPlacement placement(UUID parentId) {
        return guard.require(new UnitPlacement(found(parentId)), () -> new UnitNotFound(parentId));
    }

    @Transactional
    public Unit rename(UUID id, long expectedVersion, UnitNames names) {
        Unit unit = unit(id);
        Versions.check(expectedVersion, unit.version());
        unit.rename(names);
        units.flush();
        renamed.fire(new UnitEvents.UnitRenamed(unit));
        return unit;
    }

    @Transactional
    public Unit move(UUID id, long expectedVersion, UUID newParentId) {
        Unit unit = unit(id);
        Versions.check(expectedVersion, unit.version());
        Unit newParent = placement(newParentId).parent();
        String oldPath = unit.path();
        int oldDepth = unit.depth();
        unit.moveUnder(newParent);
        units.flush();
        units.rerootDescendants(oldPath, unit.path(), unit.depth() - oldDepth, caller.subject());
        units.recordDepartures(oldPath, unit.path());
        rootPaths.forgetAll();
        moved.fire(new UnitEvents.UnitMoved(unit, oldPath));
        return unit;
    }

    @Transactional
    public Unit close(UUID id, long expectedVersion, LocalDate endDate, String reason) {
        Unit unit = unit(id);
        Versions.check(expectedVersion, unit.version());
        long openChildren = units.countOpenChildren(id);
        if (openChildren > 0) {
            throw new UnitHasOpenChildren(unit.code(), openChildren);
        }
        history.persist(unit.close(endDate, reason, caller.subject()));
        units.flush();
        closedOrReopened.fire(new UnitEvents.UnitClosedOrReopened(unit));
        return unit;
    }

    /** Undoes a closing, by the level above the unit like the closing itself. */
    @Transactional
    public Unit reopen(UUID id, long expectedVersion, String reason) {
        Unit unit = unit(id);
        Versions.check(expectedVersion, unit.version());
        Unit parent = unit.parentId() == null ? null : units.findById(unit.parentId());
        history.persist(unit.reopen(parent, reason, caller.subject()));
        units.flush();
        closedOrReopened.fire(new UnitEvents.UnitClosedOrReopened(unit));
        return unit;
    }

    /**
     * Closings and reopenings of a unit of the caller's subtree (and its people's account roles), oldest first: the
     * latest {@link #HISTORY_LISTED}, far more than a unit gathers in decades, so that the answer stays bounded.
     */
    public List<UnitHistoryEntry> history(UUID id) {
        return history.latestOf(unit(id).id(), HISTORY_LISTED);
    }

    /** Root first, ending with the unit itself; ancestors above the caller's root are not shown. */
    public List<Unit> ancestors(UUID id) {
        Unit unit = unit(id);
        return units.findByCodesInPathOrder(unit.pathCodes()).stream().filter(guard::sees).toList();
    }

    public Page<Unit> list(UnitQuery query, int limit, Cursor after) {
        StringBuilder hql = new StringBuilder("from Unit u where u.path like :scope");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", reachRoot().likePattern());
        if (query.parentId() != null) {
            hql.append(" and u.parentId = :parent");
            params.put("parent", query.parentId());
        }
        if (query.subtreeOf() != null) {
            Unit root = unit(query.subtreeOf());
            hql.append(" and u.path like :subtree");
            params.put("subtree", root.unitPath().likePattern());
            if (query.maxDepth() != null) {
                hql.append(" and u.depth <= :maxDepth");
                params.put("maxDepth", root.depth() + query.maxDepth());
            }
        }
        if (query.kinds() == null) {
            hql.append(" and 1 = 0");
        } else if (!query.kinds().isEmpty()) {
            hql.append(" and u.kind in :kinds");
            params.put("kinds", query.kinds());
        }
        switch (query.status() == null ? UnitQuery.Status.OPEN : query.status()) {
            case OPEN -> hql.append(" and u.closedOn is null");
            case CLOSED -> hql.append(" and u.closedOn is not null");
            case ALL -> { }
        }
        if (query.text() != null && !query.text().isBlank()) {
            hql.append(" and u.searchText like :text escape '\\'");
            String text = query.text().trim().toLowerCase(Locale.ROOT);
            params.put("text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (after != null) {
            hql.append(" and u.path > :after");
            params.put("after", after.path(0));
        }
        hql.append(" order by u.path");
        var q = em.createQuery(hql.toString(), Unit.class).setMaxResults(limit + 1);
        params.forEach(q::setParameter);
        return Page.of(q.getResultList(), limit, u -> Cursor.of(u.path()));
    }

    /** How many open units of each kind lie under {@code id} (itself included), down to {@code maxDepth} levels. */
    public Map<UnitKind, Long> countByKind(UUID id, Integer maxDepth) {
        Unit root = unit(id);
        List<Object[]> rows = em.createQuery("""
                select u.kind, count(u) from Unit u
                where u.path like :subtree and u.closedOn is null and u.depth <= :maxDepth
                group by u.kind""", Object[].class)
                .setParameter("subtree", root.unitPath().likePattern())
                .setParameter("maxDepth", maxDepth == null ? Integer.MAX_VALUE : root.depth() + maxDepth)
                .getResultList();
        Map<UnitKind, Long> counts = new EnumMap<>(UnitKind.class);
        for (Object[] row : rows) {
            counts.put((UnitKind) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * Units of the caller's subtree written after {@code after}, closures included, in the order
     * their transactions committed. Rows of transactions still running are held back until they
     * commit, so a client that follows the cursor never skips a change.
     */
    @Transactional
    public ChangeBatch changes(Cursor after, int limit) {
        CommitOrder from = CommitOrder.after(after);
        // units changed inside the jurisdiction, and units that left it (moved out, no longer visible),
        // merged in one commit order; a unit still inside is reported by its change, never as removed
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select cast(id as text), cast(txid as text), removed from (
                    select id, change_txid as txid, false as removed from unit
                    where path like ?1
                      and (change_txid, id) > (cast(?2 as xid8), cast(?3 as uuid))
                      and change_txid < pg_snapshot_xmin(pg_current_snapshot())
                    union all
                    select d.unit_id, d.change_txid, true from unit_departure d
                    where d.old_path like ?1
                      and (d.change_txid, d.unit_id) > (cast(?2 as xid8), cast(?3 as uuid))
                      and d.change_txid < pg_snapshot_xmin(pg_current_snapshot())
                      and not exists (select 1 from unit u where u.id = d.unit_id and u.path like ?1)
                ) changed
                order by txid, id
                limit ?4""")
                .setParameter(1, reachRoot().likePattern())
                .setParameter(2, from.txid()).setParameter(3, from.id()).setParameter(4, limit + 1)
                .getResultList();
        CommitOrder.Batch read = from.batch(rows, limit);
        List<Object[]> batch = read.rows();
        List<UUID> ids = new ArrayList<>();
        Set<UUID> removed = new LinkedHashSet<>();
        batch.forEach(row -> (Boolean.TRUE.equals(row[2]) ? removed : ids).add(UUID.fromString((String) row[0])));
        Map<UUID, Unit> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            units.list("id in ?1", ids).forEach(u -> byId.put(u.id(), u));
        }
        return new ChangeBatch(ids.stream().map(byId::get).toList(), List.copyOf(removed), read.next(), read.more());
    }

    /** The root of the caller's reach: lists and counts take what lies under it. */
    private UnitPath reachRoot() {
        return guard.reach().root();
    }

    /** @param removed units that left the jurisdiction: the caller can no longer read them */
    public record ChangeBatch(List<Unit> units, List<UUID> removed, Cursor next, boolean more) {
    }
}
