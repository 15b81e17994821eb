package org.tuanjie.tasks.events.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.events.Happened;
import org.tuanjie.platform.events.Outbox;
import org.tuanjie.platform.files.FilesAttached;
import org.tuanjie.platform.files.StoredFile;
import org.tuanjie.tasks.evidence.service.EvidenceOwners;
import org.tuanjie.tasks.inspection.Finding;
import org.tuanjie.tasks.inspection.FindingRepository;
import org.tuanjie.tasks.inspection.Inspection;
import org.tuanjie.tasks.inspection.InspectionRepository;
import org.tuanjie.tasks.inspection.UnitSnapshot;
import org.tuanjie.tasks.task.RectificationTask;
import org.tuanjie.tasks.task.TaskChanged;
import org.tuanjie.tasks.task.TaskEvent;
import org.tuanjie.tasks.task.TaskRepository;
import org.tuanjie.tasks.task.TaskState;

/**
 * What tasks-service tells other platforms, written to the outbox in the transaction of the change. A line of a
 * task's timeline becomes an event ({@code org.tuanjie.task.verified}); the data is what a receiver needs to act
 * without asking back: the task, its unit, its new state and the version an If-Match would name.
 */
@ApplicationScoped
public class TasksEvents {

    public static final String PREFIX = "org.tuanjie.";
    /** Evidence a task or a finding took (as units-service tells of dossier files). */
    public static final String FILE_ADDED = PREFIX + "file.added";

    @Inject
    Outbox outbox;

    @Inject
    TaskRepository tasks;

    @Inject
    FindingRepository findings;

    @Inject
    InspectionRepository inspections;

    /** A line of a task's timeline just recorded, the task flushed (its version is the new one). */
    void taskChanged(@Observes TaskChanged change) {
        RectificationTask task = change.task();
        TaskEvent event = change.event();
        typeOf(event).ifPresent(type -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("taskId", task.id().toString());
            data.put("title", task.title());
            data.put("unitId", task.unit().id().toString());
            data.put("unitCode", task.unit().code());
            data.put("unitName", task.unit().name());
            data.put("state", task.state().name());
            data.put("version", task.version());
            data.put("deadline", task.deadline().toString());
            data.put("actor", event.actor());
            if (event.fromState() != null) {
                data.put("fromState", event.fromState().name());
            }
            data.putAll(event.detail());
            outbox.publish(new Happened(PREFIX + type, "tasks/" + task.id(), UnitPath.of(task.unit().path()),
                    UnitPath.of(task.ownerPath()), data));
        });
    }

    public void findingRecorded(Inspection inspection, Finding finding) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("findingId", finding.id().toString());
        data.put("inspectionId", inspection.id().toString());
        data.put("inspectionTitle", inspection.title());
        data.put("unitId", finding.unit().id().toString());
        data.put("unitCode", finding.unit().code());
        data.put("unitName", finding.unit().name());
        data.put("category", finding.category().name());
        data.put("severity", finding.severity().name());
        outbox.publish(new Happened(PREFIX + "finding.recorded", "findings/" + finding.id(), UnitPath.of(finding.unit().path()),
                UnitPath.of(inspection.ownerPath()), data));
    }

    /**
     * Evidence a task's unit submitted or an inspector recorded with a finding: told to the reach of the unit and of
     * the office that assigned the task or ran the inspection.
     */
    void fileAdded(@Observes FilesAttached attached) {
        String kind = attached.owner().kind();
        UUID id = UUID.fromString(attached.owner().id());
        UnitSnapshot unit;
        String office;
        if (EvidenceOwners.TASK.equals(kind)) {
            RectificationTask task = tasks.findById(id);
            unit = task.unit();
            office = task.ownerPath();
        } else if (EvidenceOwners.FINDING.equals(kind)) {
            Finding finding = findings.findById(id);
            unit = finding.unit();
            office = inspections.findById(finding.inspectionId()).ownerPath();
        } else {
            return;
        }
        for (StoredFile file : attached.added()) {
            Map<String, Object> data = FilesAttached.facts(file, attached.owner());
            data.put("unitId", unit.id().toString());
            data.put("unitCode", unit.code());
            data.put("unitName", unit.name());
            outbox.publish(new Happened(FILE_ADDED, "files/" + file.id(), UnitPath.of(unit.path()), UnitPath.of(office), data));
        }
    }

    /** The event type of a timeline line; an extension asked for is news for the office only through the task. */
    static Optional<String> typeOf(TaskEvent event) {
        return Optional.ofNullable(switch (event.type()) {
            case ASSIGNED -> "task.assigned";
            case STATE_CHANGED -> switch (event.toState()) {
                case IN_PROGRESS -> "task.started";
                case SUBMITTED -> "task.submitted";
                case VERIFIED -> "task.verified";
                case REJECTED -> "task.rejected";
                case HANDED_BACK -> "task.handed-back";
                case ASSIGNED -> "task.reassigned";
            };
            case OVERDUE -> "task.overdue";
            case URGED -> "task.urged";
            case EXTENSION_REQUESTED -> "task.extension-requested";
            case DEADLINE_EXTENDED, EXTENSION_REFUSED -> "task.extension-decided";
            case CONTRIBUTED -> "task.contribution-added";
        });
    }
}
