package org.tuanjie.tasks.task.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.tuanjie.platform.access.Guard;
import org.tuanjie.platform.files.Files;
import org.tuanjie.platform.files.StoredFile;
import org.tuanjie.tasks.evidence.service.EvidenceOwners;
import org.tuanjie.tasks.task.Evidence;
import org.tuanjie.platform.concurrency.Versions;
import org.tuanjie.platform.paging.Cursor;
import org.tuanjie.platform.paging.Page;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.platform.problem.Violation;
import org.tuanjie.platform.security.Caller;
import org.tuanjie.tasks.config.TasksConfig;
import org.tuanjie.tasks.inspection.Category;
import org.tuanjie.tasks.inspection.Finding;
import org.tuanjie.tasks.inspection.UnitSnapshot;
import org.tuanjie.tasks.inspection.service.InspectionService;
import org.tuanjie.unitsclient.Directory;
import org.tuanjie.unitsclient.Jurisdiction;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;
import org.tuanjie.tasks.task.ExtensionRequest;
import org.tuanjie.tasks.task.RectificationTask;
import org.tuanjie.tasks.task.RectificationTask.Assignment;
import org.tuanjie.tasks.task.RectificationTask.CooperatingUnit;
import org.tuanjie.tasks.task.TaskChanged;
import org.tuanjie.tasks.task.TaskEvent;
import org.tuanjie.tasks.task.TaskExceptions.ExtensionNotFound;
import org.tuanjie.tasks.task.TaskExceptions.ExtensionPending;
import org.tuanjie.tasks.task.TaskExceptions.TaskNotFound;
import org.tuanjie.tasks.task.TaskRepository;
import org.tuanjie.tasks.task.TaskState;
import org.tuanjie.tasks.task.UrgingNotice;

/**
 * Rectification tasks from assignment to sign-off. The office (admin, inspector) assigns,
 * verifies, rejects, urges and decides extensions; the responsible unit's liaison or leader works
 * the task. Every change lands on the task's timeline in the same transaction.
 */
@ApplicationScoped
public class TaskService {

    @Inject
    TaskRepository tasks;

    @Inject
    InspectionService inspections;

    /** What follows from a line of a task's timeline: the events told to other platforms, the inbox. */
    @Inject
    Event<TaskChanged> changed;

    @Inject
    Jurisdiction jurisdiction;

    @Inject
    Directory directory;

    @Inject
    Caller caller;

    @Inject
    Guard guard;

    @Inject
    TaskQueries queries;

    @Inject
    TasksConfig config;

    @Inject
    EntityManager em;

    @Inject
    Files files;

    /** What the office asks for; the unit and category come from the finding when there is one. */
    public record NewTask(UUID findingId, UUID unitId, Category category, String title, String measures,
            String responsiblePerson, List<UUID> cooperatingUnitIds, LocalDate deadline, Boolean evidenceRequired) {
    }

    @Transactional
    public RectificationTask assign(NewTask request) {
        UUID inspectionId = null;
        UUID unitId = request.unitId();
        Category category = request.category();
        if (request.findingId() != null) {
            Finding finding = inspections.finding(request.findingId());
            inspectionId = finding.inspectionId();
            unitId = unitId == null ? finding.unit().id() : unitId;
            category = category == null ? finding.category() : category;
        }
        List<Violation> missing = new ArrayList<>();
        if (unitId == null) {
            missing.add(new Violation("unitId", "field.required"));
        }
        if (category == null) {
            missing.add(new Violation("category", "field.required"));
        }
        if (!missing.isEmpty()) {
            throw new Problems.InvalidInput(missing);
        }
        UnitRef unit = jurisdiction.unit(unitId);
        List<CooperatingUnit> cooperating = new ArrayList<>();
        for (UUID id : request.cooperatingUnitIds() == null ? List.<UUID>of() : request.cooperatingUnitIds()) {
            UnitRef ref = jurisdiction.unit(id);
            cooperating.add(new CooperatingUnit(ref.id(), ref.code(), ref.name()));
        }
        boolean evidenceRequired = request.evidenceRequired() != null ? request.evidenceRequired()
                : config.evidenceRequiredFor().orElse(java.util.Set.of()).contains(category);
        Assignment assignment = new Assignment(request.findingId(), inspectionId, request.title(), category,
                request.measures(), request.responsiblePerson(), cooperating, request.deadline(), evidenceRequired);
        RectificationTask task = RectificationTask.assign(assignment, InspectionService.snapshot(unit), township(unit),
                jurisdiction.rootPath());
        tasks.persist(task);
        record(task, TaskEvent.of(task, TaskEvent.Type.ASSIGNED, null, TaskState.ASSIGNED, caller.subject(),
                Map.of("unit", unit.code(), "deadline", task.deadline().toString())));
        return task;
    }

    /** The task, when the caller sees it and meets the current operation's conditions on it (the policy's). */
    public RectificationTask get(UUID id) {
        return tasks.findByIdOptional(id).map(t -> guard.require(t, () -> new TaskNotFound(id)))
                .orElseThrow(() -> new TaskNotFound(id));
    }

    public Page<RectificationTask> list(TaskFilter filter, int limit, Cursor after) {
        TaskQueries.Condition where = queries.where(filter);
        var query = em.createQuery("select t from RectificationTask t where " + where.hql()
                + " and (t.deadline > :afterDate or (t.deadline = :afterDate and t.id > :afterId))"
                + " order by t.deadline, t.id", RectificationTask.class);
        where.params().forEach(query::setParameter);
        query.setParameter("afterDate", after == null ? LocalDate.of(1, 1, 1) : after.date(0));
        query.setParameter("afterId", after == null ? new UUID(0, 0) : after.uuid(1));
        query.setMaxResults(limit + 1);
        return Page.of(query.getResultList(), limit, t -> Cursor.of(t.deadline().toString(), t.id().toString()));
    }

    @Transactional
    public RectificationTask start(UUID id, long version) {
        return change(id, version, t -> t.start(caller.subject()));
    }

    /**
     * @param lateExtension with a submission after the deadline, the extension that explains it (补办延期); else null
     */
    @Transactional
    public RectificationTask submit(UUID id, long version, String report, List<UUID> evidence, LateExtension lateExtension) {
        RectificationTask submitted = change(id, version, t -> {
            List<StoredFile> files = evidence.isEmpty() ? this.files.of(EvidenceOwners.of(t))
                    : this.files.attach(EvidenceOwners.of(t), evidence, caller.subject(), "evidence");
            return t.submit(report, proof(files), caller.subject());
        });
        if (lateExtension != null) {
            ask(submitted, lateExtension.reason(), lateExtension.requestedDeadline(), ExtensionRequest.Asked.WITH_LATE_SUBMISSION);
            tasks.flush();
        }
        return submitted;
    }

    /** An extension asked with a late submission: why it is late, and the deadline that would have covered it. */
    public record LateExtension(String reason, LocalDate requestedDeadline) {
    }

    @Transactional
    public RectificationTask verify(UUID id, long version) {
        return change(id, version, t -> t.verify(caller.subject(), caller.displayName(),
                proof(files.freeze(EvidenceOwners.of(t)))));
    }

    @Transactional
    public RectificationTask reject(UUID id, long version, String reason) {
        return change(id, version, t -> t.reject(reason, caller.subject()));
    }

    @Transactional
    public RectificationTask handBack(UUID id, long version, String reason) {
        return change(id, version, t -> t.handBack(reason, caller.subject()));
    }

    @Transactional
    public RectificationTask reassign(UUID id, long version, UUID unitId, String person) {
        UnitRef unit = jurisdiction.unit(unitId);
        return change(id, version,
                t -> t.reassign(InspectionService.snapshot(unit), township(unit), person, caller.subject()));
    }

    @Transactional
    public ExtensionRequest requestExtension(UUID taskId, String reason, LocalDate requested) {
        return ask(get(taskId), reason, requested, ExtensionRequest.Asked.BEFORE_DEADLINE);
    }

    private ExtensionRequest ask(RectificationTask task, String reason, LocalDate requested, ExtensionRequest.Asked asked) {
        long pending = em.createQuery("select count(e) from ExtensionRequest e where e.taskId = :t and e.state = :p", Long.class)
                .setParameter("t", task.id()).setParameter("p", ExtensionRequest.State.PENDING).getSingleResult();
        if (pending > 0) {
            throw new ExtensionPending();
        }
        ExtensionRequest request = ExtensionRequest.ask(task, reason, requested, config.today(), asked);
        em.persist(request);
        Map<String, String> detail = new java.util.HashMap<>(Map.of("requestedDeadline", requested.toString(), "reason", reason));
        if (asked == ExtensionRequest.Asked.WITH_LATE_SUBMISSION) {
            detail.put("withSubmission", "true");
        }
        record(task, TaskEvent.of(task, TaskEvent.Type.EXTENSION_REQUESTED, task.state(), task.state(), caller.subject(), detail));
        return request;
    }

    @Transactional
    public ExtensionRequest decideExtension(UUID taskId, UUID requestId, long version, boolean approve, String note) {
        RectificationTask task = get(taskId);
        ExtensionRequest request = extension(taskId, requestId);
        Versions.check(version, request.version());
        if (approve) {
            record(task, request.approve(task, note, caller.subject()));
        } else {
            request.refuse(note, caller.subject());
            record(task, TaskEvent.of(task, TaskEvent.Type.EXTENSION_REFUSED, task.state(), task.state(), caller.subject(),
                    note == null ? Map.of() : Map.of("note", note)));
        }
        em.flush();
        return request;
    }

    public ExtensionRequest extension(UUID taskId, UUID requestId) {
        get(taskId);
        ExtensionRequest request = em.find(ExtensionRequest.class, requestId);
        if (request == null || !request.taskId().equals(taskId)) {
            throw new ExtensionNotFound(requestId);
        }
        return request;
    }

    public List<ExtensionRequest> extensions(UUID taskId) {
        get(taskId);
        return em.createQuery("select e from ExtensionRequest e where e.taskId = :t order by e.createdAt", ExtensionRequest.class)
                .setParameter("t", taskId).setMaxResults(ExtensionRequest.LISTED_MAX).getResultList();
    }

    @Transactional
    public UrgingNotice urge(UUID taskId, String message) {
        RectificationTask task = get(taskId);
        if (task.state() == TaskState.VERIFIED) {
            throw new org.tuanjie.tasks.task.TaskExceptions.TaskAlreadyVerified();
        }
        UrgingNotice notice = new UrgingNotice(taskId, message, false, caller.subject());
        em.persist(notice);
        record(task, TaskEvent.of(task, TaskEvent.Type.URGED, task.state(), task.state(), caller.subject(), Map.of("message", message)));
        return notice;
    }

    /** A co-operating unit's contribution: a note on the task's timeline, the task's state untouched. */
    @Transactional
    public TaskEvent contribute(UUID taskId, String note) {
        RectificationTask task = get(taskId);
        TaskEvent event = task.contribute(caller.unitCode().orElse(""), note, caller.subject());
        record(task, event);
        em.flush();
        return event;
    }

    public List<UrgingNotice> urgings(UUID taskId) {
        get(taskId);
        return em.createQuery("select u from UrgingNotice u where u.taskId = :t order by u.issuedAt", UrgingNotice.class)
                .setParameter("t", taskId).setMaxResults(UrgingNotice.LISTED_MAX).getResultList();
    }

    public List<TaskEvent> timeline(UUID taskId) {
        get(taskId);
        return em.createQuery("select e from TaskEvent e where e.taskId = :t order by e.id", TaskEvent.class)
                .setParameter("t", taskId).setMaxResults(TaskEvent.LISTED_MAX).getResultList();
    }

    private RectificationTask change(UUID id, long version, Function<RectificationTask, TaskEvent> action) {
        RectificationTask task = get(id);
        Versions.check(version, task.version());
        record(task, action.apply(task));
        tasks.flush();
        return task;
    }

    /** The files that are a task's evidence, as its timeline names them. */
    public List<StoredFile> evidence(RectificationTask task) {
        return files.of(EvidenceOwners.of(task));
    }

    /** The evidence of a page of tasks, in one query. */
    public Map<UUID, List<StoredFile>> evidence(List<RectificationTask> page) {
        Map<UUID, List<StoredFile>> byTask = new java.util.HashMap<>();
        files.of(EvidenceOwners.TASK, page.stream().map(t -> t.id().toString()).toList())
                .forEach((id, list) -> byTask.put(UUID.fromString(id), list));
        return byTask;
    }

    private static List<Evidence> proof(List<StoredFile> files) {
        return files.stream().map(f -> new Evidence(f.id(), f.sha256())).toList();
    }

    private void record(RectificationTask task, TaskEvent event) {
        em.persist(event);
        em.flush(); // the task's new version, for the event
        changed.fire(new TaskChanged(task, event));
    }

    private UnitSnapshot township(UnitRef unit) {
        return directory.townshipOf(unit).map(InspectionService::snapshot).orElse(null);
    }
}
