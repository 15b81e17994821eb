package org.tuanjie.platform.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A lock one process of the cluster holds at a time, for a job every replica schedules but one should run (a feed
 * that replicates, a sweep): a PostgreSQL session advisory lock on a connection of its own, for as long as the job
 * runs, whatever transactions it commits meanwhile. Closing it lets go; so does the process dying, as its session
 * ends. Names are hashed into the two-key lock space, apart from the single-key locks others take.
 */
public final class ClusterLock implements AutoCloseable {

    /** The first key of every such lock: the project's. */
    private static final int SPACE = 0x74756a;

    private final Connection connection;
    private final String name;

    private ClusterLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** The lock if no other process holds it now; empty at once otherwise. */
    public static Optional<ClusterLock> tryTake(DataSource dataSource, String name) {
        return acquire(dataSource, name, "select pg_try_advisory_lock(?, hashtext(?))");
    }

    /** The lock, once whoever holds it lets go. */
    public static ClusterLock take(DataSource dataSource, String name) {
        return acquire(dataSource, name, "select true from (select pg_advisory_lock(?, hashtext(?))) waited").orElseThrow();
    }

    private static Optional<ClusterLock> acquire(DataSource dataSource, String name, String sql) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement(sql)) {
                lock.setInt(1, SPACE);
                lock.setString(2, name);
                try (ResultSet taken = lock.executeQuery()) {
                    if (taken.next() && taken.getBoolean(1)) {
                        return Optional.of(new ClusterLock(connection, name));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not take the cluster lock " + name, e);
        }
    }

    @Override
    public void close() {
        try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
            unlock.setInt(1, SPACE);
            unlock.setString(2, name);
            unlock.execute();
        } catch (SQLException e) {
            // a connection that cannot unlock is broken: the pool drops it, and its session's locks end with it
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to let go
            }
        }
    }
}
