package org.tuanjie.platform.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tuanjie.testing.S3ProxyServer;

class S3BlobsTest extends BlobStoreContract {

    private static S3ProxyServer server;
    private static S3Blobs blobs;

    @BeforeAll
    static void startServer() throws IOException {
        server = S3ProxyServer.start("tuanjie-files");
        blobs = new S3Blobs(settings(server.bucket()));
        blobs.ensureBucket();
    }

    @AfterAll
    static void stopServer() {
        if (blobs != null) {
            blobs.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected BlobStore store() {
        return blobs;
    }

    @Test
    void createsAMissingBucketOnce() throws IOException {
        try (S3Blobs fresh = new S3Blobs(settings("made-on-demand"))) {
            byte[] bytes = TestBytes.bytes(1000, 40);
            String key = newKey();
            assertThrows(IOException.class, () -> fresh.write(key, new ByteArrayInputStream(bytes), bytes.length));

            fresh.ensureBucket();
            fresh.ensureBucket();

            fresh.write(key, new ByteArrayInputStream(bytes), bytes.length);
            try (InputStream in = fresh.read(key, 0, bytes.length)) {
                assertArrayEquals(bytes, in.readAllBytes());
            }
        }
    }

    @Test
    void keepsTheSecretOutOfTheSettingsText() {
        assertFalse(settings("any").toString().contains(server.secretKey()));
    }

    private static S3Settings settings(String bucket) {
        return new S3Settings(server.endpoint(), server.region(), bucket, server.accessKey(), server.secretKey(), true);
    }
}
