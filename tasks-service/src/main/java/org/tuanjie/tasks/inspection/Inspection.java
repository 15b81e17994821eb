package org.tuanjie.tasks.inspection;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tuanjie.platform.audit.Audited;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;

/**
 * An inspection (督查) run by an office over some units, by groups of inspectors.
 */
@Entity
@Table(name = "inspection")
public class Inspection extends Audited {

    public static final int TITLE_MAX = 200;
    /** The inspection report (督查报告), pasted in whole. */
    public static final int REPORT_MAX = 20000;
    /** Inspection groups (督查组) of one inspection. */
    public static final int GROUPS_MAX = 20;
    /** Units one inspection covers: a county's departments, townships, villages, schools and venues. */
    public static final int UNITS_MAX = 500;

    @Id
    private UUID id;

    @Column(nullable = false)
    private String title;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<InspectionGroup> groups;

    private String report;

    @Column(name = "owner_code", nullable = false, updatable = false)
    private String ownerCode;

    @Column(name = "owner_path", nullable = false, updatable = false)
    private String ownerPath;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inspection_unit", joinColumns = @JoinColumn(name = "inspection_id"))
    private List<UnitSnapshot> units = new ArrayList<>();

    @Column(name = "import_id", updatable = false)
    private UUID importId;

    protected Inspection() {
        // for JPA
    }

    public Inspection(String ownerCode, String ownerPath, String title, LocalDate startDate, LocalDate endDate,
            List<InspectionGroup> groups, List<UnitSnapshot> units, String report) {
        this.id = UUID.randomUUID();
        this.ownerCode = ownerCode;
        this.ownerPath = ownerPath;
        revise(title, startDate, endDate, groups, units, report);
    }

    public void revise(String newTitle, LocalDate start, LocalDate end, List<InspectionGroup> newGroups,
            List<UnitSnapshot> coveredUnits, String newReport) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new Problems.InvalidInput(new Violation("endDate", "inspection.dates"));
        }
        this.title = newTitle;
        this.startDate = start;
        this.endDate = end;
        this.groups = List.copyOf(newGroups);
        this.units.clear();
        this.units.addAll(coveredUnits);
        this.report = newReport;
    }

    public boolean covers(UUID unitId) {
        return units.stream().anyMatch(u -> u.id().equals(unitId));
    }

    public UUID id() {
        return id;
    }

    /** Brought in from a ledger: recorded as made when it happened (the inspection's start, the finding's day). */
    public void broughtIn(UUID fromImport, java.time.OffsetDateTime happened) {
        this.importId = fromImport;
        happenedAt(happened);
    }

    /** The ledger import that brought it in from before the suite, if one did. */
    public UUID importId() {
        return importId;
    }

    public String title() {
        return title;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public List<InspectionGroup> groups() {
        return groups;
    }

    public String report() {
        return report;
    }

    public String ownerCode() {
        return ownerCode;
    }

    public String ownerPath() {
        return ownerPath;
    }

    public List<UnitSnapshot> units() {
        return List.copyOf(units);
    }

    /** An inspection group (督查组): its name, leader and members. */
    public record InspectionGroup(String name, String leader, List<String> members) {
    }
}
