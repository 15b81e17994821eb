package org.tuanjie.platform.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tuanjie.platform.files.PostgresBlobs.OffsetMismatch;

class PostgresBlobsTest extends BlobStoreContract {

    private static EmbeddedPostgres postgres;
    private static CountingDataSource dataSource;
    private static PostgresBlobs blobs;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/files").load().migrate();
        dataSource = new CountingDataSource(postgres.getPostgresDatabase());
        blobs = new PostgresBlobs(dataSource);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    /** Each test, the contract's too: a connection not given back is a leak that empties the pool. */
    @AfterEach
    void returnedEveryConnection() {
        assertEquals(0, dataSource.open.get(), "connections still open");
    }

    @Override
    protected BlobStore store() {
        return blobs;
    }

    @Test
    void keepsSlicesUncompressedOutOfLine() throws SQLException {
        assertEquals("e", query("select attstorage from pg_attribute"
                + " where attrelid = 'file_chunk'::regclass and attname = 'data'"));
    }

    @Test
    void cutsABlobIntoSlicesOfAtMostAChunk() throws Exception {
        String key = stored(TestBytes.bytes(SIZE, 20));

        assertEquals("4 262144 1000", query("select count(*) || ' ' || max(length(data)) || ' ' || min(length(data))"
                + " from file_chunk where blob = '" + key + "'"));
    }

    @Test
    void holdsItsConnectionOnlyWhileAReadIsOpen() throws IOException {
        String key = stored(TestBytes.bytes(SIZE, 21));

        try (InputStream in = blobs.read(key, 10, SIZE)) {
            in.readNBytes(100);
            assertEquals(1, dataSource.open.get());
        }
        assertEquals(0, dataSource.open.get());
    }

    /**
     * Read as hex text, a slice costs three times its size in allocations (the hex bytes, then the decoded
     * ones); read in binary, once. Each read here is a new connection, where pgjdbc would use text.
     */
    @Test
    void readsSlicesInBinaryNotAsHexText() throws IOException {
        byte[] bytes = TestBytes.bytes(16 * CHUNK, 28);
        String key = stored(bytes);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] buffer = new byte[8192];
        read(key, 0, 10); // the classes a read loads, loaded before the count

        long before = threads.getCurrentThreadAllocatedBytes();
        long total = 0;
        try (InputStream in = blobs.read(key, 0, bytes.length)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(bytes.length, total);
        assertTrue(allocated < 2L * bytes.length, () -> allocated + " bytes allocated to read " + bytes.length);
    }

    @Test
    void appendsWhereTheStagedBlobEnds() throws IOException {
        String key = newKey();
        byte[] first = TestBytes.bytes(100_000, 22);
        byte[] second = TestBytes.bytes(2 * CHUNK + 500, 23);
        assertEquals(0, blobs.end(key));

        assertEquals(first.length, blobs.append(key, 0, new ByteArrayInputStream(first), first.length));
        long end = blobs.append(key, first.length, new ByteArrayInputStream(second), second.length);

        assertEquals(first.length + second.length, end);
        assertEquals(end, blobs.end(key));
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertArrayEquals(both, read(key, 0, end));
    }

    @Test
    void appendsNothingAtAnotherOffset() throws IOException {
        String key = newKey();
        blobs.append(key, 0, new ByteArrayInputStream(TestBytes.bytes(1000, 24)), 1000);
        ByteArrayInputStream more = new ByteArrayInputStream(TestBytes.bytes(500, 25));

        OffsetMismatch behind = assertThrows(OffsetMismatch.class, () -> blobs.append(key, 600, more, 500));
        OffsetMismatch ahead = assertThrows(OffsetMismatch.class, () -> blobs.append(key, 1200, more, 500));
        OffsetMismatch fresh = assertThrows(OffsetMismatch.class, () -> blobs.append(newKey(), 10, more, 500));

        assertEquals(1000, behind.actualEnd());
        assertEquals(1000, ahead.actualEnd());
        assertEquals(0, fresh.actualEnd());
        assertEquals(500, more.available(), "the body was not read");
        assertEquals(1000, blobs.end(key));
    }

    @Test
    void appendsAtMostWhatItIsAllowed() throws IOException {
        String key = newKey();
        byte[] bytes = TestBytes.bytes(CHUNK + 1000, 26);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);

        assertEquals(CHUNK + 10, blobs.append(key, 0, in, CHUNK + 10));

        assertEquals(990, in.available(), "the rest of the body was left unread");
        assertArrayEquals(Arrays.copyOf(bytes, CHUNK + 10), read(key, 0, CHUNK + 1000));
    }

    @Test
    void keepsWhatArrivedBeforeAnUploadWasCutAtSixtyPercent() throws IOException {
        String key = newKey();
        int total = 1_000_000;
        int arrived = 600_000;  // two full slices and part of a third
        byte[] bytes = TestBytes.bytes(total, 27);

        IOException cut = assertThrows(IOException.class, () -> blobs.append(key, 0,
                TestBytes.failingAfter(new ByteArrayInputStream(bytes), arrived), total));

        assertEquals("connection reset after 600000 bytes", cut.getMessage());
        assertEquals(arrived, blobs.end(key));
        assertArrayEquals(Arrays.copyOf(bytes, arrived), read(key, 0, total));
        // and the client resumes from there
        InputStream rest = new ByteArrayInputStream(bytes, arrived, total - arrived);
        assertEquals(total, blobs.append(key, arrived, rest, total - arrived));
        assertArrayEquals(bytes, read(key, 0, total));
    }

    @Test
    void letsOneOfTwoAppendsAtTheSameOffsetWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String key = newKey();
                byte[][] bodies = {TestBytes.bytes(3 * CHUNK + 77, 30 + 2 * round), TestBytes.bytes(3 * CHUNK + 77,
                        31 + 2 * round)};
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Long>> appends = new ArrayList<>();
                for (byte[] body : bodies) {
                    appends.add(pool.submit(() -> {
                        start.await();
                        return blobs.append(key, 0, new ByteArrayInputStream(body), body.length);
                    }));
                }
                int winner = -1;
                int mismatches = 0;
                for (int i = 0; i < 2; i++) {
                    try {
                        assertEquals(bodies[i].length, appends.get(i).get());
                        winner = i;
                    } catch (ExecutionException e) {
                        assertTrue(e.getCause() instanceof OffsetMismatch, () -> "an offset mismatch, not " + e.getCause());
                        mismatches++;
                    }
                }
                assertEquals(1, mismatches, "exactly one append loses");
                assertArrayEquals(bodies[winner], read(key, 0, bodies[winner].length + 1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String query(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    /** Counts the connections handed out and not yet closed. */
    private static final class CountingDataSource implements DataSource {

        private final DataSource target;
        final AtomicInteger open = new AtomicInteger();

        CountingDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(target.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(target.getConnection(username, password));
        }

        private Connection counted(Connection connection) {
            open.incrementAndGet();
            boolean[] closed = {false};
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                        if (method.getName().equals("close") && !closed[0]) {
                            closed[0] = true;
                            open.decrementAndGet();
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return target.isWrapperFor(type);
        }
    }
}
