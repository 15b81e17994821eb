package org.tuanjie.platform.files;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** How a service keeps its files; defaults suit a county's evidence photos and documents. */
@ConfigMapping(prefix = "files")
public interface FilesConfig {

    /** Largest file accepted, whatever the way it comes. */
    @WithDefault("50M")
    MemorySize maxSize();

    /** What the files uploaded by one unit's people may take together (uploads under way included). */
    @WithDefault("5G")
    MemorySize quotaPerUnit();

    /** Where the bytes go: {@code postgres} (the service's own database) or {@code s3}. */
    @WithDefault("postgres")
    String store();

    S3 s3();

    /** A resumable upload left unfinished this long is dropped with what it received. */
    @WithDefault("24h")
    Duration uploadExpiresAfter();

    /** An uploaded file that no record took this long is dropped. */
    @WithDefault("7d")
    Duration unattachedExpiresAfter();

    /** How often expired uploads and files are swept. */
    @WithDefault("15m")
    String sweepEvery();

    /** Cameras write local time without a zone; the county's zone is assumed for it. */
    @WithDefault("Asia/Shanghai")
    ZoneId captureZone();

    interface S3 {
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        @WithDefault("tuanjie-files")
        String bucket();

        Optional<String> accessKey();

        Optional<String> secretKey();

        /** County clouds and MinIO-like stores address buckets by path, not by host name. */
        @WithDefault("true")
        boolean pathStyle();

        /** Create the bucket when it is missing (local runs); production buckets are made by their operators. */
        @WithDefault("false")
        boolean createBucket();
    }
}
