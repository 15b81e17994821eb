package org.tuanjie.tasks.bulletin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.tasks.bulletin.service.InspectionBulletin.CategoryProblems;
import org.tuanjie.tasks.bulletin.service.InspectionBulletin.UnitProblems;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.tasks.figures.service.FiguresService;
import org.tuanjie.tasks.inspection.Category;
import org.tuanjie.tasks.inspection.Finding;
import org.tuanjie.tasks.inspection.Inspection;
import org.tuanjie.tasks.inspection.service.InspectionService;
import org.tuanjie.tasks.task.RectificationTask;
import org.tuanjie.tasks.task.service.TaskFilter;
import org.tuanjie.tasks.task.service.TaskQueries;
import org.tuanjie.unitsclient.Directory;

/**
 * Gathers what a bulletin says, from the data in the caller's reach only: a township's staff get the bulletin of their
 * township's part of a county inspection, the county office the whole.
 */
@ApplicationScoped
public class BulletinService {

    @Inject
    InspectionService inspections;

    @Inject
    FiguresService figures;

    @Inject
    TaskQueries queries;

    @Inject
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    TasksConfig config;

    @Inject
    Caller caller;

    /**
     * An inspection's bulletin. Problems are grouped by category (in the categories' order) and, within one, by unit in
     * the order the unit's first problem of that category was recorded; each keeps its finding's wording.
     */
    public InspectionBulletin inspection(UUID inspectionId, String title, String reference) {
        Inspection inspection = inspections.get(inspectionId);
        Map<Category, Map<String, UnitProblems>> byCategory = new EnumMap<>(Category.class);
        for (Finding finding : inspections.findingsAsRecorded(inspection)) {
            byCategory.computeIfAbsent(finding.category(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(finding.unit().code(), code -> new UnitProblems(code, finding.unit().name(), new ArrayList<>()))
                    .descriptions().add(finding.description().strip());
        }
        List<CategoryProblems> problems = byCategory.entrySet().stream()
                .map(e -> new CategoryProblems(e.getKey(), List.copyOf(e.getValue().values()))).toList();
        TaskFilter ofInspection = new TaskFilter(Set.of(), Set.of(), null, null, null, inspectionId, null, null, null);
        TaskQueries.Condition where = queries.where(ofInspection);
        var query = em.createQuery("select t from RectificationTask t where " + where.hql()
                + " order by t.deadline, t.unit.code, t.id", RectificationTask.class);
        where.params().forEach(query::setParameter);
        String office = directory.nameOrCode(inspection.ownerCode());
        String heading = title == null || title.isBlank() ? "关于" + inspection.title() + "情况的通报" : title.strip();
        return new InspectionBulletin(heading, reference == null ? "" : reference.strip(), office, config.today(), inspection,
                problems, query.getResultList(), figures.overall(ofInspection, FiguresService.AsOf.NOW));
    }

    /** Red-light tasks named in a progress bulletin at most; the rest are counted. */
    public static final int RED_NAMED = 500;

    /**
     * A progress bulletin of the tasks of a unit's subtree ({@code within}; else all the caller reaches) for a period,
     * as things stood at its last day: figures as {@code /figures} counts them as of that day.
     */
    public ProgressBulletin progress(UUID within, LocalDate from, LocalDate to, String title, String reference) {
        TaskFilter tasks = new TaskFilter(Set.of(), Set.of(), within, null, null, null, null, null, null);
        TaskQueries.Condition where = queries.where(tasks);
        FiguresService.AsOf asOf = to.isBefore(config.today()) ? new FiguresService.AsOf(to) : FiguresService.AsOf.NOW;
        OffsetDateTime start = from.atStartOfDay(config.zone()).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(config.zone()).toOffsetDateTime();

        var verified = em.createQuery("select count(t) from RectificationTask t where " + where.hql()
                + " and t.verifiedAt >= :start and t.verifiedAt < :end", Long.class);
        where.params().forEach(verified::setParameter);
        long verifiedInPeriod = verified.setParameter("start", start).setParameter("end", end).getSingleResult();

        var red = em.createQuery("select t from RectificationTask t where " + where.hql()
                + " and t.createdAt < :end and (t.verifiedAt is null or t.verifiedAt >= :end) and t.deadline < :day"
                + " order by t.deadline, t.unit.code, t.id", RectificationTask.class);
        where.params().forEach(red::setParameter);
        List<ProgressBulletin.RedTask> named = red.setParameter("end", end).setParameter("day", to).setMaxResults(RED_NAMED)
                .getResultStream().map(t -> new ProgressBulletin.RedTask(t.unit().name(), t.title(), t.deadline(),
                        ChronoUnit.DAYS.between(t.deadline(), to))).toList();

        var urged = em.createQuery("select count(u), count(u) filter (where u.automatic = true) from UrgingNotice u, "
                + "RectificationTask t where t.id = u.taskId and " + where.hql()
                + " and u.issuedAt >= :start and u.issuedAt < :end", Object[].class);
        where.params().forEach(urged::setParameter);
        Object[] urgings = urged.setParameter("start", start).setParameter("end", end).getSingleResult();

        String office = directory.nameOrCode(caller.unitCode().orElse(""));
        String unit = within != null ? directory.nameOrId(within) : office;
        String heading = title == null || title.isBlank() ? unit + "民族团结进步创建问题整改进展通报" : title.strip();
        return new ProgressBulletin(heading, reference == null ? "" : reference.strip(), unit, office, from, to,
                config.today(), figures.overall(tasks, asOf), figures.league(tasks, asOf), figures.outsideTownships(tasks, asOf),
                verifiedInPeriod, named, new ProgressBulletin.Urgings(((Number) urgings[0]).longValue(),
                        ((Number) urgings[1]).longValue()));
    }
}
