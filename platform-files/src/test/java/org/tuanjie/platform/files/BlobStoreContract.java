package org.tuanjie.platform.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.files.BlobStore.BlobMissing;

/**
 * What every {@link BlobStore} does, whichever store holds the bytes. Sizes are counted in Postgres slices
 * ({@link PostgresBlobs#CHUNK}) so that ranges start and end inside and across their boundaries; for S3 they
 * are just odd offsets.
 */
abstract class BlobStoreContract {

    static final int CHUNK = PostgresBlobs.CHUNK;
    /** Three full slices and a short fourth. */
    static final int SIZE = 3 * CHUNK + 1000;

    protected abstract BlobStore store();

    protected static String newKey() {
        return "test-" + UUID.randomUUID();
    }

    /** Writes {@code bytes} under a new key and returns the key. */
    protected String stored(byte[] bytes) throws IOException {
        String key = newKey();
        store().write(key, new ByteArrayInputStream(bytes), bytes.length);
        return key;
    }

    protected byte[] read(String key, long from, long to) throws IOException {
        try (InputStream in = store().read(key, from, to)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsWhatWasWritten() throws IOException {
        byte[] bytes = TestBytes.bytes(SIZE, 1);
        String key = stored(bytes);

        assertArrayEquals(bytes, read(key, 0, SIZE));
    }

    @Test
    void readsRangesInsideAndAcrossSlices() throws IOException {
        byte[] bytes = TestBytes.bytes(SIZE, 2);
        String key = stored(bytes);
        long[][] ranges = {
            {5, 17},                    // inside the first slice
            {CHUNK + 5, CHUNK + 10},    // inside a later slice
            {CHUNK - 1, CHUNK + 1},     // the two bytes around a boundary
            {CHUNK, 2 * CHUNK},         // exactly one slice
            {CHUNK - 3, 2 * CHUNK},     // ends on a boundary
            {CHUNK, 2 * CHUNK + 3},     // starts on a boundary
            {10, 3 * CHUNK + 5},        // across every boundary
            {2 * CHUNK + 7, SIZE},      // to the end
        };
        for (long[] range : ranges) {
            assertArrayEquals(Arrays.copyOfRange(bytes, (int) range[0], (int) range[1]),
                    read(key, range[0], range[1]), () -> "bytes [" + range[0] + ", " + range[1] + ")");
        }
    }

    @Test
    void readsTheFirstByte() throws IOException {
        byte[] bytes = TestBytes.bytes(SIZE, 3);
        String key = stored(bytes);

        assertArrayEquals(new byte[] {bytes[0]}, read(key, 0, 1));
    }

    @Test
    void readsTheLastByte() throws IOException {
        byte[] bytes = TestBytes.bytes(SIZE, 4);
        String key = stored(bytes);

        assertArrayEquals(new byte[] {bytes[SIZE - 1]}, read(key, SIZE - 1, SIZE));
    }

    @Test
    void readsAnEmptyRangeAsNoBytes() throws IOException {
        String key = stored(TestBytes.bytes(SIZE, 5));

        assertEquals(0, read(key, CHUNK, CHUNK).length);
        assertEquals(0, read(key, SIZE, SIZE).length);
    }

    @Test
    void stopsARangeAtTheEnd() throws IOException {
        byte[] bytes = TestBytes.bytes(SIZE, 6);
        String key = stored(bytes);

        assertArrayEquals(Arrays.copyOfRange(bytes, SIZE - 10, SIZE), read(key, SIZE - 10, SIZE + 100));
    }

    @Test
    void storesAnEmptyBlob() throws IOException {
        String key = stored(new byte[0]);

        assertEquals(0, read(key, 0, 0).length);
    }

    @Test
    void streamsSeveralMegabytes() throws IOException {
        long size = 6L * 1024 * 1024 + 123;
        String key = newKey();

        store().write(key, TestBytes.stream(size, 7), size);

        try (InputStream in = store().read(key, 0, size)) {
            assertEquals(TestBytes.digest(TestBytes.stream(size, 7)), TestBytes.digest(in));
        }
    }

    @Test
    void saysWhenNothingIsStoredUnderAKey() {
        String key = newKey();

        assertThrows(BlobMissing.class, () -> store().read(key, 0, 10));
        assertThrows(BlobMissing.class, () -> store().read(key, 0, 0));
    }

    @Test
    void leavesNothingWhenTheInputEndsEarly() {
        String key = newKey();

        assertThrows(IOException.class,
                () -> store().write(key, new ByteArrayInputStream(TestBytes.bytes(CHUNK + 10, 8)), SIZE));

        assertThrows(BlobMissing.class, () -> store().read(key, 0, 1));
    }

    @Test
    void leavesNothingWhenTheInputFailsMidway() {
        String key = newKey();
        InputStream failing = TestBytes.failingAfter(TestBytes.stream(SIZE, 9), 2 * CHUNK + 100);

        IOException thrown = assertThrows(IOException.class, () -> store().write(key, failing, SIZE));

        assertTrue(causes(thrown).contains("connection reset after"), () -> "the input's failure, not " + thrown);
        assertThrows(BlobMissing.class, () -> store().read(key, 0, 1));
    }

    @Test
    void forgetsADeletedBlob() throws IOException {
        String key = stored(TestBytes.bytes(SIZE, 10));

        store().delete(key);

        assertThrows(BlobMissing.class, () -> store().read(key, 0, 1));
    }

    @Test
    void deletesAMissingKeyWithoutComplaint() throws IOException {
        store().delete(newKey());
    }

    @Test
    void keepsKeysApart() throws IOException {
        String key = newKey();
        // one key a prefix of the other: neither a LIKE nor an object listing may mix them
        String longer = key + "x";
        byte[] first = TestBytes.bytes(CHUNK + 1, 11);
        byte[] second = TestBytes.bytes(CHUNK + 2, 12);
        store().write(key, new ByteArrayInputStream(first), first.length);
        store().write(longer, new ByteArrayInputStream(second), second.length);

        assertArrayEquals(first, read(key, 0, first.length + 10));
        assertArrayEquals(second, read(longer, 0, second.length + 10));
        store().delete(key);
        assertArrayEquals(second, read(longer, 0, second.length));
    }

    @Test
    void writesDifferentKeysConcurrently() throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<String>> keys = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                long seed = 100 + i;
                keys.add(pool.submit(() -> {
                    String key = newKey();
                    store().write(key, TestBytes.stream(SIZE, seed), SIZE);
                    return key;
                }));
            }
            for (int i = 0; i < writers; i++) {
                assertArrayEquals(TestBytes.bytes(SIZE, 100 + i), read(keys.get(i).get(), 0, SIZE));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void releasesReadsAbandonedHalfWay() throws IOException {
        byte[] bytes = TestBytes.bytes(SIZE, 13);
        String key = stored(bytes);

        // more abandoned reads than any pool holds connections
        for (int i = 0; i < 40; i++) {
            try (InputStream in = store().read(key, 0, SIZE)) {
                assertEquals(bytes[0] & 0xff, in.read());
            }
        }

        assertArrayEquals(bytes, read(key, 0, SIZE));
    }

    /**
     * 50 MiB each way, in a JVM whose whole heap is smaller (the surefire execution {@code small-heap}):
     * a store that held a blob in memory, or a client library that did, fails with an OutOfMemoryError.
     */
    @Test
    @Tag("small-heap")
    void movesFiftyMegabytesThroughAHeapSmallerThanThat() throws IOException {
        long size = 50L * 1024 * 1024;
        Runtime runtime = Runtime.getRuntime();
        assertTrue(runtime.maxMemory() < size,
                () -> "proves nothing with a heap of " + runtime.maxMemory() / (1 << 20) + " MiB: run it with -Xmx48m");
        TestBytes.Digest expected = TestBytes.digest(TestBytes.stream(size, 14));
        String key = newKey();
        System.gc();
        long usedBefore = runtime.totalMemory() - runtime.freeMemory();

        long start = System.nanoTime();
        store().write(key, TestBytes.stream(size, 14), size);
        long written = System.nanoTime();
        TestBytes.Digest read;
        try (InputStream in = store().read(key, 0, size)) {
            read = TestBytes.digest(in);
        }
        long done = System.nanoTime();

        assertEquals(expected, read);
        long usedAfter = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("%s: 50 MiB written in %d ms, read in %d ms; heap max %d MiB, used before %.1f MiB,"
                        + " after %.1f MiB%n",
                store().name(), (written - start) / 1_000_000, (done - written) / 1_000_000,
                runtime.maxMemory() >> 20, usedBefore / 1048576.0, usedAfter / 1048576.0);
        store().delete(key);
    }

    private static String causes(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }
}
