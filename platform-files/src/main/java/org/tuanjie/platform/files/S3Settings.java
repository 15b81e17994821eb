package org.tuanjie.platform.files;

import java.net.URI;
import java.util.Objects;

/**
 * Where an S3-compatible object store is and how to sign in to it.
 *
 * @param endpoint the store's base address, e.g. {@code https://obs.example.gov.cn}
 * @param region the signing region the store expects (any name for most S3-compatible stores)
 * @param bucket the bucket holding this service's blobs
 * @param pathStyle {@code true} for {@code endpoint/bucket/key} addresses, which most self-hosted stores
 *     want; {@code false} for {@code bucket.endpoint/key}
 */
public record S3Settings(URI endpoint, String region, String bucket, String accessKey, String secretKey,
        boolean pathStyle) {

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    /** Without the secret: settings end up in logs and exception messages. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey="
                + accessKey + ", pathStyle=" + pathStyle + "]";
    }
}
