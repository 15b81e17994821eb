package org.tuanjie.platform.problem;

import java.util.List;

/**
 * The families of problems every service raises. A domain exception extends one of them, so that
 * one mapper serves the family and the status follows from what happened, not from where.
 */
public final class Problems {

    private Problems() {
    }

    /** 404: missing, or outside the caller's unit subtree (the two must look the same). */
    public abstract static class NotFound extends ProblemException {
        protected NotFound(String type, String messageKey, Object... args) {
            super(404, type, messageKey, args);
        }
    }

    /** 409: the request is valid but the resource's state forbids it. */
    public abstract static class Conflict extends ProblemException {
        protected Conflict(String type, String messageKey, Object... args) {
            super(409, type, messageKey, args);
        }
    }

    /** 422: well-formed but semantically impossible. */
    public abstract static class Unprocessable extends ProblemException {
        protected Unprocessable(String type, String messageKey, Object... args) {
            super(422, type, messageKey, args);
        }
    }

    /** 403: authenticated, but the role does not allow this. */
    public abstract static class Forbidden extends ProblemException {
        protected Forbidden(String type, String messageKey, Object... args) {
            super(403, type, messageKey, args);
        }
    }

    /** 503: a dependency is unavailable; nothing was written. */
    public abstract static class Unavailable extends ProblemException {
        protected Unavailable(String type, String messageKey, Object... args) {
            super(503, type, messageKey, args);
        }
    }

    /** 400 with field errors. */
    public static class InvalidInput extends ProblemException {
        private final transient List<Violation> violations;

        public InvalidInput(List<Violation> violations) {
            this("validation", "problem.validation.detail", violations);
        }

        protected InvalidInput(String type, String messageKey, List<Violation> violations) {
            super(400, type, messageKey, violations.size());
            this.violations = List.copyOf(violations);
        }

        public InvalidInput(Violation violation) {
            this(List.of(violation));
        }

        @Override
        public List<Violation> violations() {
            return violations;
        }
    }

    /** 428: a write without If-Match. */
    public static final class PreconditionRequired extends ProblemException {
        public PreconditionRequired() {
            super(428, "precondition-required", "problem.precondition-required.detail");
        }
    }

    /** 412: If-Match names a version that is no longer current. */
    public static final class PreconditionFailed extends ProblemException {
        public PreconditionFailed(String current) {
            super(412, "precondition-failed", "problem.precondition-failed.detail", current);
        }
    }
}
