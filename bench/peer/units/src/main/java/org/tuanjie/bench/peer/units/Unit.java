package org.tuanjie.bench.peer.units;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of units-service's {@code unit} table; its place is a materialized path of codes ({@code /5100…/5132…/}). */
@Entity
@Immutable
@Table(name = "unit")
public class Unit {

    @Id
    private UUID id;

    private String code;

    @Enumerated(EnumType.STRING)
    private UnitKind kind;

    @Column(name = "parent_id")
    private UUID parentId;

    private String path;

    private int depth;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> names;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "close_reason")
    private String closeReason;

    @Column(name = "leader_person_id")
    private UUID leaderPersonId;

    @Column(name = "leader_name")
    private String leaderName;

    @Column(name = "leader_from")
    private LocalDate leaderFrom;

    @Column(name = "leader_account")
    private String leaderAccount;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected Unit() {
        // for JPA
    }

    /** Whether this unit is the one at {@code rootPath} or lies below it. */
    public boolean isWithin(String rootPath) {
        return rootPath != null && path.startsWith(rootPath);
    }

    public List<String> pathCodes() {
        return Arrays.stream(path.split("/")).filter(code -> !code.isEmpty()).toList();
    }

    public boolean isClosed() {
        return closedOn != null;
    }

    public UUID getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public UnitKind getKind() {
        return kind;
    }

    public UUID getParentId() {
        return parentId;
    }

    public int getDepth() {
        return depth;
    }

    public Map<String, String> getNames() {
        return names;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getCloseReason() {
        return closeReason;
    }

    public UUID getLeaderPersonId() {
        return leaderPersonId;
    }

    public String getLeaderName() {
        return leaderName;
    }

    public LocalDate getLeaderFrom() {
        return leaderFrom;
    }

    public String getLeaderAccount() {
        return leaderAccount;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }
}
