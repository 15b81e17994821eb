package org.tuanjie.units.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.events.Happened;
import org.tuanjie.platform.events.Outbox;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.service.UnitEvents;

/**
 * What units-service tells other platforms, in the transaction of the change: a unit created, renamed, moved,
 * closed or reopened. Read by whoever's reach covers the unit or its parent; a move also by the reach of where
 * the unit was, so the township it left learns that it left.
 */
@ApplicationScoped
public class UnitsEvents {

    public static final String PREFIX = "org.tuanjie.unit.";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    void created(@Observes UnitEvents.UnitCreated event) {
        tell("created", event.unit(), parentOf(event.unit().unitPath()), Map.of());
    }

    void renamed(@Observes UnitEvents.UnitRenamed event) {
        tell("renamed", event.unit(), parentOf(event.unit().unitPath()), Map.of());
    }

    void moved(@Observes UnitEvents.UnitMoved event) {
        tell("moved", event.unit(), UnitPath.of(event.previousPath()), Map.of("previousPath", event.previousPath()));
    }

    void closedOrReopened(@Observes UnitEvents.UnitClosedOrReopened event) {
        Unit unit = event.unit();
        tell(unit.isClosed() ? "closed" : "reopened", unit, parentOf(unit.unitPath()),
                unit.isClosed() ? Map.of("closedOn", String.valueOf(unit.closedOn())) : Map.of());
    }

    private void tell(String what, Unit unit, UnitPath office, Map<String, String> extra) {
        em.flush(); // the unit's new version, for the event
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unitId", unit.id().toString());
        data.put("code", unit.code());
        data.put("kind", unit.kind().name());
        data.put("name", unit.nameZh());
        data.put("path", unit.path());
        data.put("parentId", unit.parentId() == null ? null : unit.parentId().toString());
        data.put("version", unit.version());
        data.putAll(extra);
        data.values().removeIf(Objects::isNull);
        outbox.publish(new Happened(PREFIX + what, "units/" + unit.id(), unit.unitPath(), office, data));
    }

    /** The unit above, or none for the top of the hierarchy. */
    private static UnitPath parentOf(UnitPath path) {
        List<String> codes = path.codes();
        return codes.size() < 2 ? null : UnitPath.of(codes.subList(0, codes.size() - 1));
    }
}
