package org.tuanjie.units.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.audit.Audited;
import org.tuanjie.units.unit.UnitExceptions.MoveWouldCreateCycle;
import org.tuanjie.units.unit.UnitExceptions.PlacementNotAllowed;
import org.tuanjie.units.unit.UnitExceptions.UnitAlreadyClosed;
import org.tuanjie.units.unit.UnitExceptions.UnitNotClosed;

/**
 * A node of the one unit hierarchy. Its place is a materialized path of codes
 * ({@code /510000000000/513200000000/}), so a subtree is a prefix and a jurisdiction check is a
 * string comparison. The aggregate refuses codes that do not fit its kind or parent, placements
 * its kind does not allow, cycles, and changes to a closed unit; closings and reopenings come back as
 * entries of its history.
 */
@Entity
@Table(name = "unit")
public class Unit extends Audited {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private UnitKind kind;

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(nullable = false)
    private String path;

    @Column(nullable = false)
    private int depth;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> names;

    @Column(name = "search_text", nullable = false)
    private String searchText;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "close_reason")
    private String closeReason;

    /** The current principal leader (一把手) among the unit's people, copied here so that a change shows in the feed. */
    @Column(name = "leader_person_id")
    private UUID leaderPersonId;

    @Column(name = "leader_name")
    private String leaderName;

    @Column(name = "leader_from")
    private LocalDate leaderFrom;

    @Column(name = "leader_account")
    private String leaderAccount;

    protected Unit() {
        // for JPA
    }

    private Unit(String code, UnitKind kind, UnitNames names) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.kind = kind;
        rename(names);
    }

    /** The top of a jurisdiction: a province, prefecture or county with no parent here. */
    public static Unit root(String code, UnitKind kind, UnitNames names) {
        if (!kind.mayBeRoot()) {
            throw new PlacementNotAllowed(kind, null);
        }
        Unit unit = new Unit(validCode(code, kind, null), kind, names);
        unit.path = "/" + unit.code + "/";
        unit.depth = 0;
        return unit;
    }

    public static Unit under(Unit parent, String code, UnitKind kind, UnitNames names) {
        parent.requireOpen();
        if (!kind.mayBePlacedUnder(parent.kind)) {
            throw new PlacementNotAllowed(kind, parent.kind);
        }
        Unit unit = new Unit(validCode(code, kind, parent), kind, names);
        unit.placeUnder(parent);
        return unit;
    }

    /** The code in canonical form, if it is valid for this kind under this parent. */
    public static String validCode(String code, UnitKind kind, Unit parent) {
        if (code == null || code.isBlank()) {
            throw UnitExceptions.invalid("code", "field.required");
        }
        if (!kind.isRegion()) {
            return CreditCode.parse(code).value();
        }
        DivisionCode division = DivisionCode.parse(code);
        if (division.level() != kind.level()) {
            throw UnitExceptions.codeNotOfKind(kind);
        }
        if (parent != null && parent.kind.isRegion() && !division.isWithin(new DivisionCode(parent.code))) {
            throw UnitExceptions.codeOutsideParent(division.value(), parent.code);
        }
        return division.value();
    }

    public void rename(UnitNames newNames) {
        requireOpenIfPersisted();
        this.names = newNames.byLanguage();
        this.nameZh = newNames.chinese();
        this.searchText = code.toLowerCase(java.util.Locale.ROOT) + " " + kind.name().toLowerCase(java.util.Locale.ROOT)
                + " " + newNames.searchText();
    }

    /**
     * Moves this unit under {@code newParent}. The caller must then re-root the descendants' paths
     * (see {@link #path()} before and after); their codes stay valid because a region can only move
     * within its parent's area.
     */
    public void moveUnder(Unit newParent) {
        requireOpen();
        newParent.requireOpen();
        if (newParent.path.startsWith(path)) {
            throw new MoveWouldCreateCycle(code);
        }
        if (!kind.mayBePlacedUnder(newParent.kind)) {
            throw new PlacementNotAllowed(kind, newParent.kind);
        }
        validCode(code, kind, newParent);
        placeUnder(newParent);
    }

    /** @return the closing, for the unit's history */
    public UnitHistoryEntry close(LocalDate on, String reason, String by) {
        requireOpen();
        if (on == null) {
            throw UnitExceptions.invalid("endDate", "field.required");
        }
        this.closedOn = on;
        this.closeReason = reason;
        return new UnitHistoryEntry(id, UnitStatusChange.CLOSED, on, reason, by);
    }

    /**
     * Undoes a closing. The closing's date and reason leave the unit and stay in its history.
     *
     * @param parent this unit's parent, null for a root: a closed parent cannot have an open child
     * @return the reopening, for the unit's history
     */
    public UnitHistoryEntry reopen(Unit parent, String reason, String by) {
        if (!isClosed()) {
            throw new UnitNotClosed(code);
        }
        if (reason == null || reason.isBlank()) {
            throw UnitExceptions.invalid("reason", "field.required");
        }
        if (parent != null) {
            if (!parent.id.equals(parentId)) {
                throw new IllegalArgumentException("not this unit's parent");
            }
            parent.requireOpen();
        }
        this.closedOn = null;
        this.closeReason = null;
        return new UnitHistoryEntry(id, UnitStatusChange.REOPENED, null, reason, by);
    }

    private void placeUnder(Unit parent) {
        this.parentId = parent.id;
        this.path = parent.path + code + "/";
        this.depth = parent.depth + 1;
    }

    private void requireOpen() {
        if (isClosed()) {
            throw new UnitAlreadyClosed(code);
        }
    }

    private void requireOpenIfPersisted() {
        if (path != null) {
            requireOpen();
        }
    }

    /**
     * Records who leads the unit now (null: nobody), and the username of their active account, if
     * any. A change moves the unit up the change feed, where the services holding its agreements learn it.
     *
     * @return whether the leader changed
     */
    public boolean leaderIs(UUID personId, String name, LocalDate from, String account) {
        if (Objects.equals(leaderPersonId, personId) && Objects.equals(leaderName, name)
                && Objects.equals(leaderFrom, from) && Objects.equals(leaderAccount, account)) {
            return false;
        }
        leaderPersonId = personId;
        leaderName = name;
        leaderFrom = from;
        leaderAccount = account;
        return true;
    }

    public String leaderAccount() {
        return leaderAccount;
    }

    public UUID leaderPersonId() {
        return leaderPersonId;
    }

    public String leaderName() {
        return leaderName;
    }

    public LocalDate leaderFrom() {
        return leaderFrom;
    }

    public boolean isClosed() {
        return closedOn != null;
    }

    /** Whether this unit lies in the subtree whose root has {@code rootPath} (itself included). */
    public boolean isWithin(String rootPath) {
        return rootPath != null && UnitPath.of(rootPath).covers(unitPath());
    }

    /** Where this unit sits, as reach is measured. */
    public UnitPath unitPath() {
        return UnitPath.of(path);
    }

    /** Codes from the hierarchy's root down to this unit. */
    public List<String> pathCodes() {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public UnitKind kind() {
        return kind;
    }

    public UUID parentId() {
        return parentId;
    }

    public String path() {
        return path;
    }

    public int depth() {
        return depth;
    }

    public UnitNames names() {
        return new UnitNames(names);
    }

    public String nameZh() {
        return nameZh;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public String closeReason() {
        return closeReason;
    }
}
