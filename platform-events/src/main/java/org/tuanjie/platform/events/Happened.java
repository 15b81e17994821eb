package org.tuanjie.platform.events;

import java.util.Map;
import java.util.Objects;
import org.tuanjie.platform.access.UnitPath;

/**
 * Something that happened, as a service reports it to the {@link Outbox}.
 *
 * @param type what happened, e.g. {@code org.tuanjie.task.verified}
 * @param subject what it happened to, as a path under the service, e.g. {@code tasks/9b2e…}
 * @param unit the unit it concerns: whoever's reach covers it reads the event
 * @param office the office acting on that unit (the assigning office of a task), which reads it too; may be null
 * @param data what a receiver needs to act without asking back: ids, codes, the new state and version
 */
public record Happened(String type, String subject, UnitPath unit, UnitPath office, Map<String, ?> data) {

    public Happened {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(unit, "unit");
        data = Map.copyOf(data);
    }
}
