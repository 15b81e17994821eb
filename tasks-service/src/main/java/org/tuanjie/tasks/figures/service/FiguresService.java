package org.tuanjie.tasks.figures.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.tasks.inspection.Inspection;
import org.tuanjie.tasks.inspection.UnitSnapshot;
import org.tuanjie.unitsclient.Directory;
import org.tuanjie.tasks.task.TaskState;
import org.tuanjie.tasks.task.service.TaskFilter;
import org.tuanjie.tasks.task.service.TaskQueries;

/**
 * Rectification figures: open, submitted, verified, overdue, closure rate and median days to
 * close, grouped by unit, township, category or inspection, computed in the database.
 */
@ApplicationScoped
public class FiguresService {

    /**
     * The most groups one answer lists, in key order (townships: best first); the total counts them all. A county's
     * units are far fewer; above that, the filters ({@code within}, {@code township}) narrow the figures down.
     */
    public static final int ROWS_LISTED = 1000;
    /** The longest group key: an inspection's id (36); unit and township codes are 18 at most, categories shorter. */
    public static final int KEY_MAX = 36;
    /** The longest group name: a unit's or a township's name, or an inspection's title. */
    public static final int NAME_MAX = UnitSnapshot.NAME_MAX > Inspection.TITLE_MAX ? UnitSnapshot.NAME_MAX : Inspection.TITLE_MAX;

    @Inject
    EntityManager em;

    @Inject
    TaskQueries queries;

    @Inject
    TasksConfig config;

    @Inject
    Directory directory;

    @Schema(name = "FiguresGrouping")
    public enum By {
        UNIT("t.unit.code", "max(t.unit.name)"),
        TOWNSHIP("t.townshipCode", "max(t.townshipName)"),
        CATEGORY("cast(t.category as String)", "cast(t.category as String)"),
        INSPECTION("cast(t.inspectionId as String)", "max((select i.title from Inspection i where i.id = t.inspectionId))");

        final String key;
        final String name;

        By(String key, String name) {
            this.key = key;
            this.name = name;
        }
    }

    /** One group's numbers; the overall row has a null key. */
    @Schema(name = "FiguresRow")
    public record Row(@Schema(maxLength = KEY_MAX) String key, @Schema(maxLength = NAME_MAX) String name, long total,
            long open, long submitted, long verified, long overdue, double closureRate, Double medianDaysToClose) {
    }

    /**
     * The day figures are counted at: its end in the county's time zone, or now. As of a day, a task counts when it
     * was assigned by then, as verified when it was signed off by then, as open otherwise, as submitted when its last
     * report came by then and it is now awaiting or past sign-off, and as overdue when open and its deadline (as it
     * stands now: a later extension counts) had passed. History brought in from a ledger counts on its own days.
     */
    public record AsOf(LocalDate day) {

        public static final AsOf NOW = new AsOf(null);

        boolean past() {
            return day != null;
        }
    }

    /** The first {@value #ROWS_LISTED} groups, in key order. */
    public List<Row> by(By by, TaskFilter filter, AsOf asOf) {
        return query(by, queries.where(filter), "", Map.of(), ROWS_LISTED, asOf);
    }

    public Row overall(TaskFilter filter, AsOf asOf) {
        return query(null, queries.where(filter), "", Map.of(), 1, asOf).get(0);
    }

    /** Townships ranked by closure rate (best first), and how unevenly they advance: all of them, the first listed. */
    public League league(TaskFilter filter, AsOf asOf) {
        List<Row> rows = new ArrayList<>(query(By.TOWNSHIP, queries.where(filter), "", Map.of(), Integer.MAX_VALUE, asOf)
                .stream().filter(r -> r.key() != null).toList());
        rows.sort(Comparator.comparingDouble(Row::closureRate).reversed().thenComparing(Row::key));
        Spread spread = Spread.of(rows.stream().map(Row::closureRate).toList());
        return new League(List.copyOf(rows.subList(0, Math.min(rows.size(), ROWS_LISTED))), spread);
    }

    /** Units in no township (a county's departments and the like), each with its figures, in code order. */
    public List<Row> outsideTownships(TaskFilter filter, AsOf asOf) {
        return query(By.UNIT, queries.where(filter), " and t.townshipCode is null", Map.of(), ROWS_LISTED, asOf);
    }

    /** The tasks of a "9+N" domain's member units (as units-service lists them to the caller). */
    public DomainFigures domain(UUID domainId, TaskFilter filter, AsOf asOf) {
        Set<UUID> members = new HashSet<>();
        String cursor = null;
        do {
            var page = directory.members(domainId, 500, cursor)
                    .orElseThrow(() -> new DomainNotVisible(domainId));
            page.items().forEach(m -> members.add(m.unitId()));
            cursor = page.next();
        } while (cursor != null);
        if (members.isEmpty()) {
            return new DomainFigures(domainId, 0, new Row(null, null, 0, 0, 0, 0, 0, 0, null), List.of());
        }
        Map<String, Object> extra = Map.of("members", members);
        TaskQueries.Condition listed = queries.whereListedUnits(filter);
        List<Row> byUnit = query(By.UNIT, listed, " and t.unit.id in :members", extra, ROWS_LISTED, asOf);
        Row total = query(null, listed, " and t.unit.id in :members", extra, 1, asOf).get(0);
        return new DomainFigures(domainId, members.size(), total, byUnit);
    }

    /**
     * @param by null for one overall row
     * @param most the first groups (in key order) to answer with
     */
    private List<Row> query(By by, TaskQueries.Condition where, String extraWhere, Map<String, Object> extra, int most,
            AsOf asOf) {
        String keys = by == null ? "cast(null as String), cast(null as String)" : by.key + ", " + by.name;
        // as of a day: by what happened before its end; now: by the state each task is in
        String closed = asOf.past() ? "t.verifiedAt < :asOfEnd" : "t.state = :verifiedState";
        String open = asOf.past() ? "(t.verifiedAt is null or t.verifiedAt >= :asOfEnd)" : "t.state <> :verifiedState";
        String submitted = asOf.past()
                ? "t.submittedAt < :asOfEnd and " + open + " and t.state in (:submittedState, :verifiedState)"
                : "t.state = :submittedState";
        String hql = "select " + keys + ", count(t),"
                + " count(t) filter (where " + open + "),"
                + " count(t) filter (where " + submitted + "),"
                + " count(t) filter (where " + closed + "),"
                + " count(t) filter (where " + open + " and t.deadline < :figuresToday),"
                + " percentile_cont(0.5) within group (order by (epoch(t.verifiedAt) - epoch(t.createdAt)) / 86400.0)"
                + " filter (where " + closed + ")"
                + " from RectificationTask t where " + where.hql() + extraWhere
                + (asOf.past() ? " and t.createdAt < :asOfEnd" : "")
                + (by == null ? "" : " group by " + by.key + " order by " + by.key);
        var query = em.createQuery(hql, Object[].class).setMaxResults(most);
        where.params().forEach(query::setParameter);
        extra.forEach(query::setParameter);
        query.setParameter("verifiedState", TaskState.VERIFIED);
        query.setParameter("submittedState", TaskState.SUBMITTED);
        query.setParameter("figuresToday", asOf.past() ? asOf.day() : config.today());
        if (asOf.past()) {
            query.setParameter("asOfEnd", asOf.day().plusDays(1).atStartOfDay(config.zone()).toOffsetDateTime());
        }
        List<Row> rows = new ArrayList<>();
        for (Object[] r : query.getResultList()) {
            long total = ((Number) r[2]).longValue();
            long verified = ((Number) r[5]).longValue();
            Double median = r[7] == null ? null : Math.round(((Number) r[7]).doubleValue() * 10) / 10.0;
            rows.add(new Row((String) r[0], (String) r[1], total, ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(), verified, ((Number) r[6]).longValue(),
                    total == 0 ? 0 : Math.round(10000.0 * verified / total) / 10000.0, median));
        }
        return rows;
    }

    public record League(@Schema(maxItems = ROWS_LISTED) List<Row> townships, Spread spread) {
    }

    public record DomainFigures(UUID domainId, int memberUnits, Row total, @Schema(maxItems = ROWS_LISTED) List<Row> units) {
    }

    /**
     * How unevenly townships advance (the report's 推进不均衡), as one number: the coefficient of
     * variation of their closure rates (population standard deviation ÷ mean). 0 = perfectly even.
     */
    @Schema(name = "LeagueSpread")
    public record Spread(int townships, double meanClosureRate, double standardDeviation, Double coefficientOfVariation) {
        public static Spread of(List<Double> rates) {
            if (rates.isEmpty()) {
                return new Spread(0, 0, 0, null);
            }
            double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double variance = rates.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / rates.size();
            double sd = Math.sqrt(variance);
            return new Spread(rates.size(), round(mean), round(sd), mean == 0 ? null : round(sd / mean));
        }

        private static double round(double v) {
            return Math.round(v * 10000.0) / 10000.0;
        }
    }

    public static final class DomainNotVisible extends org.tuanjie.platform.problem.Problems.NotFound {
        public DomainNotVisible(UUID id) {
            super("domain-not-found", "domain.not-found", String.valueOf(id));
        }
    }
}
