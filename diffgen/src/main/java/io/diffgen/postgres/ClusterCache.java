package io.diffgen.postgres;

import io.diffgen.DiffgenException;
import io.diffgen.cache.CacheKey;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The data directories that make a {@link ThrowawayPostgres} cheap to start, kept in the project's cache
 * folder: a freshly initialised cluster (no initdb per run), and per state a cluster with that state
 * prepared (the migrations replayed, keyed by a hash of every script: no replay while they are unchanged).
 * Each is built in a private folder and renamed into place, so runs at once share them safely; a state
 * no run has started from for an hour is pruned.
 */
final class ClusterCache {
    private static final Duration UNUSED_FOR = Duration.ofHours(1);
    private static final List<String> NOT_COPIED = List.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private final Path cache;

    ClusterCache(Path cache) {
        this.cache = cache;
    }

    /** What runs killed before they could clean up left behind here: stopped and deleted. */
    void reapOrphans() throws IOException {
        Files.createDirectories(cache);
        Orphans.reap(cache, "building-");
    }

    /**
     * Fills {@code data} with the cluster that {@code prepare} makes of an empty one, cached by {@code stateKey}
     * (a hash of everything {@code prepare} depends on), and prunes the states no run has used lately.
     */
    void copyInto(Path data, String stateKey, Consumer<Connection> prepare) throws IOException {
        String binaries = binariesKey();
        Path prepared = cache.resolve("shadow-" + CacheKey.hash(binaries + "\n" + stateKey));
        copyPrepared(binaries, prepared, prepare, data);
        pruneUnused("shadow-", prepared);
    }

    /** The cached cluster for this state copied into {@code data}, built first if no run has built it yet. */
    private void copyPrepared(String binaries, Path prepared, Consumer<Connection> prepare, Path data) throws IOException {
        for (int attempt = 1; ; attempt++) {
            ensurePrepared(binaries, prepared, prepare);
            try {
                copy(prepared, data);
                return;
            } catch (NoSuchFileException vanished) {
                // pruned by another run between our check and our copy: build it again, once
                if (attempt == 2) throw vanished;
                DataDirectory.delete(data);
                Files.createDirectories(data);
            }
        }
    }

    /** The cached cluster for this state, built (from the cached initdb) if no run has built it yet. */
    private void ensurePrepared(String binaries, Path prepared, Consumer<Connection> prepare) throws IOException {
        if (!Files.exists(prepared.resolve("postgresql.conf"))) {
            Path initialised = cache.resolve("initdb-" + CacheKey.hash(binaries));
            if (!Files.exists(initialised.resolve("postgresql.conf"))) {
                build(initialised, building -> ThrowawayPostgres.serverOn(building).close());
            }
            build(prepared, building -> {
                copy(initialised, building);
                EmbeddedPostgres pg = ThrowawayPostgres.serverOn(building);
                try (Connection c = pg.getPostgresDatabase().getConnection()) {
                    prepare.accept(c);
                } catch (SQLException e) {
                    throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "cannot prepare the shadow database: " + e.getMessage(), e);
                } finally {
                    pg.close();
                }
            });
        }
        markUsed(prepared);
    }

    private interface Builder {
        void fill(Path building) throws IOException;
    }

    /**
     * Fills a private folder and moves it into place in one rename, so no run ever sees a half-made
     * cluster; when two runs build the same one at once, the first rename wins and the other's copy
     * is deleted. A failed build leaves nothing behind.
     */
    private void build(Path target, Builder builder) throws IOException {
        Path building = Files.createTempDirectory(cache, "building-");
        Orphans.claim(building);
        try {
            builder.fill(building);
            try {
                Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException renameFailed) {
                // Linux reports a rename onto a non-empty folder as a bare "Directory not empty"
                if (!Files.exists(target.resolve("postgresql.conf"))) throw renameFailed;
            }
        } finally {
            DataDirectory.deleteQuietly(building);
            Orphans.release(building);
        }
    }

    /** A cached cluster's folder time is when a run last started from it. */
    private static void markUsed(Path prepared) {
        try {
            Files.setLastModifiedTime(prepared, FileTime.from(Instant.now()));
        } catch (IOException ignored) {
            // pruned meanwhile: the copy finds out and builds it again
        }
    }

    /**
     * Deletes cached clusters of other migration states that no run has started from for an hour.
     * Another migrations folder sharing this cache uses its own state right now, and must keep it.
     * A folder is renamed aside before it is deleted, so a run that starts from it sees it whole or not at all.
     */
    private void pruneUnused(String prefix, Path keep) throws IOException {
        Instant cutoff = Instant.now().minus(UNUSED_FOR);
        try (Stream<Path> entries = Files.list(cache)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.equals(keep)).toList()) {
                try {
                    if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                        Path aside = cache.resolve("pruned-" + p.getFileName() + "-" + ProcessHandle.current().pid());
                        Files.move(p, aside, StandardCopyOption.ATOMIC_MOVE);
                        DataDirectory.deleteQuietly(aside);
                    }
                } catch (IOException alreadyGone) {
                    // another run pruned or used it first
                }
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

    /** Which PostgreSQL binaries are on the classpath: a cached cluster only fits the same version. */
    private static String binariesKey() {
        URL url = EmbeddedPostgres.class.getClassLoader().getResource("postgres-linux-x86_64.txz");
        return url == null ? System.getProperty("os.name") + System.getProperty("os.arch") : url.toString();
    }
}
