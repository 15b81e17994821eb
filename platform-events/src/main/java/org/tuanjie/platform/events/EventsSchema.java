package org.tuanjie.platform.events;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The outbox table, migrated with its own history table: the services number their migrations on their own,
 * and a shared one slotted among them would break the order Flyway checks on databases that already exist.
 */
@ApplicationScoped
class EventsSchema {

    static final String HISTORY = "events_schema_history";

    void migrate(@Observes @Priority(1) StartupEvent start, DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/events")
                .table(HISTORY)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
