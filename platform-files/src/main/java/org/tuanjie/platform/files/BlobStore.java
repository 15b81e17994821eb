package org.tuanjie.platform.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of stored files live: the service's own PostgreSQL or an S3-compatible object
 * store, chosen by configuration ({@code files.store}). Bytes are streamed both ways; no
 * implementation may hold a whole blob in memory.
 */
public interface BlobStore {

    /** {@code postgres} or {@code s3}: what operators and the health check call it. */
    String name();

    /**
     * Stores exactly {@code length} bytes read from {@code in} under {@code key}. A key is written
     * once; on any failure nothing is left under it.
     *
     * @throws IOException when {@code in} fails or ends before {@code length} bytes
     */
    void write(String key, InputStream in, long length) throws IOException;

    /**
     * The bytes {@code [from, to)} of the blob, streamed; the caller closes the stream.
     *
     * @throws BlobMissing when nothing is stored under {@code key}
     */
    InputStream read(String key, long from, long to) throws IOException;

    /** Removes the blob; a missing key is not an error (deletion is retried by sweeps). */
    void delete(String key) throws IOException;

    /** Nothing is stored under the key asked for. */
    final class BlobMissing extends IOException {
        public BlobMissing(String key) {
            super("no blob " + key);
        }
    }
}
