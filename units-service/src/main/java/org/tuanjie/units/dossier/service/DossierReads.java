package org.tuanjie.units.dossier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.sync.CommitOrder;
import org.tuanjie.platform.paging.Page;
import org.tuanjie.units.dossier.DossierEntry;
import org.tuanjie.units.dossier.DossierKind;
import org.tuanjie.units.dossier.DossierRepository;
import org.tuanjie.units.dossier.service.DossierService.Filed;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitRepository;
import org.tuanjie.units.unit.service.UnitService;

/**
 * Lists and counts of a unit's dossier, or of its subtree's, and the phones' delta sync over the caller's reach.
 * The unit asked for goes through the guard (404 outside the reach); what lies under it is in the reach with it.
 */
@ApplicationScoped
public class DossierReads {

    @Inject
    DossierRepository entries;

    @Inject
    UnitRepository units;

    @Inject
    UnitService unitService;

    @Inject
    Guard guard;

    @Inject
    EntityManager em;

    /** Newest first (by date, then id): keyset-paged, so a page never repeats or skips an entry of another. */
    public Page<Filed<DossierEntry>> list(DossierQuery query, int limit, Cursor after) {
        Unit root = unitService.unit(query.unitId());
        Map<String, Object> params = new HashMap<>();
        StringBuilder hql = new StringBuilder("select e, u from DossierEntry e, Unit u where u.id = e.unitId");
        hql.append(filters(query, root, params, "e", "u"));
        switch (query.status()) {
            case ACTIVE -> hql.append(" and e.withdrawnAt is null");
            case WITHDRAWN -> hql.append(" and e.withdrawnAt is not null");
            case ALL -> { }
        }
        if (query.indicator() != null) {
            hql.append(" and array_contains(e.indicatorCodes, :indicator)");
            params.put("indicator", query.indicator().value());
        }
        if (after != null) {
            hql.append(" and (e.date < :afterDate or (e.date = :afterDate and e.id < :afterId))");
            params.put("afterDate", after.date(0));
            params.put("afterId", after.uuid(1));
        }
        hql.append(" order by e.date desc, e.id desc");
        var q = em.createQuery(hql.toString(), Object[].class).setMaxResults(limit + 1);
        params.forEach(q::setParameter);
        List<Filed<DossierEntry>> rows = q.getResultList().stream()
                .map(row -> new Filed<>((DossierEntry) row[0], (Unit) row[1])).toList();
        return Page.of(rows, limit, f -> Cursor.of(f.entry().date().toString(), f.entry().id().toString()));
    }

    /**
     * Active entries of a unit (or its subtree) per indicator code and kind, for the scorecards: an entry filed
     * under two codes counts for each, and once in {@link Counts#total()}.
     */
    public Counts count(DossierQuery query) {
        Unit root = unitService.unit(query.unitId());
        Map<String, Object> params = new HashMap<>();
        String where = " where u.id = e.unit_id and e.withdrawn_at is null" + nativeFilters(query, root, params);
        Map<DossierKind, Long> byKind = new EnumMap<>(DossierKind.class);
        rows("select e.kind, count(*) from dossier_entry e, unit u" + where + " group by e.kind", params)
                .forEach(row -> byKind.put(DossierKind.valueOf((String) row[0]), ((Number) row[1]).longValue()));
        Map<String, Map<DossierKind, Long>> byIndicator = new TreeMap<>();
        String indicatorFilter = query.indicator() == null ? "" : " and c.code = :indicator";
        if (query.indicator() != null) {
            params.put("indicator", query.indicator().value());
        }
        rows("select c.code, e.kind, count(*) from dossier_entry e, unit u, unnest(e.indicator_codes) as c(code)" + where
                + indicatorFilter + " group by c.code, e.kind", params)
                .forEach(row -> byIndicator.computeIfAbsent((String) row[0], c -> new EnumMap<>(DossierKind.class))
                        .put(DossierKind.valueOf((String) row[1]), ((Number) row[2]).longValue()));
        long total = query.indicator() == null ? byKind.values().stream().mapToLong(Long::longValue).sum()
                : byIndicator.getOrDefault(query.indicator().value(), Map.of()).values().stream().mapToLong(Long::longValue).sum();
        if (query.indicator() != null) {
            byKind.clear();
            byKind.putAll(byIndicator.getOrDefault(query.indicator().value(), Map.of()));
        }
        return new Counts(root, total, byKind, byIndicator);
    }

    /**
     * Entries of the caller's reach written after {@code after}, withdrawals included, in the order their
     * transactions committed, and the units whose dossier left the reach (moved out). As in the units' own sync,
     * rows of transactions still running are held back until they commit, so a client following the cursor
     * never skips a change.
     */
    @Transactional
    public ChangeBatch changes(Cursor after, int limit) {
        CommitOrder from = CommitOrder.after(after);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select cast(id as text), cast(txid as text), removed from (
                    select e.id, e.change_txid as txid, false as removed from dossier_entry e join unit u on u.id = e.unit_id
                    where u.path like ?1
                      and (e.change_txid, e.id) > (cast(?2 as xid8), cast(?3 as uuid))
                      and e.change_txid < pg_snapshot_xmin(pg_current_snapshot())
                    union all
                    select d.unit_id, d.change_txid, true from unit_departure d
                    where d.old_path like ?1
                      and (d.change_txid, d.unit_id) > (cast(?2 as xid8), cast(?3 as uuid))
                      and d.change_txid < pg_snapshot_xmin(pg_current_snapshot())
                      and not exists (select 1 from unit u where u.id = d.unit_id and u.path like ?1)
                ) changed
                order by txid, id
                limit ?4""")
                .setParameter(1, guard.reach().root().likePattern())
                .setParameter(2, from.txid()).setParameter(3, from.id()).setParameter(4, limit + 1)
                .getResultList();
        CommitOrder.Batch read = from.batch(rows, limit);
        List<Object[]> batch = read.rows();
        List<UUID> ids = new ArrayList<>();
        Set<UUID> removedUnits = new LinkedHashSet<>();
        batch.forEach(row -> (Boolean.TRUE.equals(row[2]) ? removedUnits : ids).add(UUID.fromString((String) row[0])));
        Map<UUID, DossierEntry> byId = ids.isEmpty() ? Map.of()
                : entries.list("id in ?1", ids).stream().collect(Collectors.toMap(DossierEntry::id, Function.identity()));
        Map<UUID, Unit> unitsById = byId.isEmpty() ? Map.of()
                : units.list("id in ?1", byId.values().stream().map(DossierEntry::unitId).distinct().toList()).stream()
                        .collect(Collectors.toMap(Unit::id, Function.identity()));
        List<Filed<DossierEntry>> changed = ids.stream().map(byId::get)
                .map(e -> new Filed<>(e, unitsById.get(e.unitId()))).toList();
        return new ChangeBatch(changed, List.copyOf(removedUnits), read.next(), read.more());
    }

    /** The filters lists and counts share, in HQL over entry {@code e} and its unit {@code u}. */
    private static String filters(DossierQuery query, Unit root, Map<String, Object> params, String e, String u) {
        StringBuilder where = new StringBuilder();
        if (query.subtree()) {
            where.append(" and ").append(u).append(".path like :scope");
            params.put("scope", root.unitPath().likePattern());
        } else {
            where.append(" and ").append(e).append(".unitId = :unit");
            params.put("unit", root.id());
        }
        if (!query.kinds().isEmpty()) {
            where.append(" and ").append(e).append(".kind in :kinds");
            params.put("kinds", query.kinds());
        }
        if (query.domainId() != null) {
            where.append(" and ").append(e).append(".domainId = :domain");
            params.put("domain", query.domainId());
        }
        if (query.from() != null) {
            where.append(" and ").append(e).append(".date >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and ").append(e).append(".date <= :to");
            params.put("to", query.to());
        }
        return where.toString();
    }

    /** The same filters in SQL over {@code dossier_entry e} and {@code unit u}. */
    private static String nativeFilters(DossierQuery query, Unit root, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (query.subtree()) {
            where.append(" and u.path like :scope");
            params.put("scope", root.unitPath().likePattern());
        } else {
            where.append(" and e.unit_id = :unit");
            params.put("unit", root.id());
        }
        if (!query.kinds().isEmpty()) {
            where.append(" and e.kind in (:kinds)");
            params.put("kinds", query.kinds().stream().map(Enum::name).sorted().toList());
        }
        if (query.domainId() != null) {
            where.append(" and e.domain_id = :domain");
            params.put("domain", query.domainId());
        }
        if (query.from() != null) {
            where.append(" and e.entry_date >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and e.entry_date <= :to");
            params.put("to", query.to());
        }
        return where.toString();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    /**
     * @param byKind      active entries per kind
     * @param byIndicator per indicator code (in code order), active entries per kind
     */
    public record Counts(Unit unit, long total, Map<DossierKind, Long> byKind, Map<String, Map<DossierKind, Long>> byIndicator) {
    }

    /** @param removedUnits units moved out of the caller's reach: drop their entries from the device */
    public record ChangeBatch(List<Filed<DossierEntry>> entries, List<UUID> removedUnits, Cursor next, boolean more) {
    }
}
