package org.tuanjie.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL for a module's tests, started from Maven artifacts (no Docker, no machine
 * server). Argument {@code database}: the service's own database, created empty for Flyway.
 * Register it with {@code @WithTestResource(value = EmbeddedPostgresResource.class, scope = GLOBAL)}.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres server;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
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

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }
}
