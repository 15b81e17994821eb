package org.tuanjie.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for a module's tests, started from Maven artifacts (no Docker, no machine
 * server). Argument {@code database}: the service's own database, created empty for Flyway.
 * Register it with {@code @WithTestResource(value = EmbeddedPostgresResource.class, scope = GLOBAL)}.
 *
 * <p>Resilience tests may {@link #stopServer() stop} and {@link #startServer() start} it again: the
 * same port and data directory, so committed data survives as it would a real restart.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres server;
    private static Path dataDirectory;
    private static int port;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            if (server == null) {
                dataDirectory = Files.createTempDirectory("tuanjie-pg-");
                try (ServerSocket free = new ServerSocket(0)) {
                    port = free.getLocalPort();
                }
                startServer();
            }
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database);
                s.execute("create database " + database + " encoding 'UTF8' template template0");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL did not accept the test database", e);
        }
        System.setProperty("tuanjie.test.jdbc-url", server.getJdbcUrl("postgres", database));
        return Map.of(
                "quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** Starts PostgreSQL on this run's port and data directory (initialised on the first start). */
    public static synchronized void startServer() {
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops PostgreSQL (fast shutdown: sessions are cut, committed data stays). */
    public static synchronized void stopServer() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
                deleteDataDirectory();
            }
        }
    }

    private static void deleteDataDirectory() {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing the build for
        }
    }
}
