package org.tuanjie.platform.files;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * Blobs in the service's own PostgreSQL, as slices of at most {@link #CHUNK} bytes in table
 * {@code file_chunk} (migration {@code db/files/V1__blobs.sql}). Plain JDBC on connections of its own,
 * each released before a method returns (a read's when its stream is closed).
 *
 * <p>Call it outside a JTA transaction: every method commits or rolls back its own local transactions, so
 * that the bytes of a large upload never keep the caller's transaction (and its locks) open.
 *
 * <p>Besides the {@link BlobStore} contract it stages resumable uploads: {@link #append} adds what arrives
 * slice by slice, each in its own short transaction, and {@link #end} says how far an upload got.
 */
public final class PostgresBlobs implements BlobStore {

    /** The largest slice: one row, and all a write or an append holds in memory at a time. */
    public static final int CHUNK = 256 * 1024;

    /**
     * Rows per round trip of a read's cursor. One: a download holds one slice, not four, and ten downloads
     * at once in a 128 MB heap must not hold 40 MB of slices between them (bench/files.sh).
     */
    private static final int FETCH_ROWS = 1;

    private static final String INSERT = "insert into file_chunk (blob, at, data) values (?, ?, ?)";
    private static final String END =
            "select at + length(data) from file_chunk where blob = ? order by at desc limit 1";
    private static final String RANGE = "select at, data from file_chunk"
            + " where blob = ? and at + length(data) > ? and at < ? order by at";
    private static final String EXISTS = "select 1 from file_chunk where blob = ? limit 1";
    private static final String DELETE = "delete from file_chunk where blob = ?";
    // hashtextextended gives the 64 bits the lock takes; two keys sharing a hash only wait for each other
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended(?, 0))";

    private final DataSource dataSource;

    public PostgresBlobs(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void write(String key, InputStream in, long length) throws IOException {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                byte[] slice = new byte[(int) Math.min(CHUNK, length)];
                long at = 0;
                // an empty blob still gets its (empty) slice: the key must exist for a read to find it
                do {
                    int size = (int) Math.min(CHUNK, length - at);
                    readFully(key, in, slice, size, at, length);
                    insert(insert, key, at, size == slice.length ? slice : Arrays.copyOf(slice, size));
                    at += size;
                } while (at < length);
                connection.commit();
            } catch (Throwable e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("could not store blob " + key, e);
        }
    }

    @Override
    public InputStream read(String key, long from, long to) throws IOException {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad range [" + from + ", " + to + ")");
        }
        Cursor cursor = null;
        try {
            cursor = new Cursor(dataSource.getConnection());
            // pgjdbc fetches through a server-side cursor, FETCH_ROWS at a time, only inside a transaction:
            // with autocommit on it would load every slice of the range into memory at once
            cursor.connection.setAutoCommit(false);
            cursor.statement = cursor.connection.prepareStatement(RANGE);
            binary(cursor.statement);
            cursor.statement.setFetchSize(FETCH_ROWS);
            cursor.statement.setString(1, key);
            cursor.statement.setLong(2, from);
            cursor.statement.setLong(3, to);
            cursor.rows = cursor.statement.executeQuery();
            if (cursor.rows.next()) {
                SliceStream stream = new SliceStream(cursor, from, to);
                cursor = null;
                return stream;
            }
            // no slice in the range: an empty range, one past the end, or no blob at all
            boolean exists = exists(cursor.connection, key);
            if (!exists) {
                throw new BlobMissing(key);
            }
            return InputStream.nullInputStream();
        } catch (SQLException e) {
            throw new IOException("could not read blob " + key, e);
        } finally {
            if (cursor != null) {
                cursor.close();
            }
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, key);
            delete.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IOException("could not delete blob " + key, e);
        }
    }

    /** How many bytes are staged under {@code key}: where the next {@link #append} must start (0 for none). */
    public long end(String key) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            return end(connection, key);
        } catch (SQLException e) {
            throw new IOException("could not read the end of blob " + key, e);
        }
    }

    /**
     * Appends at most {@code max} bytes read from {@code in} to the blob staged under {@code key}, from
     * offset {@code at}. Each slice is committed on its own, so an upload cut off keeps what arrived; when
     * {@code in} fails, the bytes of the slice already read are committed before its exception is rethrown.
     *
     * @return the new end of the blob
     * @throws OffsetMismatch when the blob does not end at {@code at} (nothing is read or written), or stops
     *     ending where this append left it because another append got in between
     * @throws IOException when {@code in} fails (what arrived before stays)
     */
    public long append(String key, long at, InputStream in, long max) throws IOException {
        if (at < 0 || max < 0) {
            throw new IllegalArgumentException("bad append at " + at + " of at most " + max + " bytes");
        }
        long stored = end(key);
        if (stored != at) {
            throw new OffsetMismatch(key, at, stored);
        }
        long limit = at + max;
        long end = at;
        byte[] slice = new byte[(int) Math.min(CHUNK, Math.max(max, 1))];
        while (end < limit) {
            int wanted = (int) Math.min(CHUNK, limit - end);
            int filled = 0;
            try {
                for (int n; filled < wanted && (n = in.read(slice, filled, wanted - filled)) >= 0; ) {
                    filled += n;
                }
            } catch (IOException e) {
                if (filled > 0) {
                    try {
                        commitSlice(key, end, slice, filled);
                    } catch (IOException | RuntimeException f) {
                        e.addSuppressed(f);
                    }
                }
                throw e;
            }
            if (filled == 0) {
                break;
            }
            end = commitSlice(key, end, slice, filled);
            if (filled < wanted) {
                break;
            }
        }
        return end;
    }

    private long commitSlice(String key, long at, byte[] slice, int size) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // appends to one key take turns, and each checks again under the lock that the blob still
                // ends where it expects: a second PATCH of the same upload cannot interleave its bytes
                try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                    lock.setString(1, key);
                    lock.execute();
                }
                long stored = end(connection, key);
                if (stored != at) {
                    throw new OffsetMismatch(key, at, stored);
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert(insert, key, at, size == slice.length ? slice : Arrays.copyOf(slice, size));
                }
                connection.commit();
                return at + size;
            } catch (Throwable e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("could not append to blob " + key, e);
        }
    }

    /**
     * Asks for the slices in PostgreSQL's binary format from the first execution. By default pgjdbc prepares a
     * statement on the server only at its fifth use and until then takes {@code bytea} as hex text: twice the
     * bytes on the wire, and a string of twice the slice's size to decode for every row.
     */
    private static void binary(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }

    private static void insert(PreparedStatement insert, String key, long at, byte[] data) throws SQLException {
        insert.setString(1, key);
        insert.setLong(2, at);
        insert.setBytes(3, data);
        insert.executeUpdate();
    }

    private static long end(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(END)) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private static boolean exists(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(EXISTS)) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void readFully(String key, InputStream in, byte[] slice, int size, long at, long length)
            throws IOException {
        for (int filled = 0; filled < size; ) {
            int n = in.read(slice, filled, size - filled);
            if (n < 0) {
                throw new EOFException("blob " + key + " ended after " + (at + filled) + " of " + length + " bytes");
            }
            filled += n;
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The blob does not end where an append was to start. */
    public static final class OffsetMismatch extends IOException {

        private final long actualEnd;

        public OffsetMismatch(String key, long offset, long actualEnd) {
            super("blob " + key + " ends at " + actualEnd + ", not at " + offset);
            this.actualEnd = actualEnd;
        }

        /** Where the blob really ends: the offset a client should resume from. */
        public long actualEnd() {
            return actualEnd;
        }
    }

    /** A read's connection, statement and rows, released together. */
    private static final class Cursor {

        final Connection connection;
        PreparedStatement statement;
        ResultSet rows;

        Cursor(Connection connection) {
            this.connection = connection;
        }

        void close() throws IOException {
            SQLException failure = null;
            // closing the rows first ends the portal even when the stream was abandoned half-way
            for (AutoCloseable resource : new AutoCloseable[] {rows, statement}) {
                try {
                    if (resource != null) {
                        resource.close();
                    }
                } catch (Exception e) {
                    failure = add(failure, e);
                }
            }
            try {
                connection.rollback();
            } catch (SQLException e) {
                failure = add(failure, e);
            }
            try {
                connection.close();
            } catch (SQLException e) {
                failure = add(failure, e);
            }
            if (failure != null) {
                throw new IOException("could not release a blob read", failure);
            }
        }

        private static SQLException add(SQLException first, Exception next) {
            if (first == null) {
                return next instanceof SQLException sql ? sql : new SQLException(next);
            }
            first.addSuppressed(next);
            return first;
        }
    }

    /** The bytes {@code [from, to)} of the slices a cursor yields, trimmed at both ends. */
    private static final class SliceStream extends InputStream {

        private final Cursor cursor;
        private final long from;
        private final long to;
        private byte[] slice;
        private int position;
        private int limit;
        private boolean exhausted;
        private boolean closed;

        /** The cursor stands on the first slice of the range. */
        SliceStream(Cursor cursor, long from, long to) throws SQLException {
            this.cursor = cursor;
            this.from = from;
            this.to = to;
            load();
        }

        private void load() throws SQLException {
            long at = cursor.rows.getLong(1);
            slice = cursor.rows.getBytes(2);
            position = (int) Math.max(0, from - at);
            limit = (int) Math.min(slice.length, to - at);
        }

        private boolean advance() throws IOException {
            if (exhausted) {
                return false;
            }
            try {
                if (cursor.rows.next()) {
                    load();
                    return true;
                }
            } catch (SQLException e) {
                throw new IOException("could not read the next slice of a blob", e);
            }
            exhausted = true;
            slice = null;
            return false;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (closed) {
                throw new IOException("blob stream closed");
            }
            if (length == 0) {
                return 0;
            }
            while (position >= limit) {
                if (!advance()) {
                    return -1;
                }
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(slice, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return closed || exhausted ? 0 : limit - position;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                slice = null;
                cursor.close();
            }
        }
    }
}
