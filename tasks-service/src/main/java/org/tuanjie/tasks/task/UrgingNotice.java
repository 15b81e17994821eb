package org.tuanjie.tasks.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * 催办: a notice pressing the responsible unit, by a person or by the overdue job.
 */
@Entity
@Table(name = "urging_notice")
public class UrgingNotice {

    public static final int MESSAGE_MAX = 2000;
    /** The most notices a task's list shows, oldest first: the overdue job's one per deadline, and people's. */
    public static final int LISTED_MAX = 500;

    @Id
    private UUID id;

    @Column(name = "task_id", nullable = false, updatable = false)
    private UUID taskId;

    @Column(nullable = false, updatable = false)
    private String message;

    @Column(nullable = false, updatable = false)
    private boolean automatic;

    @Column(name = "issued_by", nullable = false, updatable = false)
    private String issuedBy;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private OffsetDateTime issuedAt;

    protected UrgingNotice() {
        // for JPA
    }

    public UrgingNotice(UUID taskId, String message, boolean automatic, String issuedBy) {
        this.id = UUID.randomUUID();
        this.taskId = taskId;
        this.message = message;
        this.automatic = automatic;
        this.issuedBy = issuedBy;
        this.issuedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public UUID taskId() {
        return taskId;
    }

    public String message() {
        return message;
    }

    public boolean automatic() {
        return automatic;
    }

    public String issuedBy() {
        return issuedBy;
    }

    public OffsetDateTime issuedAt() {
        return issuedAt;
    }
}
