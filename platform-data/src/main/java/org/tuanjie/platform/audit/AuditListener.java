package org.tuanjie.platform.audit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.tuanjie.platform.security.Caller;

/**
 * Stamps {@link Audited} rows with the token subject; outside a request (start-up, jobs) the
 * author is {@code system}.
 */
public class AuditListener {

    @PrePersist
    void created(Audited row) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String who = currentSubject();
        row.createdAt = row.happenedAt == null ? now : row.happenedAt;
        row.createdBy = who;
        row.updatedAt = now;
        row.updatedBy = who;
    }

    @PreUpdate
    void updated(Audited row) {
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.updatedBy = currentSubject();
    }

    static String currentSubject() {
        if (!Arc.container().requestContext().isActive()) {
            return Caller.SYSTEM;
        }
        try (InstanceHandle<Caller> caller = Arc.container().instance(Caller.class)) {
            return caller.isAvailable() ? caller.get().subject() : Caller.SYSTEM;
        }
    }
}
