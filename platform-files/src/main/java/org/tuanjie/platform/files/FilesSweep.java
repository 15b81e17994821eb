package org.tuanjie.platform.files;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Abandoned uploads and files no record took are dropped on a schedule, bytes and all. */
@ApplicationScoped
class FilesSweep {

    private static final Logger LOG = Logger.getLogger(FilesSweep.class);

    @Inject
    Files files;

    @Scheduled(identity = "files-sweep", every = "${files.sweep-every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int swept = files.sweep(Instant.now());
        if (swept > 0) {
            LOG.infof("dropped %d expired upload(s) and untaken file(s)", swept);
        }
    }
}
