package org.tuanjie.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.time.Times;

/** A service's events in feed order, as far as a caller's reach goes. */
@ApplicationScoped
public class EventFeed {

    public static final String SPEC_VERSION = "1.0";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    FeedPositions positions;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /**
     * @param reach whose events: those of units it covers, or of offices it covers
     * @param after the position last seen (0 for the start)
     * @param types only these types; all when empty
     */
    @Transactional
    public List<CloudEvent> after(UnitPath reach, long after, int limit, Set<String> types) {
        positions.relay();
        return read(reach, after, limit, types);
    }

    /** The same, without first positioning what was committed since the last relay. */
    @Transactional
    public List<CloudEvent> read(UnitPath reach, long after, int limit, Set<String> types) {
        Query query = em.createNativeQuery("""
                select position, id, type, subject, occurred_at, cast(data as text) from outbox_event
                where position > :after and (unit_path like :reach or office_path like :reach)
                  and (:anyType = true or type in (:types))
                order by position limit :limit""")
                .setParameter("after", after)
                .setParameter("reach", reach.likePattern())
                .setParameter("anyType", types.isEmpty())
                .setParameter("types", types.isEmpty() ? Set.of("") : types)
                .setParameter("limit", limit);
        List<CloudEvent> events = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            events.add(new CloudEvent(SPEC_VERSION, columns[1].toString(), "/" + service, (String) columns[2],
                    (String) columns[3], Times.utc(columns[4]), "application/json", columns[0].toString(), data((String) columns[5])));
        }
        return events;
    }

    private JsonNode data(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event data is not JSON", e);
        }
    }
}
