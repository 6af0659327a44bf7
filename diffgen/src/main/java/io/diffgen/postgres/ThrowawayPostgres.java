package io.diffgen.postgres;

import io.diffgen.DiffgenException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * A private, throwaway PostgreSQL (from the embedded binaries on Maven Central) used as a shadow
 * database: the migrations are replayed on it, the model is compared with it, and it is deleted.
 * Each run starts on its own copy of a cluster from the {@link ClusterCache}.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private ThrowawayPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /**
     * A server whose cluster is what {@code prepare} makes of an empty one, cached under
     * {@code cache} by {@code stateKey} (a hash of everything {@code prepare} depends on).
     */
    public static ThrowawayPostgres start(Path cache, String stateKey, Consumer<Connection> prepare) {
        try {
            ClusterCache clusters = new ClusterCache(cache);
            clusters.reapOrphans();
            Orphans.reap(Path.of(System.getProperty("java.io.tmpdir")), "diffgen-shadow-");
            Path data = Files.createTempDirectory("diffgen-shadow-");
            Orphans.claim(data);
            try {
                clusters.copyInto(data, stateKey, prepare);
                return new ThrowawayPostgres(serverOn(data), data);
            } catch (IOException | RuntimeException e) {
                // a run that could not start leaves no cluster folder behind
                DataDirectory.deleteQuietly(data);
                Orphans.release(data);
                throw e;
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** A server on the cluster in {@code data}, tuned for throwaway use (no fsync). */
    static EmbeddedPostgres serverOn(Path data) throws IOException {
        EmbeddedBinaries.prepare();
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                .setServerConfig("unix_socket_directories", "") // TCP only: no socket left in /tmp by a killed run
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
    }

    private static DiffgenException failure(Exception e) {
        return new DiffgenException(DiffgenException.ErrorCode.DATABASE, "cannot start the embedded PostgreSQL used when no --url or "
                + "DATABASE_URL is given: " + EmbeddedBinaries.failedUnpack().orElse(e.getMessage()), e);
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
            // the data directory is removed below either way
        }
        DataDirectory.deleteQuietly(dataDirectory);
        Orphans.release(dataDirectory);
    }
}
