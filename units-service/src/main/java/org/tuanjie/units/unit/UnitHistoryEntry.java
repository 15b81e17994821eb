package org.tuanjie.units.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One closing or reopening of a unit, with its reason, who and when. Recorded by the unit as it
 * changes; never edited, so a reopening does not erase why the unit was closed.
 */
@Entity
@Immutable
@Table(name = "unit_history")
public class UnitHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private UnitStatusChange change;

    @Column(name = "effective_on", updatable = false)
    private LocalDate effectiveOn;

    @Column(updatable = false)
    private String reason;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    protected UnitHistoryEntry() {
        // for JPA
    }

    UnitHistoryEntry(UUID unitId, UnitStatusChange change, LocalDate effectiveOn, String reason, String by) {
        this.unitId = unitId;
        this.change = change;
        this.effectiveOn = effectiveOn;
        this.reason = reason;
        this.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.recordedBy = by;
    }

    public UUID unitId() {
        return unitId;
    }

    public UnitStatusChange change() {
        return change;
    }

    /** The closing's end date; none for a reopening, which takes effect when recorded. */
    public LocalDate effectiveOn() {
        return effectiveOn;
    }

    public String reason() {
        return reason;
    }

    public OffsetDateTime recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
