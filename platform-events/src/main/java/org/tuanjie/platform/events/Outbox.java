package org.tuanjie.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Where a service writes what happened, in the transaction of the change itself: the event is committed with
 * the change or not at all, so the feed neither loses one nor tells of a change that was rolled back.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** @return the event's id (the CloudEvents {@code id}) */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(Happened event) {
        UUID id = UUID.randomUUID();
        String data;
        try {
            data = json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data must be JSON: " + event.type(), e);
        }
        em.createNativeQuery("""
                insert into outbox_event (id, type, subject, unit_path, office_path, occurred_at, data)
                values (:id, :type, :subject, :unit, :office, :at, cast(:data as jsonb))""")
                .setParameter("id", id)
                .setParameter("type", event.type())
                .setParameter("subject", event.subject())
                .setParameter("unit", event.unit().text())
                .setParameter("office", event.office() == null ? null : event.office().text())
                .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter("data", data)
                // reads nothing the session holds: no dirty check of the whole session first (an import publishes
                // thousands of events, and an auto flush checks every entity it holds even when it writes none)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
        return id;
    }
}
