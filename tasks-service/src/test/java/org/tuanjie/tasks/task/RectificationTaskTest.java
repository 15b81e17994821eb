package org.tuanjie.tasks.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.problem.Problems;
import org.tuanjie.tasks.inspection.Category;
import org.tuanjie.tasks.inspection.UnitSnapshot;
import org.tuanjie.tasks.task.TaskExceptions.EvidenceRequired;
import org.tuanjie.tasks.task.TaskExceptions.IllegalTransition;
import org.tuanjie.tasks.task.TaskExceptions.SelfVerification;
import org.tuanjie.tasks.task.TaskExceptions.TaskAlreadyVerified;

class RectificationTaskTest {

    private static final LocalDate DEADLINE = LocalDate.of(2026, 4, 30);

    private final RectificationTask task = RectificationTask.assign(
            new RectificationTask.Assignment(null, null, "制作宣传栏", Category.PUBLICITY, "4月底前设置宣传栏", "扎西",
                    List.of(), DEADLINE, false),
            new UnitSnapshot(UUID.randomUUID(), "513221100000", "威州镇", "/51/5132/513221/513221100000/"), null,
            "/51/5132/513221/");

    @Test
    void aTaskFromALedgerKeepsItsHistoricalTimesAndCanBeWorkedOnLikeAnyOther() {
        java.time.ZoneOffset china = java.time.ZoneOffset.ofHours(8);
        UUID importId = UUID.randomUUID();
        java.time.OffsetDateTime assigned = LocalDate.of(2026, 3, 12).atStartOfDay().atOffset(china);
        java.time.OffsetDateTime submitted = LocalDate.of(2026, 4, 2).atStartOfDay().atOffset(china);
        var brought = RectificationTask.fromLedger(
                new RectificationTask.Assignment(null, null, "制作宣传栏", Category.PUBLICITY, "设置宣传栏", "扎西", List.of(),
                        DEADLINE, false),
                new UnitSnapshot(UUID.randomUUID(), "513221100000", "威州镇", "/51/5132/513221/513221100000/"), null,
                "/51/5132/513221/", new RectificationTask.LedgerHistory(importId, assigned, LocalDate.of(2026, 3, 31),
                        TaskState.SUBMITTED, submitted, "已设置", null, null), "clerk");
        RectificationTask imported = brought.task();
        assertEquals(TaskState.SUBMITTED, imported.state());
        assertEquals(importId, imported.importId());
        assertEquals(submitted, imported.submittedAt());
        assertEquals(List.of(TaskEvent.Type.ASSIGNED, TaskEvent.Type.DEADLINE_EXTENDED, TaskEvent.Type.STATE_CHANGED,
                TaskEvent.Type.STATE_CHANGED), brought.timeline().stream().map(TaskEvent::type).toList());
        // assigned and started on the ledger's day, the deadline moved by the original one, reported on its day
        assertEquals(List.of(assigned, LocalDate.of(2026, 3, 31).atStartOfDay().atOffset(china), assigned, submitted),
                brought.timeline().stream().map(TaskEvent::at).toList());
        assertEquals("2026-03-31", brought.timeline().get(0).detail().get("deadline"), "assigned with the first deadline");
        assertTrue(brought.timeline().stream().allMatch(e -> e.recordedAt().isAfter(submitted) && "clerk".equals(e.actor())
                && importId.toString().equals(e.detail().get("importId"))));
        // the one who brought it in did not submit it: an office may sign it off as usual
        imported.verify("clerk", List.of());
        assertEquals(TaskState.VERIFIED, imported.state());
        assertThrows(IllegalArgumentException.class, () -> RectificationTask.fromLedger(
                new RectificationTask.Assignment(null, null, "t", Category.PUBLICITY, "m", "p", List.of(), DEADLINE, false),
                task.unit(), null, "/51/", new RectificationTask.LedgerHistory(importId, assigned, null, TaskState.REJECTED,
                        null, null, null, null), "clerk"), "a ledger does not vouch for a rejection");
    }

    @Test
    void followsTheHappyPathToVerified() {
        TaskEvent started = task.start("liaison");
        assertEquals(TaskState.ASSIGNED, started.fromState());
        assertEquals(TaskState.IN_PROGRESS, started.toState());
        task.submit("已设置宣传栏 2 块", List.of(), "liaison");
        task.verify("inspector", List.of());
        assertEquals(TaskState.VERIFIED, task.state());
        assertEquals("inspector", task.verifiedBy());
    }

    @Test
    void shouldNotGoFromAssignedStraightToVerified() {
        IllegalTransition e = assertThrows(IllegalTransition.class, () -> task.verify("inspector", List.of()));
        assertEquals(409, e.status());
        assertEquals(TaskState.ASSIGNED, task.state());
    }

    @Test
    void shouldNotVerifyOwnSubmission() {
        task.start("inspector-who-also-works");
        task.submit("done", List.of(), "inspector-who-also-works");
        assertThrows(SelfVerification.class, () -> task.verify("inspector-who-also-works", List.of()));
        assertEquals(TaskState.SUBMITTED, task.state());
    }

    @Test
    void aRejectedTaskGoesBackToWorkAndIsResubmitted() {
        task.start("liaison");
        task.submit("first try", List.of(), "liaison");
        task.reject("缺少双语内容", "inspector");
        assertThrows(IllegalTransition.class, () -> task.submit("again", List.of(), "liaison"));
        task.start("liaison");
        task.submit("second try", List.of(), "liaison");
        task.verify("inspector", List.of());
        assertEquals(TaskState.VERIFIED, task.state());
    }

    @Test
    void aVerifiedTaskRefusesEverything() {
        task.start("l");
        task.submit("done", List.of(), "l");
        task.verify("i", List.of());
        assertThrows(TaskAlreadyVerified.class, () -> task.start("l"));
        assertThrows(TaskAlreadyVerified.class, () -> task.reject("no", "i"));
        assertThrows(TaskAlreadyVerified.class, () -> task.extendTo(DEADLINE.plusDays(30), "i"));
        assertFalse(task.flagOverdue(DEADLINE.plusDays(1)));
    }

    @Test
    void shouldNotSubmitWithoutEvidenceWhenTheOfficeAskedForIt() {
        RectificationTask strict = RectificationTask.assign(
                new RectificationTask.Assignment(null, null, "制作宣传栏", Category.PUBLICITY, "4月底前设置宣传栏", "扎西",
                        List.of(), DEADLINE, true),
                new UnitSnapshot(UUID.randomUUID(), "513221100000", "威州镇", "/51/5132/513221/513221100000/"), null,
                "/51/5132/513221/");
        strict.start("l");
        EvidenceRequired refused = assertThrows(EvidenceRequired.class, () -> strict.submit("done", List.of(), "l"));
        assertEquals(422, refused.status());
        assertEquals(TaskState.IN_PROGRESS, strict.state());
        Evidence photo = new Evidence(UUID.randomUUID(), "ab".repeat(32));
        TaskEvent submitted = strict.submit("done", List.of(photo), "l");
        assertEquals(TaskState.SUBMITTED, strict.state());
        assertEquals(photo.fileId() + " sha256:" + photo.sha256(), submitted.detail().get("evidence"));
    }

    @Test
    void theVerificationNamesTheEvidenceItFreezes() {
        task.start("l");
        Evidence photo = new Evidence(UUID.randomUUID(), "cd".repeat(32));
        task.submit("done", List.of(photo), "l");
        TaskEvent verified = task.verify("i", List.of(photo));
        assertEquals(photo.fileId() + " sha256:" + photo.sha256(), verified.detail().get("frozenEvidence"));
    }

    @Test
    void shouldNotHoldMoreEvidenceThanTheMost() {
        task.start("l");
        List<Evidence> tooMany = java.util.stream.IntStream.rangeClosed(0, RectificationTask.EVIDENCE_MAX)
                .mapToObj(i -> new Evidence(UUID.randomUUID(), "ef".repeat(32))).toList();
        Problems.InvalidInput refused = assertThrows(Problems.InvalidInput.class, () -> task.submit("done", tooMany, "l"));
        assertEquals("evidence", refused.violations().get(0).field());
        assertEquals(TaskState.IN_PROGRESS, task.state());
        TaskEvent submitted = task.submit("done", tooMany.subList(0, RectificationTask.EVIDENCE_MAX), "l");
        assertTrue(submitted.detail().get("evidence").length() <= TaskEvent.DETAIL_VALUE_MAX,
                "the timeline line naming every file stays within its stated bound");
    }

    @Test
    void theFilterBoundsCountEveryStateAndCategory() {
        assertEquals(TaskState.values().length, TaskState.COUNT);
        assertEquals(Category.values().length, Category.COUNT);
    }

    @Test
    void submittingNeedsACompletionReport() {
        task.start("l");
        assertThrows(Problems.InvalidInput.class, () -> task.submit(" ", List.of(), "l"));
        assertEquals(TaskState.IN_PROGRESS, task.state());
    }

    @Test
    void isFlaggedOverdueOnceAndAnExtensionClearsIt() {
        assertFalse(task.flagOverdue(DEADLINE));
        assertTrue(task.flagOverdue(DEADLINE.plusDays(1)));
        assertFalse(task.flagOverdue(DEADLINE.plusDays(2)));
        task.extendTo(DEADLINE.plusDays(30), "inspector");
        assertFalse(task.isOverdue(DEADLINE.plusDays(2)));
        assertTrue(task.flagOverdue(DEADLINE.plusDays(31)));
    }

    @Test
    void handedBackTasksAreReassigned() {
        task.handBack("不属于本单位职责", "liaison");
        assertThrows(IllegalTransition.class, () -> task.start("liaison"));
        task.reassign(new UnitSnapshot(UUID.randomUUID(), "11513221PUBLICITYX", "县委宣传部", "/51/5132/513221/11513221PUBLICITYX/"),
                null, "李娜", "admin");
        assertEquals(TaskState.ASSIGNED, task.state());
        assertEquals("县委宣传部", task.unit().name());
    }

    @Test
    void warningLightsFollowTheDeadline() {
        assertEquals(Warning.GREEN, Warning.of(TaskState.IN_PROGRESS, DEADLINE, DEADLINE.minusDays(4), 3));
        assertEquals(Warning.YELLOW, Warning.of(TaskState.IN_PROGRESS, DEADLINE, DEADLINE.minusDays(3), 3));
        assertEquals(Warning.YELLOW, Warning.of(TaskState.SUBMITTED, DEADLINE, DEADLINE, 3));
        assertEquals(Warning.RED, Warning.of(TaskState.REJECTED, DEADLINE, DEADLINE.plusDays(1), 3));
        assertEquals(null, Warning.of(TaskState.VERIFIED, DEADLINE, DEADLINE.plusDays(1), 3));
    }
}
