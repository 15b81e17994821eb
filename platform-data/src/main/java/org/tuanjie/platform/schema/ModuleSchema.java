package org.tuanjie.platform.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The tables of a shared module (files, events), migrated with a history table of their own: the services
 * number their migrations on their own, and a shared one slotted among them would break the order Flyway checks
 * on databases that already exist.
 */
public final class ModuleSchema {

    private ModuleSchema() {
    }

    /** Migrates {@code classpath:db/<module>}, with its history in {@code <module>_schema_history}. */
    public static void migrate(DataSource dataSource, String module) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + module)
                .table(module + "_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
