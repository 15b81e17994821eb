package org.tuanjie.platform.files;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.tuanjie.platform.schema.ModuleSchema;

/** The files module's tables, migrated at start with a history of their own ({@link ModuleSchema}). */
@ApplicationScoped
class FilesSchema {

    void migrate(@Observes @Priority(1) StartupEvent start, DataSource dataSource) {
        ModuleSchema.migrate(dataSource, "files");
    }
}
