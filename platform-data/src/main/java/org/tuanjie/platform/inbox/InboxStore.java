package org.tuanjie.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.platform.sync.CommitOrder;
import org.tuanjie.platform.time.Times;

/**
 * Each person's inbox (what needs them), kept by a service in its own {@code inbox_item} and {@code inbox_read} tables:
 * items are written and resolved in the transaction of the change that made or answered them, each for one unit and
 * one audience there, about one record ({@code about_id}); devices follow them by delta sync in commit order, the
 * person's read marks included, so a mark made on one device reaches the others the same way.
 */
@ApplicationScoped
public class InboxStore {

    private static final TypeReference<LinkedHashMap<String, Object>> DETAIL = new TypeReference<>() { };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Who reads: the unit their reach is rooted at, which audiences they belong to there, and who they are. */
    public record Reader(String unitPath, boolean unit, boolean office, String subject) {

        /** The caller, at the root of their reach, in the audiences their roles put them in (a service's own rule). */
        public static Reader of(String rootPath, Caller caller, Set<String> unitRoles, Set<String> officeRoles) {
            return new Reader(rootPath, caller.hasAnyRole(unitRoles.toArray(String[]::new)),
                    caller.hasAnyRole(officeRoles.toArray(String[]::new)), caller.subject());
        }
    }

    /** An item as its person reads it; {@code kind} is the service's own name for it. */
    public record Item(UUID id, String kind, UUID about, Map<String, Object> detail, OffsetDateTime createdAt,
            OffsetDateTime resolvedAt, boolean read) {
    }

    public record Batch(List<Item> items, Cursor next, boolean more) {
    }

    /** Opens an item in the current transaction. */
    @Transactional(TxType.MANDATORY)
    public void open(String kind, UUID about, String unitPath, Audience audience, Map<String, Object> detail) {
        em.createNativeQuery("""
                insert into inbox_item (id, kind, about_id, unit_path, audience, detail, created_at)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, kind).setParameter(3, about)
                .setParameter(4, unitPath).setParameter(5, audience.name()).setParameter(6, write(detail))
                .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    /** Resolves the open items of these kinds about the record, in the current transaction. */
    @Transactional(TxType.MANDATORY)
    public void resolve(UUID about, Collection<String> kinds) {
        em.createNativeQuery("""
                update inbox_item set resolved_at = ?1
                where about_id = ?2 and resolved_at is null and kind in (?3)""")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC)).setParameter(2, about)
                .setParameter(3, kinds.stream().sorted().toList()).executeUpdate();
    }

    /** The kinds of the items about the record that wait still. */
    @Transactional(TxType.MANDATORY)
    public Set<String> open(UUID about) {
        @SuppressWarnings("unchecked")
        List<String> kinds = em.createNativeQuery("select kind from inbox_item where about_id = ?1 and resolved_at is null")
                .setParameter(1, about).getResultList();
        return new LinkedHashSet<>(kinds);
    }

    /**
     * What was written, resolved or marked read since {@code after}; a first sync (no cursor) leaves out what was
     * resolved already, which a device never had.
     */
    @Transactional
    public Batch since(Reader reader, Cursor after, int limit) {
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
                .setParameter(1, reader.unitPath()).setParameter(2, reader.unit()).setParameter(3, reader.office())
                .setParameter(4, from.txid()).setParameter(5, from.id()).setParameter(6, after != null)
                .setParameter(7, reader.subject()).setParameter(8, limit + 1)
                .getResultList();
        CommitOrder.Batch read = from.batch(rows, limit);
        Set<UUID> ids = new LinkedHashSet<>();
        read.rows().forEach(row -> ids.add(UUID.fromString((String) row[0])));
        return new Batch(items(ids, reader.subject()), read.next(), read.more());
    }

    /**
     * Marks an item of the reader's inbox read, for them; marking it again changes nothing.
     *
     * @throws InboxItemNotFound when it is no item of theirs (unknown, or another unit's or audience's)
     */
    @Transactional
    public void markRead(UUID id, Reader reader) {
        boolean theirs = !em.createNativeQuery("""
                select 1 from inbox_item i where i.id = ?1 and i.unit_path = ?2
                  and ((i.audience = 'UNIT' and ?3) or (i.audience = 'OFFICE' and ?4))""")
                .setParameter(1, id).setParameter(2, reader.unitPath()).setParameter(3, reader.unit())
                .setParameter(4, reader.office()).getResultList().isEmpty();
        if (!theirs) {
            throw new InboxItemNotFound(id);
        }
        em.createNativeQuery("""
                insert into inbox_read (subject, item_id, read_at) values (?1, ?2, ?3)
                on conflict (subject, item_id) do nothing""")
                .setParameter(1, reader.subject()).setParameter(2, id).setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }

    private List<Item> items(Set<UUID> ids, String subject) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select cast(i.id as text), i.kind, cast(i.about_id as text), cast(i.detail as text), i.created_at,
                       i.resolved_at, r.item_id is not null
                from inbox_item i left join inbox_read r on r.item_id = i.id and r.subject = ?2
                where i.id in (?1)""")
                .setParameter(1, new ArrayList<>(ids)).setParameter(2, subject).getResultList();
        Map<UUID, Item> byId = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID id = UUID.fromString((String) row[0]);
            byId.put(id, new Item(id, (String) row[1], UUID.fromString((String) row[2]), read((String) row[3]),
                    Times.utc(row[4]), Times.utc(row[5]), Boolean.TRUE.equals(row[6])));
        }
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    private String write(Map<String, Object> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String detail) {
        try {
            return json.readValue(detail, DETAIL);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
