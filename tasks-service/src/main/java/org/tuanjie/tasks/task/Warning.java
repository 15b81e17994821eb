package org.tuanjie.tasks.task;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 红黄绿灯: green on track, yellow within the warning window before the deadline, red overdue.
 * A verified task shows no light.
 */
@Schema(name = "DeadlineWarning")
public enum Warning {
    GREEN, YELLOW, RED;

    public static Warning of(TaskState state, LocalDate deadline, LocalDate today, int yellowDays) {
        if (state == TaskState.VERIFIED) {
            return null;
        }
        if (today.isAfter(deadline)) {
            return RED;
        }
        return ChronoUnit.DAYS.between(today, deadline) <= yellowDays ? YELLOW : GREEN;
    }
}
