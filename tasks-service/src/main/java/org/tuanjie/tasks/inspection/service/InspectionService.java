package org.tuanjie.tasks.inspection.service;

import org.tuanjie.platform.access.UnitNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.files.Files;
import org.tuanjie.platform.files.StoredFile;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.tasks.events.service.TasksEvents;
import org.tuanjie.tasks.evidence.service.EvidenceOwners;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.Page;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.tasks.inspection.Category;
import org.tuanjie.tasks.inspection.Finding;
import org.tuanjie.tasks.inspection.FindingRepository;
import org.tuanjie.tasks.inspection.Inspection;
import org.tuanjie.tasks.inspection.InspectionExceptions.FindingNotFound;
import org.tuanjie.tasks.inspection.InspectionExceptions.InspectionNotFound;
import org.tuanjie.tasks.inspection.InspectionRepository;
import org.tuanjie.tasks.inspection.OwnedFinding;
import org.tuanjie.tasks.inspection.Severity;
import org.tuanjie.tasks.inspection.UnitSnapshot;
import org.tuanjie.unitsclient.Directory;
import org.tuanjie.unitsclient.Jurisdiction;
import org.tuanjie.unitsclient.client.UnitsClient;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;

/**
 * Inspections belong to the office that ran them; a caller sees one when its jurisdiction holds
 * that office or any unit the inspection covered.
 */
@ApplicationScoped
public class InspectionService {

    @Inject
    TasksConfig config;

    @Inject
    Directory directory;

    @Inject
    InspectionRepository inspections;

    @Inject
    FindingRepository findings;

    @Inject
    Jurisdiction jurisdiction;

    @Inject
    Caller caller;

    @Inject
    Guard guard;

    @Inject
    TasksEvents events;

    @Inject
    EntityManager em;

    @Inject
    Files files;

    public static UnitSnapshot snapshot(UnitRef unit) {
        return new UnitSnapshot(unit.id(), unit.code(), unit.name(), unit.pathText());
    }

    @Transactional
    public Inspection create(String title, LocalDate start, LocalDate end, List<Inspection.InspectionGroup> groups,
            List<UUID> unitIds, String report) {
        List<UnitSnapshot> units = covered(unitIds);
        String ownerCode = caller.unitCode().orElseThrow(() -> new UnitNotFound("unit_code"));
        Inspection inspection = new Inspection(ownerCode, jurisdiction.rootPath(), title, start, end, groups, units,
                report);
        inspections.persist(inspection);
        return inspection;
    }

    @Transactional
    public Inspection revise(UUID id, long expectedVersion, String title, LocalDate start, LocalDate end,
            List<Inspection.InspectionGroup> groups, List<UUID> unitIds, String report) {
        Inspection inspection = get(id);
        Versions.check(expectedVersion, inspection.version());
        inspection.revise(title, start, end, groups, covered(unitIds), report);
        inspections.flush();
        return inspection;
    }

    /** The inspection, when the caller sees it and meets the current operation's conditions on it. */
    public Inspection get(UUID id) {
        return inspections.findByIdOptional(id).map(i -> guard.require(i, () -> new InspectionNotFound(id)))
                .orElseThrow(() -> new InspectionNotFound(id));
    }

    public Page<Inspection> list(int limit, Cursor after) {
        String root = jurisdiction.rootPath();
        var query = em.createQuery("""
                select i from Inspection i
                where (i.ownerPath like :scope
                       or exists (select 1 from Inspection j join j.units u where j = i and u.path like :scope))
                  and (i.startDate < :afterDate or (i.startDate = :afterDate and i.id > :afterId))
                order by i.startDate desc, i.id""", Inspection.class)
                .setParameter("scope", Jurisdiction.likePrefix(root))
                .setParameter("afterDate", after == null ? LocalDate.of(9999, 12, 31) : after.date(0))
                .setParameter("afterId", after == null ? new UUID(0, 0) : after.uuid(1))
                .setMaxResults(limit + 1);
        return Page.of(query.getResultList(), limit, i -> Cursor.of(i.startDate().toString(), i.id().toString()));
    }

    @Transactional
    public Finding record(UUID inspectionId, UUID unitId, Category category, Severity severity, String description,
            List<UUID> evidence, String indicatorCode) {
        Inspection inspection = get(inspectionId);
        UnitRef found = jurisdiction.unit(unitId);
        UnitSnapshot unit = snapshot(found);
        String indicator = indicatorCode == null ? null : indicatorCode.trim().toUpperCase(Locale.ROOT);
        if (indicator != null) {
            int year = inspection.startDate().getYear();
            UnitsClient.UnitIndicators judgedBy = directory.indicators(found.id(), year)
                    .orElseThrow(() -> new UnitNotFound(unitId));
            if (!judgedBy.admits(indicator)) {
                throw new Problems.InvalidInput(new Violation("indicatorCode", "finding.indicator-unknown", indicator,
                        found.code(), String.valueOf(year)));
            }
        }
        Finding finding = new Finding(inspection, unit, category, severity, description, indicator);
        findings.persist(finding);
        if (!evidence.isEmpty()) {
            files.attach(EvidenceOwners.of(finding), evidence, caller.subject(), "evidence");
        }
        events.findingRecorded(inspection, finding);
        return finding;
    }

    /** The inspectors' photos and documents of a finding. */
    public List<StoredFile> evidence(Finding finding) {
        return files.of(EvidenceOwners.of(finding));
    }

    /** The evidence of a page of findings, in one query. */
    public Map<UUID, List<StoredFile>> evidence(List<Finding> page) {
        Map<UUID, List<StoredFile>> byFinding = new HashMap<>();
        files.of(EvidenceOwners.FINDING, page.stream().map(f -> f.id().toString()).toList())
                .forEach((id, list) -> byFinding.put(UUID.fromString(id), list));
        return byFinding;
    }

    /**
     * Findings naming an indicator that were not rectified at the end of a day: recorded by then, and not (yet) with
     * every one of their tasks verified, a finding no task was assigned for counting as open. Per unit and indicator,
     * for one unit or its whole subtree.
     */
    public List<OpenFindings> openByIndicator(UUID unitId, boolean subtree, LocalDate asOf) {
        UnitRef unit = jurisdiction.unit(unitId);
        LocalDate day = asOf == null ? config.today() : asOf;
        java.time.OffsetDateTime bound = day.plusDays(1).atStartOfDay(config.zone()).toOffsetDateTime().minusNanos(1000);
        // open: no task yet, or a task not signed off by then. Counted per finding through the task_finding index: with
        // two "exists" subqueries PostgreSQL hashed every task of the database (420 ms at 100,000 tasks, bench/scorecards.sh)
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select cast(f.unit_id as text), f.unit_code, f.indicator_code, count(*) from finding f
                cross join lateral (
                    select count(*) as tasks, count(*) filter (where t.verified_at is null or t.verified_at > ?1) as unverified
                    from rectification_task t where t.finding_id = f.id and t.created_at <= ?1) t
                where f.indicator_code is not null and f.created_at <= ?1
                  and (f.unit_id = ?2 or (?3 and f.unit_path like ?4))
                  and (t.tasks = 0 or t.unverified > 0)
                group by f.unit_id, f.unit_code, f.indicator_code
                order by f.unit_code, f.indicator_code""")
                .setParameter(1, bound).setParameter(2, unit.id()).setParameter(3, subtree)
                .setParameter(4, Jurisdiction.likePrefix(unit.pathText())).getResultList();
        return rows.stream().map(r -> new OpenFindings(UUID.fromString((String) r[0]), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue())).toList();
    }

    /** How many findings at a unit name an indicator and are not rectified. */
    public record OpenFindings(UUID unitId, String unitCode, String indicatorCode, int open) {
    }

    public Finding finding(UUID id) {
        return findings.findByIdOptional(id)
                .map(f -> new OwnedFinding(f, inspections.findByIdOptional(f.inspectionId()).map(Inspection::ownerPath)
                        .orElse(UnitPath.NOWHERE.text())))
                .map(owned -> guard.require(owned, () -> new FindingNotFound(id)).finding())
                .orElseThrow(() -> new FindingNotFound(id));
    }

    public Page<Finding> findings(UUID inspectionId, int limit, Cursor after) {
        var query = inReach(get(inspectionId), " and f.id > :after order by f.id")
                .setParameter("after", after == null ? new UUID(0, 0) : after.uuid(0))
                .setMaxResults(limit + 1);
        return Page.of(query.getResultList(), limit, f -> Cursor.of(f.id().toString()));
    }

    /** Every finding of an inspection the caller sees, in the order they were recorded: for its bulletin. */
    public List<Finding> findingsAsRecorded(Inspection inspection) {
        return inReach(inspection, " order by f.createdAt, f.id").getResultList();
    }

    /** The owning office sees every finding; a covered unit those within its reach. */
    private jakarta.persistence.TypedQuery<Finding> inReach(Inspection inspection, String andOrder) {
        return em.createQuery("""
                select f from Finding f where f.inspectionId = :inspection
                  and (:office = true or f.unit.path like :scope)""" + andOrder, Finding.class)
                .setParameter("inspection", inspection.id())
                .setParameter("office", jurisdiction.covers(inspection.ownerPath()))
                .setParameter("scope", Jurisdiction.likePrefix(jurisdiction.rootPath()));
    }

    private List<UnitSnapshot> covered(List<UUID> unitIds) {
        List<UnitSnapshot> units = new ArrayList<>();
        for (UUID unitId : new LinkedHashSet<>(unitIds)) {
            units.add(snapshot(jurisdiction.unit(unitId)));
        }
        return units;
    }
}
