package org.tuanjie.platform.files;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * The blob stores of this service: PostgreSQL always (it stages resumable uploads, and keeps files
 * stored before a move to S3), S3 when configured. A file records the store its bytes went to, so
 * changing {@code files.store} never strands what is already stored.
 */
@ApplicationScoped
class Stores {

    @Inject
    DataSource dataSource;

    @Inject
    FilesConfig config;

    private PostgresBlobs postgres;
    private S3Blobs s3;

    void start(@Observes @Priority(2) StartupEvent start) throws java.io.IOException {
        postgres = new PostgresBlobs(dataSource);
        if ("s3".equals(config.store())) {
            FilesConfig.S3 settings = config.s3();
            s3 = new S3Blobs(new S3Settings(
                    settings.endpoint().orElseThrow(() -> new IllegalStateException("files.store=s3 needs files.s3.endpoint")),
                    settings.region(), settings.bucket(),
                    settings.accessKey().orElseThrow(() -> new IllegalStateException("files.store=s3 needs files.s3.access-key")),
                    settings.secretKey().orElseThrow(() -> new IllegalStateException("files.store=s3 needs files.s3.secret-key")),
                    settings.pathStyle()));
            if (settings.createBucket()) {
                s3.ensureBucket();
            }
        } else if (!"postgres".equals(config.store())) {
            throw new IllegalStateException("files.store must be postgres or s3, not " + config.store());
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        if (s3 != null) {
            s3.close();
        }
    }

    /** Where new files go. */
    BlobStore target() {
        return s3 != null ? s3 : postgres;
    }

    /** Where resumable uploads collect their bytes until complete. */
    PostgresBlobs staging() {
        return postgres;
    }

    BlobStore named(String name) {
        if ("postgres".equals(name)) {
            return postgres;
        }
        if ("s3".equals(name) && s3 != null) {
            return s3;
        }
        throw new IllegalStateException("files stored in " + name + ", which this service is not configured for");
    }
}
