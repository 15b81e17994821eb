package org.tuanjie.platform.problem;

/**
 * An invalid input before it is put into words: the message key is resolved in the caller's
 * language when the problem is written.
 */
public record Violation(String field, String messageKey, Object[] args, Integer line) {

    public Violation(String field, String messageKey, Object... args) {
        this(field, messageKey, args, null);
    }

    public Violation atLine(int lineNumber) {
        return new Violation(field, messageKey, args, lineNumber);
    }
}
