package io.diffgen.postgres;

import io.diffgen.DiffgenException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A private, throwaway PostgreSQL (from the embedded binaries on Maven Central) used as a shadow
 * database: the migrations are replayed on it, the model is compared with it, and it is deleted.
 *
 * <p>Starting one is made cheap by two cached data directories in the project's cache: a freshly
 * initialised cluster (no initdb per run), and the cluster with the migrations replayed, keyed by a
 * hash of every script (no replay while the migrations are unchanged). Each run starts a copy.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    private static final List<String> NOT_COPIED = List.of("postmaster.pid", "postmaster.opts", "epg-lock");

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
            Files.createDirectories(cache);
            // what runs killed before they could clean up left behind: stopped and deleted first
            Orphans.reap(cache, "building-");
            Orphans.reap(Path.of(System.getProperty("java.io.tmpdir")), "diffgen-shadow-");
            String binaries = binariesKey();
            Path prepared = cache.resolve("shadow-" + hash(binaries + "\n" + stateKey));
            if (!Files.exists(prepared.resolve("postgresql.conf"))) {
                Path initialised = cache.resolve("initdb-" + hash(binaries));
                if (!Files.exists(initialised.resolve("postgresql.conf"))) {
                    Path building = Files.createTempDirectory(cache, "building-");
                    Orphans.claim(building);
                    begin(building).close();
                    publish(building, initialised);
                    Orphans.release(building);
                }
                Path building = Files.createTempDirectory(cache, "building-");
                Orphans.claim(building);
                copy(initialised, building);
                EmbeddedPostgres pg = begin(building);
                try (Connection c = pg.getPostgresDatabase().getConnection()) {
                    prepare.accept(c);
                } catch (SQLException e) {
                    throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "cannot prepare the shadow database: " + e.getMessage(), e);
                } finally {
                    pg.close();
                }
                removeOther(cache, "shadow-", prepared);
                publish(building, prepared);
                Orphans.release(building);
            }
            Path data = Files.createTempDirectory("diffgen-shadow-");
            Orphans.claim(data);
            copy(prepared, data);
            return new ThrowawayPostgres(begin(data), data);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static EmbeddedPostgres begin(Path data) throws IOException {
        EmbeddedBinaries.repairInterruptedUnpacks();
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
    }

    /** Moves a finished directory into place; if another process got there first, keeps theirs. */
    private static void publish(Path building, Path target) throws IOException {
        try {
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
            delete(building);
        }
    }

    private static void removeOther(Path cache, String prefix, Path keep) throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.equals(keep)).toList()) {
                delete(p);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (NOT_COPIED.contains(p.getFileName().toString())) continue;
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is cleaned by the OS
        }
    }

    /** Which PostgreSQL binaries are on the classpath: a cached cluster only fits the same version. */
    private static String binariesKey() {
        URL url = EmbeddedPostgres.class.getClassLoader().getResource("postgres-linux-x86_64.txz");
        return url == null ? System.getProperty("os.name") + System.getProperty("os.arch") : url.toString();
    }

    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DiffgenException failure(Exception e) {
        return new DiffgenException(DiffgenException.ErrorCode.DATABASE,
                "cannot start the embedded PostgreSQL used when no --url or DATABASE_URL is given: " + e.getMessage(), e);
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
        delete(dataDirectory);
        Orphans.release(dataDirectory);
    }
}
