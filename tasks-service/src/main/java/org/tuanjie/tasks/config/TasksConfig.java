package org.tuanjie.tasks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.LocalDate;
import java.time.ZoneId;

@ConfigMapping(prefix = "tasks")
public interface TasksConfig {

    /** Days before the deadline when a task's light turns yellow. */
    @WithDefault("3")
    int yellowDays();

    /** The county's time zone: deadlines are calendar days there. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How often the overdue check runs (Quarkus scheduler syntax). */
    @WithName("overdue-check.every")
    @WithDefault("1h")
    String overdueCheckEvery();

    default LocalDate today() {
        return LocalDate.now(zone());
    }
}
