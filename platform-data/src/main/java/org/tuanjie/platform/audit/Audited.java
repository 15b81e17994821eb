package org.tuanjie.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * Who created and last changed a row, and when, stamped from the token by {@link AuditListener};
 * the version doubles as the resource's ETag.
 */
@MappedSuperclass
@EntityListeners(AuditListener.class)
public abstract class Audited {

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    String createdBy;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    @Version
    @Column(nullable = false)
    long version;

    /** When what the row records happened, for history brought in from before the suite; null: now. */
    @jakarta.persistence.Transient
    OffsetDateTime happenedAt;

    /**
     * The row records something that happened before it was written (a ledger brought in): its creation time is
     * then that moment, so that figures counting from it (days to close, as of a date) read the history right. Who
     * wrote it, and when, the caller records beside it.
     */
    protected void happenedAt(OffsetDateTime at) {
        if (createdAt != null) {
            throw new IllegalStateException("a stored row's creation time never changes");
        }
        this.happenedAt = at;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public long version() {
        return version;
    }
}
