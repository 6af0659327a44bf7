package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A private, throwaway PostgreSQL (from the embedded binaries on Maven Central) used as a shadow
 * database: migrations are replayed on it, the model is compared with it, and it is deleted after.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    private final EmbeddedPostgres server;

    private ThrowawayPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static ThrowawayPostgres start() {
        try {
            return new ThrowawayPostgres(EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start());
        } catch (IOException | RuntimeException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.DATABASE,
                    "cannot start the embedded PostgreSQL used when no --url or DATABASE_URL is given: " + e.getMessage(), e);
        }
    }

    public Connection connect() {
        try {
            return server.getPostgresDatabase().getConnection();
        } catch (SQLException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "cannot connect to the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // a temp directory left behind is cleaned by the OS
        }
    }
}
