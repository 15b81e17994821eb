package org.tuanjie.units.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.events.Happened;
import org.tuanjie.platform.events.Outbox;
import org.tuanjie.platform.files.FilesAttached;
import org.tuanjie.platform.files.StoredFile;
import org.tuanjie.units.dossier.Activity;
import org.tuanjie.units.dossier.DossierEntry;
import org.tuanjie.units.dossier.DossierRepository;
import org.tuanjie.units.dossier.service.AttachmentOwners;
import org.tuanjie.units.unit.Unit;
import org.tuanjie.units.unit.UnitRepository;
import org.tuanjie.units.unit.service.UnitEvents;

/**
 * What units-service tells other platforms, in the transaction of the change: a unit created, renamed, moved,
 * closed or reopened, and a file its dossier took. Read by whoever's reach covers the unit or its parent; a move also by the reach of where
 * the unit was, so the township it left learns that it left.
 */
@ApplicationScoped
public class UnitsEvents {

    public static final String PREFIX = "org.tuanjie.unit.";
    /** A file a dossier entry took (as tasks-service tells of evidence). */
    public static final String FILE_ADDED = "org.tuanjie.file.added";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    DossierRepository entries;

    @Inject
    UnitRepository units;

    /** A new unit's version is the first one as it is persisted: nothing to flush (an import adds thousands). */
    void created(@Observes UnitEvents.UnitCreated event) {
        tell("created", event.unit(), parentOf(event.unit().unitPath()), Map.of());
    }

    void renamed(@Observes UnitEvents.UnitRenamed event) {
        em.flush(); // the unit's new version, for the event
        tell("renamed", event.unit(), parentOf(event.unit().unitPath()), Map.of());
    }

    void moved(@Observes UnitEvents.UnitMoved event) {
        em.flush();
        tell("moved", event.unit(), UnitPath.of(event.previousPath()), Map.of("previousPath", event.previousPath()));
    }

    void closedOrReopened(@Observes UnitEvents.UnitClosedOrReopened event) {
        em.flush();
        Unit unit = event.unit();
        tell(unit.isClosed() ? "closed" : "reopened", unit, parentOf(unit.unitPath()),
                unit.isClosed() ? Map.of("closedOn", String.valueOf(unit.closedOn())) : Map.of());
    }

    /** Photos and scans an activity or document of a unit's dossier took: told to the reach of the unit. */
    void fileAdded(@Observes FilesAttached attached) {
        if (!AttachmentOwners.ENTRY.equals(attached.owner().kind())) {
            return;
        }
        DossierEntry entry = entries.findById(UUID.fromString(attached.owner().id()));
        Unit unit = units.findById(entry.unitId());
        for (StoredFile file : attached.added()) {
            Map<String, Object> data = FilesAttached.facts(file, attached.owner());
            data.put("entry", entry instanceof Activity ? "activity" : "document"); // which path reads it
            data.put("entryKind", entry.kind().name());
            data.put("unitId", unit.id().toString());
            data.put("unitCode", unit.code());
            data.put("unitName", unit.nameZh());
            outbox.publish(new Happened(FILE_ADDED, "files/" + file.id(), unit.unitPath(), parentOf(unit.unitPath()), data));
        }
    }

    private void tell(String what, Unit unit, UnitPath office, Map<String, String> extra) {
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
