package org.tuanjie.tasks.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.tuanjie.platform.audit.Audited;

/**
 * A problem (问题) an inspection found at one unit.
 */
@Entity
@Table(name = "finding")
public class Finding extends Audited {

    public static final int DESCRIPTION_MAX = 4000;
    /** The inspectors' photos and documents, all given when the finding is recorded. */
    public static final int EVIDENCE_MAX = 20;
    /** An indicator code as acceptance-check lists number them (3, 3.2.1, A2.1): units-service's catalogue decides which exist. */
    public static final String INDICATOR_FORM = org.tuanjie.unitsclient.client.UnitsClient.INDICATOR_CODE_FORM;
    public static final int INDICATOR_MAX = org.tuanjie.unitsclient.client.UnitsClient.INDICATOR_CODE_MAX;

    @Id
    private UUID id;

    @Column(name = "inspection_id", nullable = false, updatable = false)
    private UUID inspectionId;

    @Embedded
    private UnitSnapshot unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;

    @Column(nullable = false)
    private String description;

    /** The evaluation indicator (测评指标) it puts at risk, when the inspectors named one. */
    @Column(name = "indicator_code", updatable = false)
    private String indicatorCode;

    @Column(name = "import_id", updatable = false)
    private UUID importId;

    protected Finding() {
        // for JPA
    }

    /** @param indicatorCode a code units-service admitted for the unit, in its canonical form; null for none */
    public Finding(Inspection inspection, UnitSnapshot unit, Category category, Severity severity, String description,
            String indicatorCode) {
        if (!inspection.covers(unit.id())) {
            throw new InspectionExceptions.UnitNotCovered(unit.code());
        }
        this.id = UUID.randomUUID();
        this.inspectionId = inspection.id();
        this.unit = unit;
        this.category = category;
        this.severity = severity;
        this.description = description;
        this.indicatorCode = indicatorCode;
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

    public UUID inspectionId() {
        return inspectionId;
    }

    public UnitSnapshot unit() {
        return unit;
    }

    public Category category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    public String indicatorCode() {
        return indicatorCode;
    }
}
