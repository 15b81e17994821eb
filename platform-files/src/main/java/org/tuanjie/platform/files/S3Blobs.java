package org.tuanjie.platform.files;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.NonRetryableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects of one bucket in an S3-compatible store (a county's government cloud, MinIO, AWS S3).
 * Bodies are streamed both ways through the JDK's URL connection client, in fixed-length mode: the SDK
 * never holds a whole object.
 */
public final class S3Blobs implements BlobStore, AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Longest silence while waiting for the store to answer, also after a large upload's last byte. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final String US_EAST_1 = "us-east-1";

    private final S3Client client;
    private final String bucket;
    private final String region;

    public S3Blobs(S3Settings settings) {
        Objects.requireNonNull(settings, "settings");
        this.bucket = settings.bucket();
        this.region = settings.region();
        this.client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT))
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .forcePathStyle(settings.pathStyle())
                // the SDK's default CRC32 checksums on every upload and download are not understood by
                // every S3-compatible store (older government clouds, S3Proxy): send and check them only
                // where an operation requires one
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public void write(String key, InputStream in, long length) throws IOException {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        OnceOnly body = new OnceOnly(key, in, length);
        try {
            client.putObject(request -> request.bucket(bucket).key(key).contentLength(length),
                    RequestBody.fromContentProvider(body, length, "application/octet-stream"));
        } catch (SdkException e) {
            // a single PUT is stored whole or not at all; but if only its answer was lost, the object exists
            // while the caller is told the write failed: remove it so that nothing is left under the key
            try {
                delete(key);
            } catch (IOException f) {
                e.addSuppressed(f);
            }
            IOException inputFailure = body.stream.failure;
            if (inputFailure != null) {
                inputFailure.addSuppressed(e);
                throw inputFailure;
            }
            throw new IOException("could not store blob " + key + " in bucket " + bucket, e);
        }
    }

    @Override
    public InputStream read(String key, long from, long to) throws IOException {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad range [" + from + ", " + to + ")");
        }
        try {
            if (from == to) {
                // HTTP cannot ask for no bytes: ask whether the object is there
                client.headObject(request -> request.bucket(bucket).key(key));
                return InputStream.nullInputStream();
            }
            return new Body(client.getObject(
                    request -> request.bucket(bucket).key(key).range("bytes=" + from + "-" + (to - 1))));
        } catch (NoSuchKeyException e) {
            throw new BlobMissing(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new BlobMissing(key);
            }
            if (e.statusCode() == 416) {
                // the range starts at or past the end of the object: there is nothing in it
                return InputStream.nullInputStream();
            }
            throw new IOException("could not read blob " + key + " from bucket " + bucket, e);
        } catch (SdkException e) {
            throw new IOException("could not read blob " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            // some stores answer 404 where S3 answers 204: gone either way
        } catch (SdkException e) {
            throw new IOException("could not delete blob " + key + " from bucket " + bucket, e);
        }
    }

    /** Creates the bucket when it does not exist yet: for local runs and tests, where no one else does. */
    public void ensureBucket() throws IOException {
        try {
            client.headBucket(request -> request.bucket(bucket));
            return;
        } catch (NoSuchBucketException e) {
            // create it below
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IOException("could not look for bucket " + bucket, e);
            }
        } catch (SdkException e) {
            throw new IOException("could not look for bucket " + bucket, e);
        }
        try {
            client.createBucket(request -> {
                request.bucket(bucket);
                // S3 names every region but its first one in the request
                if (!US_EAST_1.equals(region)) {
                    request.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            });
        } catch (BucketAlreadyOwnedByYouException e) {
            // another instance created it meanwhile
        } catch (SdkException e) {
            throw new IOException("could not create bucket " + bucket, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * The caller's stream as the request body, sent at most once: a body partly sent cannot be sent again,
     * so the SDK may retry a PUT only when nothing of it was read yet.
     */
    private static final class OnceOnly implements ContentStreamProvider {

        final ExactLength stream;

        OnceOnly(String key, InputStream in, long length) {
            this.stream = new ExactLength(key, in, length);
        }

        @Override
        public InputStream newStream() {
            if (stream.count > 0 || stream.failure != null) {
                throw NonRetryableException.create("the body of a blob was partly sent and cannot be sent again");
            }
            return stream;
        }
    }

    /**
     * Exactly {@code length} bytes of the caller's stream: an early end is a failure, not a short object,
     * and what follows them is left unread. Closing it leaves the caller's stream open.
     */
    private static final class ExactLength extends FilterInputStream {

        private final String key;
        private final long length;
        long count;
        IOException failure;

        ExactLength(String key, InputStream in, long length) {
            super(in);
            this.key = key;
            this.length = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int size) throws IOException {
            if (count >= length) {
                return -1;
            }
            int n;
            try {
                n = super.read(buffer, offset, (int) Math.min(size, length - count));
            } catch (IOException e) {
                failure = e;
                throw e;
            }
            if (n < 0) {
                failure = new EOFException("blob " + key + " ended after " + count + " of " + length + " bytes");
                throw failure;
            }
            count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("a blob body is not skipped");
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), length - count);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the caller opened the stream and closes it
        }
    }

    /** An object's body whose connection is dropped, not drained, when closed before its end. */
    private static final class Body extends FilterInputStream {

        private final ResponseInputStream<GetObjectResponse> response;
        private boolean ended;

        Body(ResponseInputStream<GetObjectResponse> response) {
            super(response);
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                response.abort();
            }
            super.close();
        }
    }
}
