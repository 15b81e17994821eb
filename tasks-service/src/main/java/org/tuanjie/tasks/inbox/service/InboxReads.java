package org.tuanjie.tasks.inbox.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.sync.CommitOrder;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.platform.security.Roles;
import org.tuanjie.platform.events.Times;
import org.tuanjie.tasks.inbox.InboxKind;
import org.tuanjie.unitsclient.Jurisdiction;

/**
 * A person's inbox as their devices read it: the items for their own unit and their audience there (a liaison or
 * leader reads the unit's, an admin or inspector the office's), in the order they were written or resolved, with the
 * person's own read marks; a mark made on one device reaches the others the same way.
 */
@ApplicationScoped
public class InboxReads {

    private static final TypeReference<LinkedHashMap<String, Object>> DETAIL = new TypeReference<>() { };

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Jurisdiction jurisdiction;

    @Inject
    ObjectMapper json;

    /** An item as its person reads it. */
    public record Item(UUID id, InboxKind kind, UUID taskId, Map<String, Object> detail, OffsetDateTime createdAt,
            OffsetDateTime resolvedAt, boolean read) {
    }

    public record Batch(List<Item> items, Cursor next, boolean more) {
    }

    /**
     * What was written, resolved or marked read since {@code after}; a first sync (no cursor) leaves out what was
     * resolved already, which a device never had.
     */
    @Transactional
    public Batch since(Cursor after, int limit) {
        CommitOrder from = CommitOrder.after(after);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select cast(id as text), cast(txid as text) from (
                    select i.id, i.change_txid as txid from inbox_item i
                    where i.unit_path = ?1 and ((i.audience = 'UNIT' and ?2) or (i.audience = 'OFFICE' and ?3))
                      and (i.change_txid, i.id) > (cast(?4 as xid8), cast(?5 as uuid))
                      and i.change_txid < pg_snapshot_xmin(pg_current_snapshot())
                      and (?6 or i.resolved_at is null)
                    union all
                    select r.item_id, r.change_txid from inbox_read r join inbox_item i on i.id = r.item_id
                    where r.subject = ?7 and i.unit_path = ?1
                      and ((i.audience = 'UNIT' and ?2) or (i.audience = 'OFFICE' and ?3))
                      and (r.change_txid, r.item_id) > (cast(?4 as xid8), cast(?5 as uuid))
                      and r.change_txid < pg_snapshot_xmin(pg_current_snapshot())
                      and (?6 or i.resolved_at is null)
                ) changed
                order by txid, id
                limit ?8""")
                .setParameter(1, jurisdiction.rootPath()).setParameter(2, unitStaff()).setParameter(3, office())
                .setParameter(4, from.txid()).setParameter(5, from.id()).setParameter(6, after != null)
                .setParameter(7, caller.subject()).setParameter(8, limit + 1)
                .getResultList();
        CommitOrder.Batch read = from.batch(rows, limit);
        List<Object[]> batch = read.rows();
        Set<UUID> ids = new LinkedHashSet<>();
        batch.forEach(row -> ids.add(UUID.fromString((String) row[0])));
        return new Batch(items(ids), read.next(), read.more());
    }

    /** Marks an item of the caller's inbox read, for the caller; marking it again changes nothing. */
    @Transactional
    public void markRead(UUID id) {
        if (!mine(id)) { // unknown, or another unit's or audience's: the same 404
            throw new ItemNotFound(id);
        }
        em.createNativeQuery("""
                insert into inbox_read (subject, item_id, read_at) values (?1, ?2, ?3)
                on conflict (subject, item_id) do nothing""")
                .setParameter(1, caller.subject()).setParameter(2, id).setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }

    private boolean mine(UUID id) {
        return !em.createNativeQuery("""
                select 1 from inbox_item i where i.id = ?1 and i.unit_path = ?2
                  and ((i.audience = 'UNIT' and ?3) or (i.audience = 'OFFICE' and ?4))""")
                .setParameter(1, id).setParameter(2, jurisdiction.rootPath()).setParameter(3, unitStaff())
                .setParameter(4, office()).getResultList().isEmpty();
    }

    private List<Item> items(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select cast(i.id as text), i.kind, cast(i.task_id as text), cast(i.detail as text), i.created_at,
                       i.resolved_at, r.item_id is not null
                from inbox_item i left join inbox_read r on r.item_id = i.id and r.subject = ?2
                where i.id in (?1)""")
                .setParameter(1, new ArrayList<>(ids)).setParameter(2, caller.subject()).getResultList();
        Map<UUID, Item> byId = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID id = UUID.fromString((String) row[0]);
            try {
                byId.put(id, new Item(id, InboxKind.valueOf((String) row[1]), UUID.fromString((String) row[2]),
                        json.readValue((String) row[3], DETAIL), Times.utc(row[4]), Times.utc(row[5]),
                        Boolean.TRUE.equals(row[6])));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        List<Item> ordered = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        ids.forEach(id -> {
            if (byId.containsKey(id) && seen.add(id)) {
                ordered.add(byId.get(id));
            }
        });
        return ordered;
    }

    private boolean unitStaff() {
        return caller.hasAnyRole(Roles.UNIT_LIAISON, Roles.UNIT_LEADER);
    }

    private boolean office() {
        return caller.hasAnyRole(Roles.ADMIN, Roles.INSPECTOR);
    }

    public static final class ItemNotFound extends Problems.NotFound {
        public ItemNotFound(UUID id) {
            super("inbox-item-not-found", "inbox.item-not-found", String.valueOf(id));
        }
    }
}
