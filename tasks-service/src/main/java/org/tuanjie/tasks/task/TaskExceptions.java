package org.tuanjie.tasks.task;

import org.tuanjie.platform.problem.Messages;
import org.tuanjie.platform.problem.Problems;

/**
 * Facts that stop a task from moving.
 */
public final class TaskExceptions {

    private TaskExceptions() {
    }

    public static final class TaskNotFound extends Problems.NotFound {
        public TaskNotFound(Object id) {
            super("task-not-found", "task.not-found", String.valueOf(id));
        }
    }

    /** Any move the state machine does not have: named by where the task is and what was asked. */
    public static final class IllegalTransition extends Problems.Conflict {
        public IllegalTransition(TaskState from, String action) {
            super("illegal-transition", "task.illegal-transition", new Messages.Word("task.action." + action, action), from);
        }
    }

    /** 422: the assigning office asked for proof with the report, and none came. */
    public static final class EvidenceRequired extends Problems.Unprocessable {
        public EvidenceRequired() {
            super("evidence-required", "task.evidence-required");
        }
    }

    public static final class TaskAlreadyVerified extends Problems.Conflict {
        public TaskAlreadyVerified() {
            super("task-already-verified", "task.already-verified");
        }
    }

    /** 销号 needs a second pair of eyes: the submitter cannot verify. */
    public static final class SelfVerification extends Problems.Forbidden {
        public SelfVerification() {
            super("self-verification", "task.self-verification");
        }
    }

    public static final class ExtensionAfterDeadline extends Problems.Conflict {
        public ExtensionAfterDeadline() {
            super("extension-after-deadline", "extension.after-deadline");
        }
    }

    public static final class ExtensionPending extends Problems.Conflict {
        public ExtensionPending() {
            super("extension-pending", "extension.pending");
        }
    }

    public static final class ExtensionAlreadyDecided extends Problems.Conflict {
        public ExtensionAlreadyDecided() {
            super("extension-decided", "extension.decided");
        }
    }

    public static final class ExtensionNotFound extends Problems.NotFound {
        public ExtensionNotFound(Object id) {
            super("extension-not-found", "extension.not-found", String.valueOf(id));
        }
    }
}
