package io.diffgen.catalog;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The catalog read on a stock server, where JIT is on: the embedded binaries the other tests use are
 * built without it, Debian's PostgreSQL (and most managed ones) with it. Here every plan is compiled
 * (the JIT cost thresholds at zero), and pg_stat_statements counts the functions JIT made per query.
 * Skipped where no such server is installed.
 */
@Tag("postgres")
class JitServerTest {

    /** A Debian PostgreSQL server whose JIT provider is installed, if there is one. */
    static Optional<Path> serverWithJit() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) return Optional.empty();
        try (Stream<Path> each = Files.list(versions)) {
            return each.filter(v -> Files.isExecutable(v.resolve("bin/postgres")) && Files.exists(v.resolve("lib/llvmjit.so")))
                    .max(Comparator.naturalOrder()).map(v -> v.resolve("bin"));
        }
    }

    @Test
    void theCatalogIsReadWithJitOffAndTheSessionsSettingIsPutBack() throws Exception {
        Optional<Path> bin = serverWithJit();
        assumeTrue(bin.isPresent(), "no PostgreSQL server with JIT installed (Debian's postgresql package)");
        Path dir = Files.createTempDirectory("diffgen-jit");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            if (root) run(List.of("chown", "postgres", dir.toString()), false);
            run(List.of(bin.get().resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--no-sync"), root);
            run(List.of(bin.get().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                    "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=localhost -c jit=on -c jit_above_cost=0"
                            + " -c jit_inline_above_cost=0 -c jit_optimize_above_cost=0 -c shared_preload_libraries=pg_stat_statements",
                    "start"), root);
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION pg_stat_statements");
                s.execute("CREATE TABLE author (id bigint PRIMARY KEY, name varchar(80) NOT NULL UNIQUE)");
                s.execute("CREATE TABLE book (id bigint PRIMARY KEY, author_id bigint REFERENCES author, title text CHECK (title <> ''))");
                s.execute("CREATE INDEX ix_book_title ON book (lower(title))");
                s.execute("SELECT pg_stat_statements_reset()");
                // the server compiles a catalog join of its own: it can, so a zero below means something
                s.execute("SELECT count(*) FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid");

                assertEquals(2, new PgCatalogReader(c).readCurrentSchema().tables().size());

                assertEquals("on", value(s, "SHOW jit"), "the session's setting is put back");
                assertTrue(Long.parseLong(value(s, "SELECT sum(jit_functions) FROM pg_stat_statements WHERE query LIKE 'SELECT count(*) FROM pg_class%'")) > 0,
                        "this server compiles with JIT");
                // the reader's own catalog queries (not the test's join, nor the settings it reads and sets)
                List<String> compiled = new ArrayList<>();
                int read = 0;
                try (ResultSet rs = s.executeQuery("SELECT query, jit_functions FROM pg_stat_statements WHERE query ~ 'pg_(namespace|attribute|constraint|index)'"
                        + " AND query NOT LIKE 'SELECT count(*) FROM pg_class%'")) {
                    while (rs.next()) {
                        read++;
                        if (rs.getLong(2) > 0) compiled.add(rs.getString(1));
                    }
                }
                assertTrue(read >= 5, "the catalog queries are recorded: " + read);
                assertEquals(List.of(), compiled, "catalog queries compiled with JIT");
            }
        } finally {
            try {
                run(List.of(bin.get().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop"), root);
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static String value(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A server program, as the postgres user where the test runs as root (PostgreSQL refuses root). */
    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
    }
}
