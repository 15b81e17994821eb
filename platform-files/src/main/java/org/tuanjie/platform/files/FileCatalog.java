package org.tuanjie.platform.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.tuanjie.platform.files.StoredFile.Owner;
import org.tuanjie.platform.files.StoredFile.State;

/**
 * The {@code stored_file} table, in plain JDBC: the files module has no entities for the services'
 * Hibernate to validate. Statements join the caller's transaction when there is one (attaching
 * files commits with the record that takes them).
 */
@ApplicationScoped
class FileCatalog {

    private static final String COLUMNS = "id, name, declared_size, received, state, store, type, sha256, uploaded_by,"
            + " uploader_unit, created_at, stored_at, expires_at, taken_at, latitude, longitude, thumbnail, owner_kind,"
            + " owner_id, attached_at, frozen_at";

    @Inject
    DataSource dataSource;

    Optional<StoredFile> find(UUID id) {
        List<StoredFile> found = query("select " + COLUMNS + " from stored_file where id = ?", id);
        return found.stream().findFirst();
    }

    /** Locks the row until the transaction ends: appends and completion of one upload never interleave. */
    Optional<StoredFile> lock(UUID id) {
        return query("select " + COLUMNS + " from stored_file where id = ? for update", id).stream().findFirst();
    }

    List<StoredFile> ownedBy(Owner owner) {
        return query("select " + COLUMNS + " from stored_file where owner_kind = ? and owner_id = ? order by attached_at, created_at, id",
                owner.kind(), owner.id());
    }

    List<StoredFile> ownedBy(String kind, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return query("select " + COLUMNS + " from stored_file where owner_kind = ? and owner_id = any(?) order by attached_at, created_at, id",
                kind, ids.toArray(String[]::new));
    }

    List<StoredFile> expired(Instant now, int limit) {
        return query("select " + COLUMNS + " from stored_file where expires_at < ? order by expires_at limit " + limit,
                Timestamp.from(now));
    }

    /** Bytes the unit's files take or have been promised (uploads under way count at their announced size). */
    long usedBy(String unit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select coalesce(sum(declared_size), 0) from stored_file where uploader_unit = ?")) {
            s.setString(1, unit);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serializes quota decisions of one unit until the transaction ends. */
    void lockQuota(String unit) {
        execute("select pg_advisory_xact_lock(hashtextextended('stored_file quota ' || ?, 0))", unit);
    }

    void insert(StoredFile f) {
        execute("insert into stored_file (id, name, declared_size, received, state, store, uploaded_by, uploader_unit,"
                + " created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                f.id(), f.name(), f.declaredSize(), f.received(), f.state().name(), f.store(), f.uploadedBy(),
                f.uploaderUnit(), Timestamp.from(f.createdAt()), Timestamp.from(f.expiresAt()));
    }

    void received(UUID id, long received) {
        execute("update stored_file set received = ? where id = ?", received, id);
    }

    void stored(StoredFile f) {
        Capture capture = f.capture();
        execute("update stored_file set state = 'STORED', received = ?, store = ?, type = ?, sha256 = ?, stored_at = ?,"
                + " expires_at = ?, taken_at = ?, latitude = ?, longitude = ?, thumbnail = ? where id = ?",
                f.received(), f.store(), f.type().name(), f.sha256(), Timestamp.from(f.storedAt()), timestamp(f.expiresAt()),
                capture == null ? null : timestamp(capture.takenAt()), capture == null ? null : capture.latitude(),
                capture == null ? null : capture.longitude(), f.thumbnail(), f.id());
    }

    void attach(UUID id, Owner owner, Instant at) {
        execute("update stored_file set owner_kind = ?, owner_id = ?, attached_at = ?, expires_at = null where id = ?",
                owner.kind(), owner.id(), Timestamp.from(at), id);
    }

    int freeze(Owner owner, Instant at) {
        return execute("update stored_file set frozen_at = ? where owner_kind = ? and owner_id = ? and frozen_at is null",
                Timestamp.from(at), owner.kind(), owner.id());
    }

    void delete(UUID id) {
        execute("delete from stored_file where id = ?", id);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private int execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, args);
            if (sql.startsWith("select")) {
                s.executeQuery().close();
                return 0;
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<StoredFile> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, args);
            List<StoredFile> files = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    files.add(row(r));
                }
            }
            return files;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(Connection c, PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg == null) {
                s.setNull(i + 1, Types.NULL);
            } else if (arg instanceof String[] array) {
                s.setArray(i + 1, c.createArrayOf("varchar", array));
            } else {
                s.setObject(i + 1, arg);
            }
        }
    }

    private static StoredFile row(ResultSet r) throws SQLException {
        String type = r.getString("type");
        Timestamp taken = r.getTimestamp("taken_at");
        Double latitude = (Double) r.getObject("latitude");
        Double longitude = (Double) r.getObject("longitude");
        Capture capture = taken == null && latitude == null ? null
                : new Capture(taken == null ? null : taken.toInstant(), latitude, longitude);
        String ownerKind = r.getString("owner_kind");
        return new StoredFile(r.getObject("id", UUID.class), r.getString("name"), r.getLong("declared_size"),
                r.getLong("received"), State.valueOf(r.getString("state")), r.getString("store"),
                type == null ? null : FileType.valueOf(type), r.getString("sha256"), r.getString("uploaded_by"),
                r.getString("uploader_unit"), instant(r, "created_at"), instant(r, "stored_at"), instant(r, "expires_at"),
                capture, r.getBoolean("thumbnail"), ownerKind == null ? null : new Owner(ownerKind, r.getString("owner_id")),
                instant(r, "attached_at"), instant(r, "frozen_at"));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
