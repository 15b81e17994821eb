package org.tuanjie.tasks.task.service;

import java.util.Set;
import java.util.UUID;
import org.tuanjie.tasks.inspection.Category;
import org.tuanjie.tasks.task.TaskState;
import org.tuanjie.tasks.task.Warning;

/**
 * Filters shared by the task list, the figures and the ledger; every one optional.
 *
 * @param within   tasks of units in this unit's subtree
 * @param unitId   tasks of exactly this responsible unit
 * @param township tasks of units in this township (its code)
 */
public record TaskFilter(Set<TaskState> states, Set<Category> categories, UUID within, UUID unitId, String township,
        UUID inspectionId, UUID findingId, Warning warning, Boolean overdue) {

    public static TaskFilter all() {
        return new TaskFilter(Set.of(), Set.of(), null, null, null, null, null, null, null);
    }
}
