package org.tuanjie.agreements.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** What a database owner can do to the audit trail behind the service's back, undone after each check. */
final class AuditTampering {

    private AuditTampering() {
    }

    interface Change {
        void apply(Statement sql) throws Exception;
    }

    /** Changes entries from seq on (triggers off), checks, then puts them back as they were. */
    static void withOriginalsRestored(long fromSeq, Change change) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class)); Statement sql = db.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute("create temp table original as select * from audit_entry where seq >= " + fromSeq);
            try {
                change.apply(sql);
            } finally {
                sql.executeUpdate("delete from audit_entry where seq >= " + fromSeq);
                sql.executeUpdate("insert into audit_entry select * from original");
                sql.execute("drop table original");
                sql.execute("set session_replication_role = origin");
            }
        }
    }

    /**
     * Rewrites the first of {@code entries} (as listed by {@code GET /audit}, in order, the chain's last ones) with
     * another actor and re-hashes it and every one after, so that each link holds again; returns the new head hash.
     */
    static String rewriteAndReHash(Statement sql, List<Map<String, Object>> entries, String actor) throws SQLException {
        String prev = (String) entries.get(0).get("prevHash");
        for (Map<String, Object> e : entries) {
            @SuppressWarnings("unchecked")
            Map<String, String> detail = new HashMap<>((Map<String, String>) e.get("detail"));
            String by = e == entries.get(0) ? actor : (String) e.get("actor");
            AuditEntry redone = AuditEntry.create((String) e.get("digest"), ((Number) e.get("seq")).longValue(), prev,
                    OffsetDateTime.parse((String) e.get("at")), by, (String) e.get("action"),
                    UUID.fromString((String) e.get("agreementId")), (String) e.get("unitCode"), null, detail);
            try (PreparedStatement update = sql.getConnection().prepareStatement(
                    "update audit_entry set actor = ?, prev_hash = ?, hash = ? where seq = ?")) {
                update.setString(1, by);
                update.setString(2, prev);
                update.setString(3, redone.hash());
                update.setLong(4, redone.seq());
                update.executeUpdate();
            }
            prev = redone.hash();
        }
        return prev;
    }
}
