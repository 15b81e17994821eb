package org.tuanjie.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A physical backup of a running PostgreSQL with its low-level API (PostgreSQL's manual, "Making a Base Backup Using
 * the Low Level API"), the way CloudNativePG's backups work: the data directory copied between pg_backup_start and
 * pg_backup_stop while the server archives its WAL, then restored by a new server that replays the archive. The
 * embedded PostgreSQL has no pg_basebackup or pg_dump, so the copy is made here; with a PostgreSQL of its own an
 * operator runs pg_basebackup or the operator's backups instead (deploy/README.md).
 */
final class BaseBackup {

    /** What the manual says to leave out of the copy: the server's run-time state, and the WAL (replayed from the archive). */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts");
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private BaseBackup() {
    }

    /** Copies {@code data} to {@code target} under a backup started and stopped on {@code connection}, which it closes. */
    static void take(Connection connection, Path data, Path target) throws IOException, SQLException {
        try (connection; Statement s = connection.createStatement()) {
            s.execute("select pg_backup_start('tuanjie restore drill', true)");
            copy(data, target);
            // waits until the WAL the copy needs is archived
            try (ResultSet rs = s.executeQuery("select labelfile, spcmapfile from pg_backup_stop(true)")) {
                rs.next();
                Files.writeString(target.resolve("backup_label"), rs.getString(1), StandardCharsets.UTF_8);
                String tablespaces = rs.getString(2);
                if (tablespaces != null && !tablespaces.isEmpty()) {
                    Files.writeString(target.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** Makes {@code restored} start in recovery, taking WAL from {@code archive} until it ends, then promote. */
    static void prepareRecovery(Path restored, Path archive) throws IOException {
        Files.writeString(restored.resolve("recovery.signal"), "");
        Files.writeString(restored.resolve("postgresql.auto.conf"), "\nrestore_command = 'cp \"" + archive + "/%f\" \"%p\"'\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.setPosixFilePermissions(restored, PosixFilePermissions.fromString("rwx------"));
    }

    static long size(Path dir) throws IOException {
        AtomicLong bytes = new AtomicLong();
        try (var walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(f -> bytes.addAndGet(f.toFile().length()));
        }
        return bytes.get();
    }

    private static void copy(Path data, Path target) throws IOException {
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(data.relativize(dir).toString()));
                return dir.equals(data) || !EMPTIED_DIRECTORIES.contains(dir.getFileName().toString())
                        ? FileVisitResult.CONTINUE : emptied(dir);
            }

            private FileVisitResult emptied(Path dir) throws IOException {
                // the directory stays, without its contents (pg_wal keeps its archive_status folder)
                if (dir.getFileName().toString().equals("pg_wal")) {
                    Files.createDirectories(target.resolve(data.relativize(dir).toString()).resolve("archive_status"));
                }
                return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!SKIPPED_FILES.contains(file.getFileName().toString())) {
                    try {
                        Files.copy(file, target.resolve(data.relativize(file).toString()));
                    } catch (NoSuchFileException removedMeanwhile) {
                        // a file the server removed during the copy: the WAL replay accounts for it
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }
}
