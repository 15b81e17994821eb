package org.tuanjie.tasks.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tuanjie.platform.inbox.Audience;

/** What waits on someone, and whose it is: the task's unit's staff, or the office that assigned the task. */
@Schema(name = "InboxKind", description = "NEW_TASK, URGED, REJECTED, DEADLINE_NEAR, OVERDUE, EXTENSION_DECIDED: for the "
        + "unit's liaison and leader; TO_VERIFY, EXTENSION_REQUESTED, HANDED_BACK, OVERDUE_AT_OFFICE: for the assigning "
        + "office's admins and inspectors")
public enum InboxKind {
    /** A task assigned (or reassigned) to the unit: start it. */
    NEW_TASK(Audience.UNIT),
    /** The office urged it on. */
    URGED(Audience.UNIT),
    /** The submission was sent back, with the reason. */
    REJECTED(Audience.UNIT),
    /** The deadline is within three days. */
    DEADLINE_NEAR(Audience.UNIT),
    /** The deadline has passed. */
    OVERDUE(Audience.UNIT),
    /** The extension asked for was granted or refused. */
    EXTENSION_DECIDED(Audience.UNIT),
    /** Submitted: check the evidence, verify or reject. */
    TO_VERIFY(Audience.OFFICE),
    /** The unit asks for a later deadline. */
    EXTENSION_REQUESTED(Audience.OFFICE),
    /** The unit says the task is not theirs: reassign it. */
    HANDED_BACK(Audience.OFFICE),
    /** A task the office assigned is past its deadline. */
    OVERDUE_AT_OFFICE(Audience.OFFICE);

    private final Audience audience;

    InboxKind(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }
}
