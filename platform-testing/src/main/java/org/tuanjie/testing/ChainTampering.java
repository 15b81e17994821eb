package org.tuanjie.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a database owner can do to a service's hash chain ({@code <prefix>_link} over a history table) behind its back,
 * undone after each check: links from a seq on, and one column of the rows they link, are put back as they were.
 */
public final class ChainTampering {

    private ChainTampering() {
    }

    /** A change made with the triggers off, as a superuser can. */
    public interface Change {
        void apply(Statement sql) throws Exception;
    }

    /**
     * Runs {@code change} with triggers off, then restores the links from {@code seq} on and {@code column} of the rows
     * of {@code table} they link.
     */
    public static void withOriginalsRestored(String prefix, String table, String column, long seq, Change change)
            throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class)); Statement sql = db.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute("create temp table kept_links as select * from " + prefix + "_link where seq >= " + seq);
            sql.execute("create temp table kept_rows as select h.id, h." + column + " from " + table + " h join kept_links l"
                    + " on l.line_id = h.id");
            try {
                change.apply(sql);
            } finally {
                sql.executeUpdate("delete from " + prefix + "_link where seq >= " + seq);
                sql.executeUpdate("insert into " + prefix + "_link select * from kept_links");
                sql.executeUpdate("update " + table + " h set " + column + " = k." + column + " from kept_rows k where h.id = k.id");
                sql.execute("drop table kept_links");
                sql.execute("drop table kept_rows");
                sql.execute("set session_replication_role = origin");
            }
        }
    }

    /** The id of the row the link at {@code seq} holds. */
    public static long lineAt(Statement sql, String prefix, long seq) throws Exception {
        try (ResultSet rs = sql.executeQuery("select line_id from " + prefix + "_link where seq = " + seq)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
