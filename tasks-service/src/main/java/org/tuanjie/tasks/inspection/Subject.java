package org.tuanjie.tasks.inspection;

/**
 * Who did something: the token's subject, as recorded in {@code created_by}, {@code submitted_by}, a timeline
 * line's {@code actor} and the like ({@code varchar(255)}).
 */
public final class Subject {

    public static final int MAX_LENGTH = 255;

    private Subject() {
    }
}
