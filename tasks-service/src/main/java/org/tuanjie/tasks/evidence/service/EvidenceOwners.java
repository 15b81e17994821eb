package org.tuanjie.tasks.evidence.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.files.FileOwners;
import org.tuanjie.platform.files.StoredFile.Owner;
import org.tuanjie.tasks.inspection.Finding;
import org.tuanjie.tasks.inspection.FindingRepository;
import org.tuanjie.tasks.inspection.Inspection;
import org.tuanjie.tasks.inspection.InspectionRepository;
import org.tuanjie.tasks.inspection.OwnedFinding;
import org.tuanjie.tasks.task.RectificationTask;
import org.tuanjie.tasks.task.TaskRepository;

/**
 * The records of tasks-service that hold evidence: a task (the liaison's proof of rectification)
 * and a finding (the inspectors' photos and documents). A file is seen by whoever sees its record.
 */
@ApplicationScoped
public class EvidenceOwners implements FileOwners {

    public static final String TASK = "task";
    public static final String FINDING = "finding";

    @Inject
    TaskRepository tasks;

    @Inject
    FindingRepository findings;

    @Inject
    InspectionRepository inspections;

    public static Owner of(RectificationTask task) {
        return Owner.of(TASK, task.id());
    }

    public static Owner of(Finding finding) {
        return Owner.of(FINDING, finding.id());
    }

    @Override
    public Optional<Object> record(Owner owner) {
        UUID id;
        try {
            id = UUID.fromString(owner.id());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return switch (owner.kind()) {
            case TASK -> tasks.findByIdOptional(id).map(Object.class::cast);
            case FINDING -> findings.findByIdOptional(id).map(f -> new OwnedFinding(f,
                    inspections.findByIdOptional(f.inspectionId()).map(Inspection::ownerPath).orElse(UnitPath.NOWHERE.text())));
            default -> Optional.empty();
        };
    }
}
