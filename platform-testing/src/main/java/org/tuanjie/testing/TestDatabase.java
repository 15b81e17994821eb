package org.tuanjie.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's database as the test's own session sees it, for what no API does: another replica's or an
 * operator's write, a lock another replica holds, a row aged by hand, a count the API does not give.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Work on one session of the service's database. */
    public interface Work<T> {
        T apply(Statement sql) throws Exception;
    }

    /** Runs {@code work} on a session of its own, closed afterwards (and with it, any session lock it kept). */
    public static <T> T session(Work<T> work) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class)); Statement sql = db.createStatement()) {
            return work.apply(sql);
        }
    }

    /** An insert, update or delete; how many rows it touched. */
    public static int update(String statement) throws Exception {
        return session(sql -> sql.executeUpdate(statement));
    }

    /** The first column of the first row of a query, as a number (a count). */
    public static long number(String query) throws Exception {
        return session(sql -> {
            try (ResultSet rows = sql.executeQuery(query)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
