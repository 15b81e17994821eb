package org.tuanjie.units.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tuanjie.platform.audit.Audited;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.units.dossier.DossierExceptions.EntryAlreadyWithdrawn;
import org.tuanjie.units.indicators.IndicatorCode;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitExceptions.UnitAlreadyClosed;

/**
 * One entry of a unit's dossier (创建档案): an {@link Activity} or a {@link DossierDocument}, filed under the unit
 * and never moved to another. The dossier is what the acceptance check and the auditors read, so an entry is
 * never deleted: a withdrawal keeps it, with its reason, who and when, and it counts no more. A withdrawn entry
 * cannot change. Each entry has its own id, to which its attachments (photos, the document's file) will refer.
 */
@Entity
@Table(name = "dossier_entry")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "entry_type")
public abstract class DossierEntry extends Audited {

    /**
     * The most files an entry holds: a revision adds files and never drops one, so without a ceiling an entry's
     * answer would grow without end. A hundred photos and scans are more than any activity or document needs.
     */
    public static final int MAX_FILES = 100;

    @Id
    private UUID id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DossierKind kind;

    @Column(name = "entry_date", nullable = false)
    private LocalDate date;

    @Column(nullable = false)
    private String title;

    @Column(name = "indicator_codes", nullable = false, columnDefinition = "text[]")
    private String[] indicatorCodes = new String[0];

    @Column(name = "domain_id")
    private UUID domainId;

    @Column(name = "withdrawn_at")
    private OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by")
    private String withdrawnBy;

    @Column(name = "withdraw_reason")
    private String withdrawReason;

    protected DossierEntry() {
        // for JPA
    }

    /** A new entry of an open unit's dossier. */
    protected DossierEntry(Unit unit, DossierKind kind, EntryFacts facts, LocalDate today) {
        if (unit.isClosed()) {
            throw new UnitAlreadyClosed(unit.code());
        }
        this.id = UUID.randomUUID();
        this.unitId = unit.id();
        state(kind, facts, today);
    }

    /** Replaces what the entry states; its unit stays. */
    protected void restate(DossierKind newKind, EntryFacts facts, LocalDate today) {
        requireActive();
        state(newKind, facts, today);
    }

    private void state(DossierKind newKind, EntryFacts facts, LocalDate today) {
        facts.requireHappenedBy(today);
        this.kind = newKind;
        this.title = facts.title();
        this.date = facts.date();
        this.indicatorCodes = facts.indicators().stream().map(IndicatorCode::value).toArray(String[]::new);
        this.domainId = facts.domainId();
    }

    /**
     * Takes the entry out of the dossier: it stays readable, with why, by whom and when, and counts no more.
     *
     * @throws EntryAlreadyWithdrawn when it was withdrawn before
     */
    public void withdraw(String reason, String by, OffsetDateTime at) {
        requireActive();
        if (reason == null || reason.isBlank()) {
            throw new Problems.InvalidInput(new Violation("reason", "field.required"));
        }
        this.withdrawReason = reason.trim();
        this.withdrawnBy = by;
        this.withdrawnAt = at;
    }

    protected void requireActive() {
        if (isWithdrawn()) {
            throw new EntryAlreadyWithdrawn(id);
        }
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    public EntryStatus status() {
        return isWithdrawn() ? EntryStatus.WITHDRAWN : EntryStatus.ACTIVE;
    }

    public UUID id() {
        return id;
    }

    public UUID unitId() {
        return unitId;
    }

    public DossierKind kind() {
        return kind;
    }

    public LocalDate date() {
        return date;
    }

    public String title() {
        return title;
    }

    public List<String> indicatorCodes() {
        return List.of(indicatorCodes);
    }

    public UUID domainId() {
        return domainId;
    }

    public OffsetDateTime withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawnBy() {
        return withdrawnBy;
    }

    public String withdrawReason() {
        return withdrawReason;
    }
}
