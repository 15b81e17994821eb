package org.tuanjie.tasks.task.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.access.Guarded;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.idempotency.Idempotency;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.PageResponse;
import org.tuanjie.platform.problem.Problem;
import org.tuanjie.unitsclient.Jurisdiction;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.tasks.task.ExtensionRequest;
import org.tuanjie.tasks.task.RectificationTask;
import org.tuanjie.tasks.task.TaskEvent;
import org.tuanjie.tasks.task.UrgingNotice;
import org.tuanjie.tasks.task.mapping.TaskViews;
import org.tuanjie.tasks.task.mapping.TaskViews.Contribution;
import org.tuanjie.tasks.task.mapping.TaskViews.Decision;
import org.tuanjie.tasks.task.mapping.TaskViews.EventView;
import org.tuanjie.tasks.task.mapping.TaskViews.ExtensionAsk;
import org.tuanjie.tasks.task.mapping.TaskViews.ExtensionView;
import org.tuanjie.tasks.task.mapping.TaskViews.Reason;
import org.tuanjie.tasks.task.mapping.TaskViews.Reassignment;
import org.tuanjie.tasks.task.mapping.TaskViews.Submission;
import org.tuanjie.tasks.task.mapping.TaskViews.TaskRequest;
import org.tuanjie.tasks.task.mapping.TaskViews.TaskView;
import org.tuanjie.tasks.task.mapping.TaskViews.UrgeRequest;
import org.tuanjie.tasks.task.mapping.TaskViews.UrgingView;
import org.tuanjie.tasks.task.service.OverdueCheck;
import org.tuanjie.tasks.task.service.TaskService;

@Guarded
@Path("/tasks")
@Tag(name = "Tasks", description = "Rectification tasks (整改任务): ASSIGNED → IN_PROGRESS → SUBMITTED → VERIFIED (销号), SUBMITTED → REJECTED → IN_PROGRESS, hand-back (退办)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    private static final String CONFLICT = "The task's state does not allow this (named in `type`)";

    @Inject
    TaskService service;

    @Inject
    OverdueCheck overdueCheck;

    @Inject
    Jurisdiction jurisdiction;

    @Inject
    Idempotency idempotency;

    @Inject
    TasksConfig config;

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Assign a rectification task", description = "From a finding, or standalone (e.g. decided at a meeting) with unitId and category.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "503", description = "units-service unavailable; nothing was written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createTask(@Valid @NotNull TaskRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /tasks", request, () -> {
            RectificationTask task = service.assign(new TaskService.NewTask(request.findingId(), request.unitId(),
                    request.category(), request.title(), request.measures(), request.responsiblePerson(),
                    request.cooperatingUnitIds(), request.deadline(), request.evidenceRequired()));
            return Versions.created(uri.getBaseUriBuilder().path("tasks").path(task.id().toString()).build(),
                    view(task), task.version());
        });
    }

    @GET
    @Operation(summary = "List tasks", description = "Ordered by deadline. The same filters drive the figures and the ledger.")
    public RestResponse<PageResponse<TaskView>> listTasks(@Valid @BeanParam TaskFilterParams filter,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(PageResponse.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        var page = service.list(filter.toFilter(), limit, cursor == null ? null : Cursor.decode(cursor, 2));
        var evidence = service.evidence(page.items());
        return PageResponse.ok(page.map(t -> TaskViews.toView(t, config.today(), config.yellowDays(),
                evidence.getOrDefault(t.id(), List.of()))), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a task")
    public RestResponse<TaskView> getTask(@PathParam("id") UUID id) {
        return withEtag(service.get(id));
    }

    @POST
    @Path("{id}/start")
    @Operation(summary = "Start work (ASSIGNED or REJECTED → IN_PROGRESS)", description = "By the responsible unit's liaison or leader.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TaskView> startTask(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.start(id, expected));
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit for verification with a completion report (IN_PROGRESS → SUBMITTED)",
            description = "With `evidence`: files the submitter uploaded under /evidence, attached as proof (they join any "
                    + "earlier submission's). A photo taken before the task was assigned is flagged for the verifier. "
                    + "Past the deadline, `extension` asks in the same request for the deadline that explains the delay "
                    + "(补办延期): the task is submitted and the request waits for the office's decision.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Evidence required and none given (`evidence-required`), or a file that is not the submitter's own complete upload (`file-not-attachable`)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TaskView> submitTask(@PathParam("id") UUID id, @Valid @NotNull Submission request,
            @HeaderParam("If-Match") @Parameter(example = "\"1\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.submit(id, expected, request.completionReport(), request.evidenceOrNone(),
                request.extension() == null ? null
                        : new TaskService.LateExtension(request.extension().reason(), request.extension().requestedDeadline())));
    }

    @POST
    @Path("{id}/verify")
    @Operation(summary = "Sign off (销号): SUBMITTED → VERIFIED", description = "Not by the person who submitted it.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TaskView> verifyTask(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(example = "\"2\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.verify(id, expected));
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject a submission with a reason (SUBMITTED → REJECTED)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TaskView> rejectTask(@PathParam("id") UUID id, @Valid @NotNull Reason request,
            @HeaderParam("If-Match") @Parameter(example = "\"2\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.reject(id, expected, request.reason()));
    }

    @POST
    @Path("{id}/hand-back")
    @Operation(summary = "Hand back (退办) a wrongly assigned task with a reason", description = "From ASSIGNED or IN_PROGRESS; the office then reassigns it.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TaskView> handBackTask(@PathParam("id") UUID id, @Valid @NotNull Reason request,
            @HeaderParam("If-Match") @Parameter(example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.handBack(id, expected, request.reason()));
    }

    @POST
    @Path("{id}/reassign")
    @Operation(summary = "Give a handed-back task to another unit (HANDED_BACK → ASSIGNED)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "units-service unavailable; nothing was written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<TaskView> reassignTask(@PathParam("id") UUID id, @Valid @NotNull Reassignment request,
            @HeaderParam("If-Match") @Parameter(example = "\"1\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        return withEtag(service.reassign(id, expected, request.unitId(), request.responsiblePerson()));
    }

    @GET
    @Path("{id}/timeline")
    @Operation(summary = "Every change of the task, in order, with who and when")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = EventView.class, maxItems = TaskEvent.LISTED_MAX)))
    public List<EventView> getTaskTimeline(@PathParam("id") UUID id) {
        return service.timeline(id).stream().map(TaskViews::toView).toList();
    }

    @POST
    @Path("{id}/extensions")
    @Operation(summary = "Ask for an extension (延期申请) before the deadline")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ExtensionView.class)))
    @APIResponse(responseCode = "409", description = "Deadline passed, a request already pending, or task verified", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response requestExtension(@PathParam("id") UUID id, @Valid @NotNull ExtensionAsk request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /tasks/" + id + "/extensions", request, () -> {
            ExtensionRequest extension = service.requestExtension(id, request.reason(), request.requestedDeadline());
            return Versions.created(uri.getBaseUriBuilder().path("tasks").path(id.toString()).path("extensions")
                    .path(extension.id().toString()).build(), TaskViews.toView(extension), extension.version());
        });
    }

    @GET
    @Path("{id}/extensions")
    @Operation(summary = "Extension requests of a task")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = ExtensionView.class, maxItems = ExtensionRequest.LISTED_MAX)))
    public List<ExtensionView> listExtensionRequests(@PathParam("id") UUID id) {
        return service.extensions(id).stream().map(TaskViews::toView).toList();
    }

    @GET
    @Path("{id}/extensions/{requestId}")
    @Operation(summary = "Read an extension request")
    public RestResponse<ExtensionView> getExtensionRequest(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId) {
        ExtensionRequest request = service.extension(id, requestId);
        return Versions.ok(TaskViews.toView(request), request.version());
    }

    @POST
    @Path("{id}/extensions/{requestId}/decision")
    @Operation(summary = "Approve or refuse an extension", description = "Approval moves the deadline; the old one stays on the timeline.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ExtensionView.class)))
    @APIResponse(responseCode = "409", description = "Already decided, or task verified", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ExtensionView> decideExtensionRequest(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId,
            @Valid @NotNull Decision decision, @HeaderParam("If-Match") @Parameter(description = "ETag of the request", example = "\"0\"") String ifMatch) {
        long expected = Versions.expected(ifMatch);
        ExtensionRequest request = service.decideExtension(id, requestId, expected, decision.approve(), decision.note());
        return Versions.ok(TaskViews.toView(request), request.version());
    }

    @POST
    @Path("{id}/urgings")
    @Operation(summary = "Urge the responsible unit (催办)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = UrgingView.class)))
    @APIResponse(responseCode = "409", description = "Task already verified", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response urgeTask(@PathParam("id") UUID id, @Valid @NotNull UrgeRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /tasks/" + id + "/urgings", request,
                () -> Response.status(201).entity(TaskViews.toView(service.urge(id, request.message()))).build());
    }

    @GET
    @Path("{id}/urgings")
    @Operation(summary = "Urging notices of a task, the overdue job's included")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = UrgingView.class, maxItems = UrgingNotice.LISTED_MAX)))
    public List<UrgingView> listUrgings(@PathParam("id") UUID id) {
        return service.urgings(id).stream().map(TaskViews::toView).toList();
    }

    @POST
    @Path("{id}/contributions")
    @Operation(summary = "Add a co-operating unit's contribution (配合单位): a note on the timeline",
            description = "The task's state does not change. Co-operating units read the task and its timeline, and add this; they cannot submit, verify or reassign.")
    @APIResponse(responseCode = "201", description = "The timeline entry", content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "409", description = "Task already verified", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addContribution(@PathParam("id") UUID id, @Valid @NotNull Contribution request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /tasks/" + id + "/contributions", request,
                () -> Response.status(201).entity(TaskViews.toView(service.contribute(id, request.note()))).build());
    }

    @POST
    @Path("overdue-check")
    @Operation(summary = "Run the overdue check now", description = "Flags each newly overdue task once, with an automatic urging notice: only the tasks within the caller's reach, and counts only those. It also runs on a schedule, over every task.")
    @APIResponse(responseCode = "200", description = "How many tasks were newly flagged", content = @Content(schema = @Schema(implementation = OverdueCheckResult.class)))
    public OverdueCheckResult runOverdueCheck() {
        return new OverdueCheckResult(overdueCheck.run(jurisdiction.root()));
    }

    @Schema(name = "OverdueCheckResult")
    public record OverdueCheckResult(@Schema(example = "3") int flagged) {
    }

    private TaskView view(RectificationTask task) {
        return TaskViews.toView(task, config.today(), config.yellowDays(), service.evidence(task));
    }

    private RestResponse<TaskView> withEtag(RectificationTask task) {
        return Versions.ok(view(task), task.version());
    }
}
