package org.tuanjie.tasks.access;

import static org.tuanjie.platform.security.Roles.ADMIN;
import static org.tuanjie.platform.security.Roles.ADMINS;
import static org.tuanjie.platform.security.Roles.AUDITOR;
import static org.tuanjie.platform.security.Roles.INSPECTOR;
import static org.tuanjie.platform.security.Roles.INTEGRATION;
import static org.tuanjie.platform.security.Roles.UNIT_LEADER;
import static org.tuanjie.platform.security.Roles.UNIT_LIAISON;
import static org.tuanjie.platform.security.Roles.UNIT_STAFF;
import static org.tuanjie.platform.security.Roles.EVERYONE;
import static org.tuanjie.platform.security.Roles.OFFICE;

import java.util.Set;
import org.tuanjie.platform.access.AccessPolicy;
import org.tuanjie.platform.access.Act;
import org.tuanjie.platform.access.Reach;
import org.tuanjie.platform.access.Rule;
import org.tuanjie.platform.access.UnitPath;
import org.tuanjie.platform.events.EventAccess;
import org.tuanjie.unitsclient.client.UnitsClient.UnitRef;
import org.tuanjie.tasks.inspection.Inspection;
import org.tuanjie.tasks.inspection.OwnedFinding;
import org.tuanjie.tasks.task.RectificationTask;

/**
 * Who may call each operation of tasks-service, and on whose behalf. Reads are open to every role
 * within reach; the office's acts (sign-off, rejection, extensions, reassignment) belong to staff
 * whose reach includes the assigning office and who do not sit inside the unit being judged; the
 * unit's work belongs to the unit itself; inspections are revised by their owning office.
 */
public final class TaskPolicy implements AccessPolicy.Source {

    /**
     * Who uploads evidence: inspectors and the office (findings), a unit's liaison and leader (submissions).
     * Auditors change nothing. A file is its uploader's alone until a finding or a submission takes it.
     */
    static final Set<String> UPLOADERS = Set.of(ADMIN, INSPECTOR, UNIT_LIAISON, UNIT_LEADER);
    /**
     * Who takes evidence bundles away: auditors and provincial checkers, and the office preparing for them. A bundle
     * carries every file of a subtree, more than a unit's own people or an inspector needs at once.
     */
    static final Set<String> BUNDLE_TAKERS = Set.of(ADMIN, AUDITOR);
    /**
     * Who keeps and checks the timeline chain's checkpoints: auditors, the office, and other platforms. A checkpoint says
     * nothing of any task, only the chain's length and head hash.
     */
    static final Set<String> CHECKPOINT_KEEPERS = Set.of(ADMIN, AUDITOR, INTEGRATION);
    /** Whom work waits on: the people of units and offices, not oversight or other platforms. */
    static final Set<String> INBOX_OWNERS = Set.of(ADMIN, INSPECTOR, UNIT_LIAISON, UNIT_LEADER);

    /** An integration client writes only with this OAuth scope in its token. */
    public static final String WRITE_SCOPE = "tasks:write";

    // who sees what at all (404 otherwise)
    static final Act<RectificationTask> SEES_TASK = Act.of(RectificationTask.class,
            "the task's unit, its assigning office or a co-operating unit is the caller's or lies in its reach",
            "access.task.not-visible", TaskPolicy::seesTask);
    static final Act<Inspection> SEES_INSPECTION = Act.of(Inspection.class,
            "the inspection's owning office or a unit it covered lies in the caller's reach",
            "access.inspection.not-visible", (r, i) -> r.covers(path(i.ownerPath()))
                    || i.units().stream().anyMatch(u -> r.covers(path(u.path()))));
    static final Act<OwnedFinding> SEES_FINDING = Act.of(OwnedFinding.class,
            "the finding's unit or its inspection's owning office lies in the caller's reach",
            "access.finding.not-visible", (r, f) -> r.covers(path(f.finding().unit().path())) || r.covers(path(f.ownerPath())));
    static final Act<UnitRef> SEES_UNIT = Act.of(UnitRef.class, "every unit named lies in the caller's reach",
            "access.unit.not-visible", (r, u) -> r.covers(u.unitPath()));

    // on whose behalf (403 otherwise)
    static final Act<RectificationTask> FOR_ASSIGNING_OFFICE = Act.of(RectificationTask.class,
            "the caller's reach includes the **assigning office**", "access.task.assigning-office",
            (r, t) -> r.covers(path(t.ownerPath())))
            .and(Act.of(RectificationTask.class, "the caller does not sit in the **responsible unit**",
                    "access.task.responsible-unit", (r, t) -> !r.liesWithin(path(t.unit().path()))))
            .and(Act.of(RectificationTask.class, "nor in its township, when the task was assigned from above that township",
                    "access.task.township", TaskPolicy::notInTownshipJudged));
    static final Act<RectificationTask> NOT_SUBMITTER = Act.of(RectificationTask.class,
            "never the submitter", "task.self-verification", (r, t) -> !r.subject().equals(t.submittedBy()));
    static final Act<RectificationTask> FOR_RESPONSIBLE_UNIT = Act.of(RectificationTask.class,
            "the caller's own unit (`unit_code`) is the **responsible unit**", "access.task.responsible-unit-only",
            (r, t) -> r.isUnit(t.unit().code()));
    static final Act<RectificationTask> FOR_COOPERATING_UNIT = Act.of(RectificationTask.class,
            "the caller's own unit (`unit_code`) is a **co-operating unit** of the task", "access.task.cooperating-only",
            (r, t) -> t.cooperatingUnits().stream().anyMatch(c -> r.isUnit(c.code())));
    static final Act<RectificationTask> ABOVE_THE_UNIT = Act.of(RectificationTask.class,
            "the caller's reach includes the task's unit or its assigning office, and the caller does not sit in the unit",
            "access.task.above-unit", (r, t) -> (r.covers(path(t.unit().path())) || r.covers(path(t.ownerPath())))
                    && !r.liesWithin(path(t.unit().path())));
    static final Act<UnitRef> UNIT_BELOW = Act.of(UnitRef.class,
            "the units named lie in the caller's reach, and the caller does not assign to its own unit",
            "access.unit.not-below", (r, u) -> r.covers(u.unitPath()) && !r.isUnit(u.code()));
    static final Act<Inspection> FOR_OWNING_OFFICE = Act.of(Inspection.class,
            "the caller's reach includes the inspection's **owning office**", "access.inspection.owning-office",
            (r, i) -> r.covers(path(i.ownerPath())));


    @Override
    public AccessPolicy policy() {
        return AccessPolicy.builder()
                .seen(SEES_TASK).seen(SEES_INSPECTION).seen(SEES_FINDING).seen(SEES_UNIT)
                .rule(Rule.of("POST", "/tasks", OFFICE).integrationWith(WRITE_SCOPE).acting(UNIT_BELOW))
                .rule(Rule.of("GET", "/tasks", EVERYONE))
                .rule(Rule.of("GET", "/tasks/changes", EVERYONE))
                .rule(Rule.of("GET", "/tasks/inbox", INBOX_OWNERS))
                .rule(Rule.of("POST", "/tasks/inbox/{id}/read", INBOX_OWNERS))
                .rule(Rule.of("GET", "/tasks/{id}", EVERYONE))
                .rule(Rule.of("GET", "/tasks/{id}/timeline", EVERYONE))
                .rule(Rule.of("POST", "/tasks/{id}/start", UNIT_STAFF).acting(FOR_RESPONSIBLE_UNIT))
                .rule(Rule.of("POST", "/tasks/{id}/submit", UNIT_STAFF).acting(FOR_RESPONSIBLE_UNIT))
                .rule(Rule.of("POST", "/tasks/{id}/hand-back", UNIT_STAFF).acting(FOR_RESPONSIBLE_UNIT))
                .rule(Rule.of("POST", "/tasks/{id}/extensions", UNIT_STAFF).acting(FOR_RESPONSIBLE_UNIT))
                .rule(Rule.of("POST", "/tasks/{id}/contributions", UNIT_STAFF).acting(FOR_COOPERATING_UNIT))
                .rule(Rule.of("POST", "/tasks/{id}/verify", OFFICE).acting(FOR_ASSIGNING_OFFICE.and(NOT_SUBMITTER)))
                .rule(Rule.of("POST", "/tasks/{id}/reject", OFFICE).acting(FOR_ASSIGNING_OFFICE.and(NOT_SUBMITTER)))
                .rule(Rule.of("POST", "/tasks/{id}/extensions/{requestId}/decision", OFFICE).acting(FOR_ASSIGNING_OFFICE))
                .rule(Rule.of("POST", "/tasks/{id}/reassign", OFFICE).acting(FOR_ASSIGNING_OFFICE).acting(UNIT_BELOW))
                .rule(Rule.of("POST", "/tasks/{id}/urgings", OFFICE).integrationWith(WRITE_SCOPE).acting(ABOVE_THE_UNIT))
                .rule(Rule.of("GET", "/tasks/{id}/urgings", EVERYONE))
                .rule(Rule.of("GET", "/tasks/{id}/extensions", EVERYONE))
                .rule(Rule.of("GET", "/tasks/{id}/extensions/{requestId}", EVERYONE))
                .rule(Rule.of("POST", "/tasks/overdue-check", ADMINS))
                .rule(Rule.of("POST", "/tasks/unit-feed", ADMINS))
                .rule(Rule.of("POST", "/inspections", OFFICE).integrationWith(WRITE_SCOPE).acting(SEES_UNIT))
                .rule(Rule.of("GET", "/inspections", EVERYONE))
                .rule(Rule.of("GET", "/inspections/{id}", EVERYONE))
                .rule(Rule.of("PUT", "/inspections/{id}", OFFICE).acting(FOR_OWNING_OFFICE).acting(SEES_UNIT))
                .rule(Rule.of("POST", "/inspections/{id}/findings", OFFICE).integrationWith(WRITE_SCOPE)
                        .acting(FOR_OWNING_OFFICE).acting(SEES_UNIT))
                .rule(Rule.of("GET", "/inspections/{id}/findings", EVERYONE))
                .rule(Rule.of("GET", "/findings/{id}", EVERYONE))
                .rule(Rule.of("GET", "/findings/open-by-indicator", EVERYONE))
                .rule(Rule.of("POST", "/evidence", UPLOADERS).integrationWith(WRITE_SCOPE))
                .rule(Rule.of("OPTIONS", "/evidence/uploads", EVERYONE))
                .rule(Rule.of("POST", "/evidence/uploads", UPLOADERS).integrationWith(WRITE_SCOPE))
                .rule(Rule.of("HEAD", "/evidence/uploads/{id}", UPLOADERS).integrationWith(WRITE_SCOPE))
                .rule(Rule.of("PATCH", "/evidence/uploads/{id}", UPLOADERS).integrationWith(WRITE_SCOPE))
                .rule(Rule.of("DELETE", "/evidence/uploads/{id}", UPLOADERS).integrationWith(WRITE_SCOPE))
                .rule(Rule.of("GET", "/evidence/{id}", EVERYONE))
                .rule(Rule.of("GET", "/evidence/{id}/content", EVERYONE))
                .rule(Rule.of("GET", "/evidence/{id}/thumbnail", EVERYONE))
                .rule(Rule.of("DELETE", "/evidence/{id}", UPLOADERS).integrationWith(WRITE_SCOPE))
                .rule(Rule.of("GET", "/figures", EVERYONE))
                .rule(Rule.of("GET", "/figures/townships", EVERYONE))
                .rule(Rule.of("GET", "/figures/domains/{domainId}", EVERYONE))
                .rule(Rule.of("GET", "/ledger.csv", EVERYONE))
                .rule(Rule.of("GET", "/ledger.xlsx", EVERYONE))
                .rule(Rule.of("POST", "/ledger/import", OFFICE).acting(UNIT_BELOW))
                .rule(Rule.of("GET", "/inspections/{id}/bulletin.{format}", EVERYONE))
                .rule(Rule.of("GET", "/bulletins/progress.{format}", EVERYONE))
                .rule(Rule.of("POST", "/bundles", BUNDLE_TAKERS))
                .rule(Rule.of("GET", "/bundles/{id}", BUNDLE_TAKERS))
                .rule(Rule.of("GET", "/bundles/{id}/content", BUNDLE_TAKERS))
                .rule(Rule.of("GET", "/timeline/checkpoints", CHECKPOINT_KEEPERS))
                .rule(Rule.of("POST", "/timeline/checkpoints/verification", CHECKPOINT_KEEPERS))
                .rules(EventAccess.rules("/tasks"))
                .build();
    }

    private static boolean seesTask(Reach r, RectificationTask t) {
        return r.covers(path(t.unit().path())) || r.covers(path(t.ownerPath()))
                || t.cooperatingUnits().stream().anyMatch(c -> r.isUnit(c.code()));
    }

    /**
     * A township signs off its villages' tasks only when it assigned them: when the assigning office
     * lies above the responsible unit's township, nobody inside that township judges the task.
     */
    private static boolean notInTownshipJudged(Reach r, RectificationTask t) {
        return path(t.unit().path()).township()
                .filter(township -> !township.covers(path(t.ownerPath())))
                .map(township -> !r.liesWithin(township)).orElse(true);
    }

    private static UnitPath path(String text) {
        return UnitPath.of(text);
    }

}
