package org.tuanjie.tasks.task.rest;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.tuanjie.tasks.inspection.Category;
import org.tuanjie.tasks.inspection.UnitSnapshot;
import org.tuanjie.tasks.task.TaskState;
import org.tuanjie.tasks.task.Warning;
import org.tuanjie.tasks.task.service.TaskFilter;

/**
 * The task filters as query parameters, shared by the list, the figures and the ledger. Each field is named as its
 * parameter, so that a refusal names the parameter the client sent.
 */
public class TaskFilterParams {

    @QueryParam("state")
    @Parameter(description = "One or more states")
    @Size(max = TaskState.COUNT)
    public List<TaskState> state;

    @QueryParam("category")
    @Parameter(description = "One or more problem categories")
    @Size(max = Category.COUNT)
    public List<Category> category;

    @QueryParam("within")
    @Parameter(description = "Tasks of units in this unit's subtree")
    public UUID within;

    @QueryParam("unitId")
    @Parameter(description = "Tasks of exactly this responsible unit")
    public UUID unitId;

    @QueryParam("township")
    @Parameter(description = "Tasks of units in this township (its code)", example = "513221100000")
    @Size(max = UnitSnapshot.CODE_MAX)
    public String township;

    @QueryParam("inspectionId")
    public UUID inspectionId;

    @QueryParam("findingId")
    public UUID findingId;

    @QueryParam("warning")
    @Parameter(description = "红黄绿灯")
    public Warning warning;

    @QueryParam("overdue")
    public Boolean overdue;

    public TaskFilter toFilter() {
        return new TaskFilter(set(state, TaskState.class), set(category, Category.class), within, unitId, township,
                inspectionId, findingId, warning, overdue);
    }

    private static <E extends Enum<E>> Set<E> set(List<E> values, Class<E> type) {
        return values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }
}
