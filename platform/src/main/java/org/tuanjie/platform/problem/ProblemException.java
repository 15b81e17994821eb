package org.tuanjie.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * Base of every error that becomes a problem response. Subclasses are named as facts
 * ({@code UnitNotFound}, {@code TaskAlreadyVerified}) and carry a message key, resolved in
 * the caller's language when the response is written.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String messageKey;
    private final transient Object[] args;

    protected ProblemException(int status, String type, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.type = type;
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public int status() {
        return status;
    }

    /** Last segment of the problem type URI, e.g. {@code unit-not-found}. */
    public String type() {
        return type;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** Headers the answer carries beside the problem (e.g. {@code Content-Range} of a 416), none by default. */
    public Map<String, String> headers() {
        return Map.of();
    }

    /** Invalid inputs to report with a 400, none by default. */
    public List<Violation> violations() {
        return List.of();
    }
}
