package org.tuanjie.tasks.task;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 红黄绿灯: green on track, yellow within the warning window before the deadline, red overdue.
 * A verified task shows no light.
 */
@Schema(name = "DeadlineWarning", description = "红黄绿灯, counted in calendar days of the county (Asia/Shanghai, "
        + "`tasks.zone`): RED once the deadline has passed (the day after it) and the task is not verified, whatever its "
        + "state, a task handed back or waiting for an extension decision included; YELLOW from `tasks.yellow-days` days "
        + "before the deadline (3 unless the deployment says otherwise) up to the deadline itself; GREEN before that. A "
        + "verified task has none. An approved extension moves the deadline, and the light with it.")
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
