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
