import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * make bench, second part: what a revision does to the application's writes. The same model edit
 * (issue 12's: an FK column, NOT NULL, a UNIQUE, a changed CHECK, an index) on a table of ROWS rows, in
 * the blocking form ({@code revision --single-transaction}) and in the default online form, each applied
 * with {@code diffgen upgrade} as a process while a writer on 127.0.0.1 inserts and updates at a fixed
 * pace. Prints each form's longest and p99 write latency and the migration's time, and the ratios, and
 * writes target/bench/stalls.md. A benchmark: nothing here asserts a time.
 *
 * Run from the repository root after a build: java -cp "diffgen/target/lib/*" src/bench/Stall.java [ROWS]
 */
public class Stall {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path OUT = ROOT.resolve("target/bench");
    static final Path MODEL = ROOT.resolve("diffgen/target/test-classes");
    static final String EDIT = "io.diffgen.corpus.c44_busy_tables_online_forms.";
    /** one write every PACE_MICROS, for at most MAX_WRITES: a bounded loop */
    static final long PACE_MICROS = 2_000;
    static final int MAX_WRITES = 200_000;
    static EmbeddedPostgres server;

    record Result(String form, double migrationSeconds, int writes, double longestMs, double p99Ms, int changesets, List<String> progress,
                  double longestHoldMs, int holds) {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        if (!Files.isDirectory(MODEL.resolve("io/diffgen/corpus/c44_busy_tables_online_forms"))) {
            System.err.println("error: " + MODEL + " lacks the c44 corpus model: build first (make build)");
            System.exit(2);
        }
        Files.createDirectories(OUT);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_wal_size", "4GB").start();
        List<Result> results = new ArrayList<>();
        try {
            results.add(measure("blocking (--single-transaction)", "stall_blocking", rows, true));
            results.add(measure("online (default)", "stall_online", rows, false));
        } finally {
            server.close();
        }
        Result blocking = results.get(0);
        Result online = results.get(1);
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Write stalls while the revision runs: %,d rows in customer, one write (INSERT or UPDATE) due every %d ms from 127.0.0.1, timed from when it was due%n%n",
                rows, PACE_MICROS / 1000));
        table.append("| form | changesets | migration (s) | writes | longest write (ms) | p99 write (ms) | longest ACCESS EXCLUSIVE hold (ms) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %,d | %.1f | %.1f | %.1f (%d holds) |%n", r.form(), r.changesets(),
                    r.migrationSeconds(), r.writes(), r.longestMs(), r.p99Ms(), r.longestHoldMs(), r.holds()));
        }
        table.append(String.format(Locale.ROOT, "| online / blocking | | %.2fx | | %.3fx | %.3fx | %.3fx |%n", online.migrationSeconds() / blocking.migrationSeconds(),
                online.longestMs() / blocking.longestMs(), online.p99Ms() / blocking.p99Ms(), online.longestHoldMs() / blocking.longestHoldMs()));
        table.append(String.format(Locale.ROOT, "%nTarget: every write under 100 ms in the online form: %s (longest %.1f ms).%n",
                online.longestMs() < 100 ? "met" : "NOT met", online.longestMs()));
        table.append(String.format(Locale.ROOT, "Target: the online form's longest ACCESS EXCLUSIVE hold under 100 ms: %s (%.1f ms; polled about "
                + "every millisecond, so holds shorter than a poll can be missed).%n", online.longestHoldMs() < 100 ? "met" : "NOT met", online.longestHoldMs()));
        long withPercent = online.progress().stream().filter(l -> l.contains("% (")).count();
        table.append(String.format(Locale.ROOT, "%nProgress the online upgrade told (--progress-every 1), %d line(s) with a percent among:%n%n```%n%s%n```%n",
                withPercent, String.join("\n", online.progress())));
        System.out.println(table);
        Files.writeString(OUT.resolve("stalls.md"), table.toString());
        System.err.println("wrote " + OUT.resolve("stalls.md"));
    }

    static Result measure(String form, String db, int rows, boolean blocking) throws Exception {
        sql("postgres", "CREATE DATABASE " + db);
        Path work = Files.createTempDirectory(OUT, db + "-");
        Path migrations = work.resolve("migrations");
        diffgen(db, migrations, "v1", "revision", "--autogenerate", "-m", "v1", "--rev-id", "v1");
        diffgen(db, migrations, "v1", "upgrade");
        System.err.printf("%s: loading %,d rows%n", form, rows);
        sql(db, "INSERT INTO region (id, code) VALUES (1, 'EU'), (2, 'US')");
        sql(db, "INSERT INTO customer (id, email, name) SELECT n, 'c' || n || '@example.com', 'name ' || n FROM generate_series(1, " + rows + ") AS n");
        sql(db, "VACUUM ANALYZE customer");
        List<String> revision = new ArrayList<>(List.of("revision", "--autogenerate", "-m", "busy tables", "--rev-id", "v2"));
        if (blocking) revision.add("--single-transaction");
        diffgen(db, migrations, "v2", revision.toArray(String[]::new));
        int changesets;
        try (Stream<Path> files = Files.list(migrations.resolve("versions"))) {
            Path script = files.filter(f -> f.getFileName().toString().contains("_v2_")).findFirst().orElseThrow();
            changesets = (int) Files.readString(script).lines().filter(l -> l.startsWith("--changeset ")).count();
        }

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> write(db, rows, latencies, stop), "writer");
        writer.start();
        Thread.sleep(1000);
        AtomicBoolean upgraded = new AtomicBoolean();
        long[] holds = new long[2]; // longest ACCESS EXCLUSIVE hold on customer (ns), and how many there were
        Thread lockWatch = new Thread(() -> watchLocks(db, upgraded, holds), "lock-watch");
        lockWatch.start();
        long start = System.nanoTime();
        String told = diffgen(db, migrations, "v2", "upgrade", "--progress-every", "1");
        double seconds = (System.nanoTime() - start) / 1e9;
        upgraded.set(true);
        lockWatch.join();
        List<String> progress = told.lines().filter(l -> l.startsWith("[") || l.contains("% (")).toList();
        Thread.sleep(1000);
        stop.set(true);
        writer.join();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double longest = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6;
        double p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        System.err.printf(Locale.ROOT, "%s: migration %.2f s, %d writes, longest %.1f ms, p99 %.1f ms%n", form, seconds, sorted.size(), longest, p99);
        System.err.printf(Locale.ROOT, "%s: longest ACCESS EXCLUSIVE hold on customer %.1f ms (%d holds)%n", form, holds[0] / 1e6, holds[1]);
        return new Result(form, seconds, sorted.size(), longest, p99, changesets, progress, holds[0] / 1e6, (int) holds[1]);
    }

    /**
     * How long diffgen's session holds ACCESS EXCLUSIVE on customer, from the moment pg_locks first
     * shows it granted to the moment it is gone (the commit), polled every millisecond or so on a
     * connection of its own: the longest hold and the number of holds, into {@code holds}.
     */
    static void watchLocks(String db, AtomicBoolean done, long[] holds) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + db, "postgres", "");
             PreparedStatement held = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                     + "WHERE l.relation = 'customer'::regclass AND l.mode = 'AccessExclusiveLock' AND l.granted AND a.application_name = 'diffgen')")) {
            long since = 0;
            while (!done.get()) {
                boolean now;
                try (var rs = held.executeQuery()) {
                    rs.next();
                    now = rs.getBoolean(1);
                }
                long t = System.nanoTime();
                if (now && since == 0) {
                    since = t;
                } else if (!now && since != 0) {
                    holds[0] = Math.max(holds[0], t - since);
                    holds[1]++;
                    since = 0;
                }
                TimeUnit.MICROSECONDS.sleep(500);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the lock watch failed: " + e.getMessage(), e);
        }
    }

    /**
     * Paced writes until told to stop or MAX_WRITES, each timed from when it was due to its commit: a
     * write held up by a lock delays those due after it too, as it would a queue of application
     * requests (no coordinated omission).
     */
    static void write(String db, int rows, List<Long> latencies, AtomicBoolean stop) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + db, "postgres", "");
             PreparedStatement insert = c.prepareStatement("INSERT INTO customer (id, email, name) VALUES (?, ?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE customer SET name = ? WHERE id = ?")) {
            long next = System.nanoTime();
            int id = rows;
            for (int i = 0; i < MAX_WRITES && !stop.get(); i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                long due = next;
                if (i % 2 == 0) {
                    id++;
                    insert.setInt(1, id);
                    insert.setString(2, "w" + id + "@example.com");
                    insert.setString(3, "writer " + id);
                    insert.executeUpdate();
                } else {
                    update.setString(1, "updated " + i);
                    update.setInt(2, 1 + ThreadLocalRandom.current().nextInt(rows));
                    update.executeUpdate();
                }
                latencies.add(System.nanoTime() - due);
                next += PACE_MICROS * 1000;
            }
        } catch (Exception e) {
            throw new IllegalStateException("the writer failed: " + e.getMessage(), e);
        }
    }

    /** What the command printed (stdout and stderr); fails the benchmark if it failed. */
    static String diffgen(String db, Path migrations, String version, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "-jar", ROOT.resolve("diffgen/target/diffgen.jar").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--url", "postgresql://postgres@127.0.0.1:" + server.getPort() + "/" + db, "--migrations", migrations.toString(),
                "--model-package", EDIT + version, "--model-classpath", MODEL.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }

    static void sql(String db, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + db, "postgres", "");
             var s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
