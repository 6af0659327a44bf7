import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * make bench, second part: what a revision does to the application's writes.
 * <ul>
 * <li>The same model edit (issue 12's: an FK column, NOT NULL, a UNIQUE, a changed CHECK, an index) on a
 * table of ROWS rows, in the blocking form ({@code revision --single-transaction}) and in the default
 * online form, each applied with {@code diffgen upgrade} as a process while a writer on 127.0.0.1 inserts
 * and updates at a fixed pace.</li>
 * <li>A rolling deploy of issue 24's edit (int to bigint, a column rename, a NOT NULL column dropped) on
 * ROWS rows with {@code revision --expand-contract}: a writer with the old version's columns runs through
 * {@code upgrade} (the expand), a writer with the new version's columns joins it (the deploy), the old one
 * stops, and {@code contract} runs under the new one.</li>
 * </ul>
 * Prints each writer's longest and p99 write latency and failed statements, phase by phase, the longest
 * ACCESS EXCLUSIVE hold and the migrations' times, and writes target/bench/stalls.md. A benchmark:
 * nothing here asserts a time.
 *
 * Run from the repository root after a build: java -cp "diffgen/target/lib/*" src/bench/Stall.java [ROWS [rolling]]
 * (with "rolling", only the rolling deploy)
 */
public class Stall {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path OUT = ROOT.resolve("target/bench");
    static final Path MODEL = ROOT.resolve("diffgen/target/test-classes");
    static final String BUSY_TABLES = "io.diffgen.corpus.c44_busy_tables_online_forms.";
    static final String ROLLING = "io.diffgen.expandcontract.";
    /** one write every PACE_MICROS per writer, for at most MAX_WRITES: a bounded loop */
    static final long PACE_MICROS = 2_000;
    static final int MAX_WRITES = 400_000;
    static EmbeddedPostgres server;

    record Result(String form, double migrationSeconds, Stats writes, int changesets, List<String> progress, Hold hold) {
    }

    /** The longest ACCESS EXCLUSIVE hold diffgen's session had on the table, and how many holds there were. */
    record Hold(double longestMs, int count) {
    }

    /** A writer's writes in one phase: how many, how many of them failed, the longest and the p99 latency. */
    record Stats(int writes, int failed, double longestMs, double p99Ms, String firstFailure) {
    }

    record RollingPhase(String form, String phase, String ran, double seconds, Hold hold, Map<String, Stats> byWriter) {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        for (String model : List.of(BUSY_TABLES, ROLLING)) {
            if (!Files.isDirectory(MODEL.resolve(model.replace('.', '/')))) {
                System.err.println("error: " + MODEL + " lacks the model " + model + "*: build first (make build)");
                System.exit(2);
            }
        }
        Files.createDirectories(OUT);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_wal_size", "4GB").start();
        boolean onlyRolling = args.length > 1 && args[1].equals("rolling");
        List<Result> results = new ArrayList<>();
        List<RollingPhase> rolling;
        try {
            if (!onlyRolling) {
                results.add(measure("blocking (--single-transaction)", "stall_blocking", rows, true));
                results.add(measure("online (default)", "stall_online", rows, false));
            }
            rolling = new ArrayList<>(rollingDeploy(rows, false));
            rolling.addAll(rollingDeploy(rows, true));
        } finally {
            server.close();
        }
        if (onlyRolling) {
            System.out.println(rollingTable(rows, rolling));
            return;
        }
        Result blocking = results.get(0);
        Result online = results.get(1);
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Write stalls while the revision runs: %,d rows in customer, one write (INSERT or UPDATE) due every %d ms from 127.0.0.1, timed from when it was due%n%n",
                rows, PACE_MICROS / 1000));
        table.append("| form | changesets | migration (s) | writes | failed | longest write (ms) | p99 write (ms) | longest ACCESS EXCLUSIVE hold (ms) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %,d | %d | %.1f | %.1f | %.1f (%d holds) |%n", r.form(), r.changesets(),
                    r.migrationSeconds(), r.writes().writes(), r.writes().failed(), r.writes().longestMs(), r.writes().p99Ms(), r.hold().longestMs(), r.hold().count()));
        }
        table.append(String.format(Locale.ROOT, "| online / blocking | | %.2fx | | | %.3fx | %.3fx | %.3fx |%n", online.migrationSeconds() / blocking.migrationSeconds(),
                online.writes().longestMs() / blocking.writes().longestMs(), online.writes().p99Ms() / blocking.writes().p99Ms(),
                online.hold().longestMs() / blocking.hold().longestMs()));
        table.append(String.format(Locale.ROOT, "%nTarget: every write under 100 ms in the online form: %s (longest %.1f ms).%n",
                online.writes().longestMs() < 100 ? "met" : "NOT met", online.writes().longestMs()));
        table.append(String.format(Locale.ROOT, "Target: the online form's longest ACCESS EXCLUSIVE hold under 100 ms: %s (%.1f ms; polled about "
                + "every millisecond, so holds shorter than a poll can be missed).%n", online.hold().longestMs() < 100 ? "met" : "NOT met", online.hold().longestMs()));
        long withPercent = online.progress().stream().filter(l -> l.contains("% (")).count();
        table.append(String.format(Locale.ROOT, "%nProgress the online upgrade told (--progress-every 1), %d line(s) with a percent among:%n%n```%n%s%n```%n",
                withPercent, String.join("\n", online.progress())));
        table.append(rollingTable(rows, rolling));
        System.out.println(table);
        Files.writeString(OUT.resolve("stalls.md"), table.toString());
        System.err.println("wrote " + OUT.resolve("stalls.md"));
    }

    static Result measure(String form, String db, int rows, boolean blocking) throws Exception {
        sql("postgres", "CREATE DATABASE " + db);
        Path work = Files.createTempDirectory(OUT, db + "-");
        Path migrations = work.resolve("migrations");
        diffgen(db, migrations, BUSY_TABLES + "v1", "revision", "--autogenerate", "-m", "v1", "--rev-id", "v1");
        diffgen(db, migrations, BUSY_TABLES + "v1", "upgrade");
        System.err.printf("%s: loading %,d rows%n", form, rows);
        sql(db, "INSERT INTO region (id, code) VALUES (1, 'EU'), (2, 'US')");
        sql(db, "INSERT INTO customer (id, email, name) SELECT n, 'c' || n || '@example.com', 'name ' || n FROM generate_series(1, " + rows + ") AS n");
        sql(db, "VACUUM ANALYZE customer");
        List<String> revision = new ArrayList<>(List.of("revision", "--autogenerate", "-m", "busy tables", "--rev-id", "v2"));
        if (blocking) revision.add("--single-transaction");
        diffgen(db, migrations, BUSY_TABLES + "v2", revision.toArray(String[]::new));
        int changesets;
        try (Stream<Path> files = Files.list(migrations.resolve("versions"))) {
            Path script = files.filter(f -> f.getFileName().toString().contains("_v2_")).findFirst().orElseThrow();
            changesets = (int) Files.readString(script).lines().filter(l -> l.startsWith("--changeset ")).count();
        }

        Writer writer = new Writer(db, "writer", "INSERT INTO customer (id, email, name) SELECT n, 'w' || n || '@example.com', 'writer ' || n FROM (VALUES (?)) AS v(n)",
                "UPDATE customer SET name = 'updated ' || clock_timestamp() WHERE id = ?", rows + 1, rows, "upgrade");
        writer.start();
        Thread.sleep(1000);
        Timed upgrade = timed(db, "customer", () -> diffgen(db, migrations, BUSY_TABLES + "v2", "upgrade", "--progress-every", "1"));
        List<String> progress = upgrade.told().lines().filter(l -> l.startsWith("[") || l.contains("% (")).toList();
        Thread.sleep(1000);
        writer.stop();
        Stats stats = writer.stats("upgrade");
        System.err.printf(Locale.ROOT, "%s: migration %.2f s, %d writes, %d failed, longest %.1f ms, p99 %.1f ms%n", form, upgrade.seconds(), stats.writes(),
                stats.failed(), stats.longestMs(), stats.p99Ms());
        System.err.printf(Locale.ROOT, "%s: longest ACCESS EXCLUSIVE hold on customer %.1f ms (%d holds)%n", form, upgrade.hold().longestMs(), upgrade.hold().count());
        return new Result(form, upgrade.seconds(), stats, changesets, progress, upgrade.hold());
    }

    /**
     * A rolling deploy of issue 24's edit on {@code rows} rows, as one revision (the baseline) or as an
     * expand/contract pair: the old version's writer runs through {@code upgrade}, the new version's
     * joins it (the deploy), the old one stops, the contract (if any) runs under the new one, and
     * {@code check} against the new entities must then be clean with no row lost.
     */
    static List<RollingPhase> rollingDeploy(int rows, boolean expandContract) throws Exception {
        String form = expandContract ? "expand/contract" : "one revision";
        String db = expandContract ? "stall_expand_contract" : "stall_one_revision";
        sql("postgres", "CREATE DATABASE " + db);
        Path migrations = Files.createTempDirectory(OUT, db + "-").resolve("migrations");
        diffgen(db, migrations, ROLLING + "v1", "revision", "--autogenerate", "-m", "v1", "--rev-id", "v1");
        diffgen(db, migrations, ROLLING + "v1", "upgrade");
        System.err.printf("rolling deploy, %s: loading %,d rows%n", form, rows);
        sql(db, "INSERT INTO reading (id, counter, label, note, legacy) SELECT n, n, 'label ' || n, NULL, 'x' FROM generate_series(1, " + rows + ") AS n");
        sql(db, "VACUUM ANALYZE reading");
        List<String> revision = new ArrayList<>(List.of("revision", "--autogenerate", "-m", "rolling", "--rev-id", "v2"));
        if (expandContract) revision.add("--expand-contract");
        diffgen(db, migrations, ROLLING + "v2", revision.toArray(String[]::new));

        Writer old = new Writer(db, "old entities", "INSERT INTO reading (id, counter, label, note, legacy) SELECT n, n, 'old ' || n, NULL, 'x' FROM (VALUES (?)) AS v(n)",
                "UPDATE reading SET label = 'old edit ' || id, counter = counter + 1 WHERE id = ?", rows + 1, rows, "before");
        Writer current = new Writer(db, "new entities", "INSERT INTO reading (id, counter, title, note, tag) SELECT n, n, 'new ' || n, NULL, 't' FROM (VALUES (?)) AS v(n)",
                "UPDATE reading SET title = 'new edit ' || id, counter = counter + 1 WHERE id = ?", rows + 1L + MAX_WRITES, rows, "deploy");
        String upgradePhase = expandContract ? "expand" : "upgrade";
        old.start();
        Thread.sleep(1000);
        old.phase(upgradePhase);
        System.err.printf("rolling deploy, %s: upgrade under the old version's writes%n", form);
        Timed upgrade = timed(db, "reading", () -> diffgen(db, migrations, ROLLING + "v2", "upgrade"));
        Thread.sleep(1000);
        old.phase("deploy");
        System.err.printf("rolling deploy, %s: the new version joins, the old one leaves%n", form);
        current.start();
        Thread.sleep(3000);
        old.stop();
        Timed contract = null;
        if (expandContract) {
            current.phase("contract");
            System.err.printf("rolling deploy, %s: contract under the new version's writes%n", form);
            contract = timed(db, "reading", () -> diffgen(db, migrations, ROLLING + "v2", "contract"));
        }
        current.phase("after");
        Thread.sleep(1000);
        current.stop();
        diffgen(db, migrations, ROLLING + "v2", "check");
        long expected = rows + old.inserted() + current.inserted();
        long found = count(db, "SELECT count(*) FROM reading");
        if (found != expected) {
            throw new IllegalStateException("the rolling deploy lost rows: " + found + " in reading, " + expected + " written");
        }
        List<RollingPhase> phases = new ArrayList<>();
        phases.add(new RollingPhase(form, upgradePhase, "upgrade", upgrade.seconds(), upgrade.hold(), Map.of(old.name, old.stats(upgradePhase))));
        phases.add(new RollingPhase(form, "deploy (both versions)", "", 0, null, both(old.name, old.stats("deploy"), current.name, current.stats("deploy"))));
        if (contract != null) {
            phases.add(new RollingPhase(form, "contract", "contract", contract.seconds(), contract.hold(), Map.of(current.name, current.stats("contract"))));
        }
        phases.add(new RollingPhase(form, "after", "", 0, null, Map.of(current.name, current.stats("after"))));
        return phases;
    }

    static Map<String, Stats> both(String a, Stats aStats, String b, Stats bStats) {
        Map<String, Stats> both = new LinkedHashMap<>();
        both.put(a, aStats);
        both.put(b, bStats);
        return both;
    }

    static String rollingTable(int rows, List<RollingPhase> phases) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%nA rolling deploy: %,d rows in reading, counter int to bigint, label renamed title, "
                + "legacy (NOT NULL) dropped, tag added, as one revision and with revision --expand-contract; each writer one write (INSERT or UPDATE) "
                + "due every %d ms with its version's columns, timed from when it was due%n%n", rows, PACE_MICROS / 1000));
        table.append("| revision | phase | command | time (s) | writer | writes | failed | longest write (ms) | p99 write (ms) | longest ACCESS EXCLUSIVE hold (ms) |\n"
                + "|---|---|---|---:|---|---:|---:|---:|---:|---:|\n");
        Map<String, double[]> worst = new LinkedHashMap<>(); // per form: longest write, failed statements
        for (RollingPhase p : phases) {
            for (Map.Entry<String, Stats> w : p.byWriter().entrySet()) {
                Stats s = w.getValue();
                double[] form = worst.computeIfAbsent(p.form(), k -> new double[2]);
                form[0] = Math.max(form[0], s.longestMs());
                form[1] += s.failed();
                table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %,d | %d | %.1f | %.1f | %s |%n", p.form(), p.phase(), p.ran(),
                        p.ran().isEmpty() ? "" : String.format(Locale.ROOT, "%.2f", p.seconds()), w.getKey(), s.writes(), s.failed(), s.longestMs(), s.p99Ms(),
                        p.hold() == null ? "" : String.format(Locale.ROOT, "%.1f (%d holds)", p.hold().longestMs(), p.hold().count())));
                if (s.failed() > 0) {
                    table.append(String.format("|  |  |  |  | first failure: %s |  |  |  |  |  |%n", s.firstFailure().replace('|', '/')));
                }
            }
        }
        double[] split = worst.get("expand/contract");
        double[] single = worst.get("one revision");
        if (single != null) {
            table.append(String.format(Locale.ROOT, "%nexpand/contract / one revision: longest write %.3fx, failed statements %,d vs %,d.%n",
                    split[0] / single[0], (long) split[1], (long) single[1]));
        }
        table.append(String.format(Locale.ROOT, "%nTarget: with expand/contract, every write under 100 ms and no failed statement from the old version "
                + "through the expand nor from the new one from the deploy on: %s (longest %.1f ms, %d failed).%n",
                split[0] < 100 && split[1] == 0 ? "met" : "NOT met", split[0], (long) split[1]));
        return table.toString();
    }

    interface Command {
        String run() throws Exception;
    }

    record Timed(String told, double seconds, Hold hold) {
    }

    /** Runs a diffgen command while watching its ACCESS EXCLUSIVE holds on {@code table}. */
    static Timed timed(String db, String table, Command command) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        long[] holds = new long[2];
        Thread lockWatch = new Thread(() -> watchLocks(db, table, done, holds), "lock-watch");
        lockWatch.start();
        long start = System.nanoTime();
        try {
            String told = command.run();
            return new Timed(told, (System.nanoTime() - start) / 1e9, new Hold(holds[0] / 1e6, (int) holds[1]));
        } finally {
            done.set(true);
            lockWatch.join();
        }
    }

    /**
     * How long diffgen's session holds ACCESS EXCLUSIVE on {@code table}, from the moment pg_locks first
     * shows it granted to the moment it is gone (the commit), polled every millisecond or so on a
     * connection of its own: the longest hold and the number of holds, into {@code holds}.
     */
    static void watchLocks(String db, String table, AtomicBoolean done, long[] holds) {
        try (Connection c = connect(db);
             PreparedStatement held = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                     + "WHERE l.relation = to_regclass(?) AND l.mode = 'AccessExclusiveLock' AND l.granted AND a.application_name = 'diffgen')")) {
            held.setString(1, table);
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
     * Paced writes with one application version's statements, an INSERT of a new id and an UPDATE of a
     * random existing row by turns, each taking the id as its one parameter, until stopped or MAX_WRITES.
     * Each write is timed from when it was due to its commit, so one held up by a lock delays those due
     * after it too, as it would a queue of application requests (no coordinated omission), and is filed
     * under the phase the run was in when it was due, failed or not. A failed statement is counted and the writer goes on.
     */
    static final class Writer {
        final String db;
        final String name;
        final String insert;
        final String update;
        final long firstId;
        final int rows;
        final Map<String, List<Long>> latencies = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, List<String>> failures = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicBoolean stopped = new AtomicBoolean();
        volatile String phase;
        volatile long inserted;
        volatile Exception broken;
        Thread thread;

        Writer(String db, String name, String insert, String update, long firstId, int rows, String phase) {
            this.db = db;
            this.name = name;
            this.insert = insert;
            this.update = update;
            this.firstId = firstId;
            this.rows = rows;
            this.phase = phase;
        }

        void start() {
            thread = new Thread(this::run, name);
            thread.start();
        }

        void phase(String now) {
            phase = now;
        }

        long inserted() {
            return inserted;
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            thread.join();
            if (broken != null) throw new IllegalStateException("the writer '" + name + "' broke: " + broken.getMessage(), broken);
        }

        Stats stats(String of) {
            List<Long> sorted = new ArrayList<>(latencies.getOrDefault(of, List.of()));
            Collections.sort(sorted);
            List<String> failed = failures.getOrDefault(of, List.of());
            double longest = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6;
            double p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
            return new Stats(sorted.size(), failed.size(), longest, p99, failed.isEmpty() ? "" : failed.get(0));
        }

        private void run() {
            try (Connection c = connect(db); PreparedStatement insertNext = c.prepareStatement(insert); PreparedStatement updateOne = c.prepareStatement(update)) {
                long next = System.nanoTime();
                long id = firstId;
                for (int i = 0; i < MAX_WRITES && !stopped.get(); i++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                    long due = next;
                    String in = phase;
                    try {
                        if (i % 2 == 0) {
                            insertNext.setLong(1, id);
                            insertNext.executeUpdate();
                            id++;
                            inserted++;
                        } else {
                            updateOne.setLong(1, 1 + ThreadLocalRandom.current().nextInt(rows));
                            updateOne.executeUpdate();
                        }
                    } catch (SQLException e) {
                        failures.computeIfAbsent(in, k -> Collections.synchronizedList(new ArrayList<>())).add(e.getMessage().lines().findFirst().orElse(""));
                    }
                    latencies.computeIfAbsent(in, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - due);
                    next += PACE_MICROS * 1000;
                }
            } catch (Exception e) {
                broken = e;
            }
        }
    }

    /** What the command printed (stdout and stderr); fails the benchmark if it failed. */
    static String diffgen(String db, Path migrations, String modelPackage, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "-jar", ROOT.resolve("diffgen/target/diffgen.jar").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--url", "postgresql://postgres@127.0.0.1:" + server.getPort() + "/" + db, "--migrations", migrations.toString(),
                "--model-package", modelPackage, "--model-classpath", MODEL.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }

    static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + db, "postgres", "");
    }

    static void sql(String db, String statement) throws Exception {
        try (Connection c = connect(db); var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static long count(String db, String query) throws Exception {
        try (Connection c = connect(db); var s = c.createStatement(); var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
