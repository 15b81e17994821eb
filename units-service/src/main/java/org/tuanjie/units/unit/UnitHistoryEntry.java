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

    @Column(name = "person_id", updatable = false)
    private UUID personId;

    @Column(updatable = false)
    private String username;

    @Column(name = "account_role", updatable = false)
    private String accountRole;

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

    /**
     * A role granted to ({@code granted}) or revoked from the account {@code username} of the unit's person
     * {@code personId}.
     */
    public static UnitHistoryEntry accountRole(UUID unitId, boolean granted, UUID personId, String username, String role,
            String by) {
        UnitHistoryEntry entry = new UnitHistoryEntry(unitId,
                granted ? UnitStatusChange.ACCOUNT_ROLE_GRANTED : UnitStatusChange.ACCOUNT_ROLE_REVOKED, null, null, by);
        entry.personId = personId;
        entry.username = username;
        entry.accountRole = role;
        return entry;
    }

    public UUID personId() {
        return personId;
    }

    public String username() {
        return username;
    }

    /** The role's token name. */
    public String accountRole() {
        return accountRole;
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
