package org.tuanjie.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feed never hands out a position below one already read: an event whose transaction took its sequence number
 * first but committed last is positioned after the events a reader has already seen, not among them.
 */
class FeedPositionsTest {

    private static EmbeddedPostgres postgres;
    private static DataSource db;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        db = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/events").load().migrate();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void anEventCommittedLateComesAfterWhatWasAlreadyRead() throws SQLException {
        long start = last();
        try (Connection slow = db.getConnection(); Connection fast = db.getConnection()) {
            slow.setAutoCommit(false);
            String late = insert(slow, "late"); // takes the lower sequence number, commits last
            String early = insert(fast, "early");
            relay();
            List<String> read = after(start);
            assertEquals(List.of(early), read, "only what is committed is positioned");
            long seen = position(early);

            slow.commit();
            relay();
            assertEquals(List.of(late), after(seen), "a reader that saw the first event finds the late one after it");
            assertEquals(List.of(early, late), after(start));
        }
    }

    @Test
    void relayingTwiceChangesNothing() throws SQLException {
        try (Connection c = db.getConnection()) {
            insert(c, "once");
        }
        relay();
        List<String> first = after(0);
        relay();
        assertEquals(first, after(0));
    }

    private static String insert(Connection connection, String type) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (id, type, subject, unit_path, occurred_at, data)
                values (cast(? as uuid), ?, 'tests/1', '/510000000000/', now(), '{}')""")) {
            insert.setString(1, id);
            insert.setString(2, type);
            insert.executeUpdate();
        }
        return id;
    }

    /** What FeedPositions.relay does, in a transaction of its own. */
    private static void relay() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try (ResultSet pending = s.executeQuery(FeedPositions.PENDING)) {
                if (pending.next()) {
                    s.executeQuery(FeedPositions.LOCK).close();
                    s.executeUpdate(FeedPositions.POSITION);
                }
            }
            c.commit();
        }
    }

    private static List<String> after(long position) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("select id from outbox_event where position > ? order by position")) {
            q.setLong(1, position);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static long last() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(max(position), 0) from outbox_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long position(String id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("select position from outbox_event where id = cast(? as uuid)")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
