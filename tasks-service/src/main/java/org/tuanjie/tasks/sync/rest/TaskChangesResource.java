package org.tuanjie.tasks.sync.rest;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tuanjie.platform.access.Guarded;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.tasks.sync.service.TaskChanges;
import org.tuanjie.tasks.task.mapping.TaskViews;
import org.tuanjie.tasks.task.mapping.TaskViews.TaskView;
import org.tuanjie.tasks.task.service.TaskService;

@Guarded
@Path("/tasks/changes")
@Tag(name = "Tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskChangesResource {

    @Inject
    TaskChanges changes;

    @Inject
    TaskService service;

    @Inject
    TasksConfig config;

    @Schema(name = "TaskChanges")
    public record TaskChangesView(
            @Schema(description = "Tasks assigned or changed since the cursor, as GET /tasks/{id} shows them now",
                    maxItems = PageResponse.MAX_LIMIT) List<TaskView> items,
            @Schema(description = "Tasks gone from your reach since the cursor (reassigned elsewhere, or their unit moved "
                    + "out): drop them from the device (a first sync may name tasks it never had)",
                    maxItems = PageResponse.MAX_LIMIT) List<UUID> removed,
            @Schema(description = "Pass back as `cursor` to get what changed after this batch; keep it on the device",
                    example = "djEfNzQyH2M2ZTQ5ZjZjLTk1MjMtNDc0Zi1hYjFkLTJkNjQ3ZGZmZDJjMg", maxLength = Cursor.MAX_LENGTH)
            String cursor,
            @Schema(description = "True when more changes are waiting: call again at once") boolean more) {
    }

    @GET
    @Operation(summary = "Delta sync: tasks changed since a cursor",
            description = "For the mobile app, like GET /units/changes: start without a cursor, keep the returned cursor, and "
                    + "call again later to get only the tasks assigned or changed within your reach since (the tasks GET "
                    + "/tasks lists), and the ids of those that left it (`removed`). In commit order; none is skipped. A "
                    + "task's warning colour is as of the answer: recompute it from `deadline` on the device each day.")
    public TaskChangesView getTaskChanges(@QueryParam("cursor") @Parameter(description = "`cursor` of the previous batch") String cursor,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit) {
        TaskChanges.Batch batch = changes.since(cursor == null ? null : Cursor.decode(cursor, 2), limit);
        var evidence = service.evidence(batch.changed());
        List<TaskView> items = batch.changed().stream().map(t -> TaskViews.toView(t, config.today(), config.yellowDays(),
                evidence.getOrDefault(t.id(), List.of()))).toList();
        return new TaskChangesView(items, batch.removed(), batch.next().encode(), batch.more());
    }
}
