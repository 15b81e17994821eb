package org.tuanjie.unitfeed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tuanjie.unitsclient.Jurisdiction;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;

/**
 * The copies of unit paths this service keeps (its {@link PathCopy} columns, declared by the service), and where
 * the unit feed stands (table {@code unit_feed}). Every write is idempotent: applying the same move twice changes
 * nothing the second time.
 */
@ApplicationScoped
public class UnitCopies {

    /** Marks the path of a unit that left the deployment's root: no jurisdiction path is a prefix of it. */
    public static final String DEPARTED = "-";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    PathCopies columns;

    /** Where the feed stands: null before its first run. */
    @Transactional
    @SuppressWarnings("unchecked")
    public FeedState state() {
        List<Object[]> rows = em.createNativeQuery("select settled, reached, reached_at from unit_feed where id = 1")
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        // a timestamptz comes back as Instant or OffsetDateTime, depending on the driver's mapping
        return new FeedState((String) row[0], (String) row[1], Instant.from((TemporalAccessor) row[2]));
    }

    @Transactional
    public void save(FeedState state) {
        em.createNativeQuery("""
                insert into unit_feed (id, settled, reached, reached_at) values (1, ?1, ?2, ?3)
                on conflict (id) do update set settled = excluded.settled, reached = excluded.reached,
                    reached_at = excluded.reached_at""")
                .setParameter(1, state.settled()).setParameter(2, state.reached())
                .setParameter(3, state.reachedAt().atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    /**
     * The paths kept here that differ from where units-service now places each unit: unit id → old paths.
     * A departed unit ({@code path} null) is stale wherever its copies are not yet marked departed.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<UUID, Set<String>> stale(List<Place> places) {
        String batch = json(places);
        Map<UUID, Set<String>> stale = new LinkedHashMap<>();
        for (PathCopy copy : columns.list()) {
            String key = copy.idColumn() != null ? "t." + copy.idColumn() + " = c.id" : copy.codeColumn() != null
                    ? "t." + copy.codeColumn() + " = c.code" : null;
            if (key == null) {
                continue;
            }
            List<Object[]> rows = em.createNativeQuery("select distinct cast(c.id as text), t." + copy.pathColumn()
                    + " from jsonb_to_recordset(cast(?1 as jsonb)) as c(id uuid, code text, path text)"
                    + " join " + copy.table() + " t on " + key
                    + " where t." + copy.pathColumn() + " <> coalesce(c.path, '')"
                    + " and (c.path is not null or t." + copy.pathColumn() + " not like '" + DEPARTED + "%')")
                    .setParameter(1, batch).getResultList();
            rows.forEach(row -> stale.computeIfAbsent(UUID.fromString((String) row[0]), id -> new LinkedHashSet<>())
                    .add((String) row[1]));
        }
        return stale;
    }

    /**
     * Rewrites every copy under {@code oldPath} (the unit, what lies under it, what it owns) to lie under
     * {@code newPath}, and sets the township of the rows about units of the moved subtree whose township lies
     * outside it.
     *
     * @param township the township the unit now lies in (empty: none); ignored for a departure
     * @return rows changed
     */
    @Transactional
    public int move(String oldPath, String newPath, String code, Optional<UnitRef> township, boolean departure) {
        int rows = 0;
        String likeOld = Jurisdiction.likePrefix(oldPath);
        for (PathCopy copy : columns.list()) {
            String path = copy.pathColumn();
            rows += em.createNativeQuery("update " + copy.table() + " set " + path + " = ?1 || substr(" + path
                    + ", length(?2) + 1)" + (copy.versioned() ? ", version = version + 1" : "")
                    + " where " + path + " like ?3")
                    .setParameter(1, newPath).setParameter(2, oldPath).setParameter(3, likeOld).executeUpdate();
            if (copy.townshipColumns() != null && !departure) {
                String townshipCode = copy.townshipColumns()[0];
                // the part of the path from the moved unit down: a township found there is not the moved unit's
                em.createNativeQuery("update " + copy.table() + " set " + townshipCode + " = cast(?1 as text), "
                        + copy.townshipColumns()[1] + " = cast(?2 as text)"
                        + " where " + path + " like ?3"
                        + " and strpos(substr(" + path + ", length(?4) - length(?5) - 1), '/' || coalesce("
                        + townshipCode + ", '') || '/') = 0"
                        + " and " + townshipCode + " is distinct from cast(?1 as text)")
                        .setParameter(1, township.map(UnitRef::code).orElse(null))
                        .setParameter(2, township.map(UnitRef::name).orElse(null))
                        .setParameter(3, Jurisdiction.likePrefix(newPath)).setParameter(4, newPath).setParameter(5, code)
                        .executeUpdate();
            }
        }
        return rows;
    }

    private static String json(List<Place> places) {
        List<Map<String, Object>> rows = places.stream().map(p -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", p.id().toString());
            row.put("code", p.code());
            row.put("path", p.path());
            return row;
        }).toList();
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where units-service now places a unit; a unit that left the deployment's root has no code or path. */
    public record Place(UUID id, String code, String path) {

        static Place of(UnitRef unit) {
            return new Place(unit.id(), unit.code(), unit.pathText());
        }

        static Place departed(UUID id) {
            return new Place(id, null, null);
        }

        boolean isDeparted() {
            return path == null;
        }
    }

    /**
     * @param settled the cursor each run starts from (null: the beginning)
     * @param reached the cursor a run reached, and when: it becomes {@code settled} once a later run, long enough
     *        after, has read what lies before it again
     */
    public record FeedState(String settled, String reached, Instant reachedAt) {
    }

    /** The path copies a service keeps; each service declares its own. */
    public interface PathCopies {
        List<PathCopy> list();
    }
}
