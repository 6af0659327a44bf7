import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * make bench: whole diffgen processes, as a user runs them, on models of N entities (15 = PixCrawler,
 * then synthetic models with a 1000-long FK chain), against stock liquibase diff-changelog with the
 * liquibase-hibernate6 reference on the same schema, in the same run. Prints a table with ratios and
 * writes target/bench/results.json. A benchmark, not a test: nothing here asserts a time.
 *
 * Run from the repository root: java -cp "diffgen/target/lib/*" src/bench/Bench.java [15,300,1000]
 * System properties: runs (default 5), baselineRuns (default 3), baselineMax (largest N for the baseline, default 1000).
 */
public class Bench {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path OUT = ROOT.resolve("target/bench");
    static final int RUNS = Integer.getInteger("runs", 5);
    static final int BASELINE_RUNS = Integer.getInteger("baselineRuns", 3);
    static final int BASELINE_MAX = Integer.getInteger("baselineMax", 1000);

    record Sample(double seconds, long peakRssKb, long statements, String catalogQueries) {
    }

    record Row(int n, String command, List<Sample> samples, Double baselineMedian) {
        double median() {
            return Bench.median(samples.stream().map(Sample::seconds).toList());
        }

        double min() {
            return samples.stream().mapToDouble(Sample::seconds).min().orElse(0);
        }

        double max() {
            return samples.stream().mapToDouble(Sample::seconds).max().orElse(0);
        }

        long peakRssMb() {
            return samples.stream().mapToLong(Sample::peakRssKb).max().orElse(0) / 1024;
        }
    }

    static EmbeddedPostgres server;
    static int dbCounter;
    static final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length > 0
                ? Stream.of(args[0].split(",")).map(String::strip).map(Integer::parseInt).toList()
                : List.of(15, 300, 1000);
        Files.createDirectories(OUT);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        server = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "top")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("max_locks_per_transaction", "1024")
                .start();
        sql("postgres", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        Path baselineLib = ROOT.resolve("target/bench-lib");
        boolean baseline = Files.isDirectory(baselineLib);
        if (!baseline) {
            System.err.println("target/bench-lib is missing: run 'make bench' to include the Liquibase baseline");
        }

        List<Row> rows = new ArrayList<>();
        for (int n : sizes) {
            Model model = n == 15 ? pixcrawler() : synthetic(n);
            System.err.printf("N=%d: %s%n", n, model.pkg());
            rows.addAll(measure(model, baseline && n <= BASELINE_MAX ? baselineLib : null));
        }
        server.close();
        String table = table(rows) + (failures.isEmpty() ? "" : "\n" + String.join("\n", failures) + "\n");
        System.out.println(table);
        Files.writeString(OUT.resolve("results.json"), json(rows));
        Files.writeString(OUT.resolve("results.md"), table);
        System.err.println("wrote " + OUT.resolve("results.json") + " and results.md");
    }

    record Model(int n, String pkg, Path classes) {
    }

    static Model pixcrawler() {
        return new Model(15, "io.pixcrawler.model", ROOT.resolve("model/target/classes"));
    }

    /** N entities of 8 columns of mixed types, one index each, and an FK to the previous one with ON DELETE CASCADE. */
    static Model synthetic(int n) throws IOException {
        String pkg = "bench.n" + n;
        Path src = OUT.resolve("model-" + n + "/src");
        Path classes = OUT.resolve("model-" + n + "/classes");
        if (Files.exists(classes.resolve("hibernate.cfg.xml"))) {
            return new Model(n, pkg, classes);
        }
        Path dir = src.resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        Files.createDirectories(classes);
        List<Path> files = new ArrayList<>();
        StringBuilder cfg = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hibernate-configuration>\n<session-factory>\n"
                + "<property name=\"hibernate.dialect\">org.hibernate.dialect.PostgreSQLDialect</property>\n");
        for (int i = 1; i <= n; i++) {
            String name = String.format("E%04d", i);
            String table = name.toLowerCase(Locale.ROOT);
            String parent = i == 1 ? "" : String.format("""
                        @ManyToOne(fetch = FetchType.LAZY)
                        @JoinColumn(name = "parent_id", foreignKey = @ForeignKey(name = "fk_%s_parent"))
                        @OnDelete(action = OnDeleteAction.CASCADE)
                        E%04d parent;
                    """, table, i - 1);
            String source = String.format("""
                    package %s;

                    import jakarta.persistence.*;
                    import org.hibernate.annotations.ColumnDefault;
                    import org.hibernate.annotations.OnDelete;
                    import org.hibernate.annotations.OnDeleteAction;
                    import java.math.BigDecimal;
                    import java.time.Instant;

                    @Entity
                    @Table(name = "%s", indexes = @Index(name = "ix_%s_name", columnList = "name"))
                    public class %s {
                        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) @Column(name = "id") Long id;
                        @Column(name = "name", length = 100, nullable = false) String name;
                        @Column(name = "description", columnDefinition = "text") String description;
                        @Column(name = "amount", precision = 12, scale = 2) BigDecimal amount;
                        @ColumnDefault("0") @Column(name = "quantity", nullable = false) Integer quantity;
                        @ColumnDefault("false") @Column(name = "active", nullable = false) Boolean active;
                        @ColumnDefault("now()") @Column(name = "created_at", nullable = false) Instant createdAt;
                        @Column(name = "ratio") Double ratio;
                    %s}
                    """, pkg, table, table, name, parent);
            Path file = dir.resolve(name + ".java");
            Files.writeString(file, source);
            files.add(file);
            cfg.append("<mapping class=\"").append(pkg).append('.').append(name).append("\"/>\n");
        }
        cfg.append("</session-factory>\n</hibernate-configuration>\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "-nowarn"));
        files.forEach(f -> options.add(f.toString()));
        if (javac.run(null, null, null, options.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("could not compile the synthetic model");
        }
        Files.writeString(classes.resolve("hibernate.cfg.xml"), cfg.toString());
        return new Model(n, pkg, classes);
    }

    static List<Row> measure(Model model, Path baselineLib) throws Exception {
        List<Row> rows = new ArrayList<>();
        List<Sample> autogenerate = new ArrayList<>();
        List<Sample> upgrade = new ArrayList<>();
        List<Sample> check = new ArrayList<>();
        List<Sample> current = new ArrayList<>();
        Path migrations = null;
        String headDb = null;
        for (int i = 0; i < RUNS; i++) {
            String db = newDatabase();
            Path dir = Files.createTempDirectory(OUT, "project-").resolve("migrations");
            Files.createDirectories(dir);
            autogenerate.add(run(db, diffgen(db, dir, model, "revision", "--autogenerate", "-m", "initial")));
            upgrade.add(run(db, diffgen(db, dir, model, "upgrade", "head")));
            migrations = dir;
            headDb = db;
        }
        List<Sample> coldCheck = new ArrayList<>();
        for (int i = 0; i < Math.min(3, RUNS); i++) {
            // a fresh project folder: no model or canonical-form cache
            Path cold = Files.createTempDirectory(OUT, "cold-");
            copyTree(migrations, cold.resolve("migrations"));
            coldCheck.add(run(headDb, diffgen(headDb, cold.resolve("migrations"), model, "check", "--timing")));
        }
        for (int i = 0; i < RUNS; i++) {
            Sample s = run(headDb, diffgen(headDb, migrations, model, "check", "--timing"));
            check.add(s);
            current.add(run(headDb, diffgen(headDb, migrations, model, "current")));
        }
        Double baseline = null;
        List<Sample> liquibase = new ArrayList<>();
        if (baselineLib != null) {
            try {
                for (int i = 0; i < BASELINE_RUNS; i++) {
                    liquibase.add(run(headDb, liquibase(headDb, model, baselineLib)));
                }
                baseline = median(liquibase.stream().map(Sample::seconds).toList());
            } catch (IllegalStateException e) {
                String reason = e.getMessage().lines().filter(l -> l.contains("Exception Primary Reason") || l.startsWith("Caused by"))
                        .findFirst().orElse(e.getMessage().lines().findFirst().orElse("?")).strip();
                System.err.println("baseline failed at N=" + model.n() + ": " + reason);
                failures.add(String.format("N=%d: stock liquibase diff-changelog failed: %s", model.n(), reason));
                liquibase.clear();
            }
        }
        rows.add(new Row(model.n(), "revision --autogenerate (empty db)", autogenerate, baseline));
        rows.add(new Row(model.n(), "upgrade head", upgrade, null));
        rows.add(new Row(model.n(), "check (no change, cold: no cache)", coldCheck, baseline));
        rows.add(new Row(model.n(), "check (no change)", check, baseline));
        rows.add(new Row(model.n(), "current", current, null));
        if (!liquibase.isEmpty()) {
            rows.add(new Row(model.n(), "baseline: liquibase diff-changelog", liquibase, null));
        }
        return rows;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    static String newDatabase() throws Exception {
        String name = "bench_" + (++dbCounter);
        sql("postgres", "CREATE DATABASE " + name);
        return name;
    }

    static List<String> diffgen(String db, Path migrations, Model model, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1"));
        Path jsa = ROOT.resolve("diffgen/target/diffgen.jsa");
        if (Files.exists(jsa)) {
            cmd.add("-XX:SharedArchiveFile=" + jsa);
        }
        cmd.addAll(List.of("-jar", ROOT.resolve("diffgen/target/diffgen.jar").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--url", url(db), "--migrations", migrations.toString(),
                "--model-package", model.pkg(), "--model-classpath", model.classes().toString()));
        return cmd;
    }

    static List<String> liquibase(String db, Model model, Path lib) throws IOException {
        Path work = Files.createTempDirectory(OUT, "liquibase-");
        Path classes = model.classes();
        if (!Files.exists(classes.resolve("hibernate.cfg.xml"))) {
            // PixCrawler: list its entities for the classic Hibernate reference
            String cfg;
            try (Stream<Path> files = Files.walk(classes)) {
                cfg = files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
                        .map(p -> classes.relativize(p).toString().replace('/', '.').replace(".class", ""))
                        .filter(c -> !c.contains(".queue.") && isEntity(c, classes))
                        .map(c -> "<mapping class=\"" + c + "\"/>").collect(Collectors.joining("\n"));
            }
            Path cfgDir = work.resolve("cfg");
            Files.createDirectories(cfgDir);
            Files.writeString(cfgDir.resolve("hibernate.cfg.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hibernate-configuration>\n"
                    + "<session-factory>\n<property name=\"hibernate.dialect\">org.hibernate.dialect.PostgreSQLDialect</property>\n"
                    + cfg + "\n</session-factory>\n</hibernate-configuration>\n");
            return liquibaseCommand(db, work, cfgDir + File.pathSeparator + classes, lib);
        }
        return liquibaseCommand(db, work, classes.toString(), lib);
    }

    static boolean isEntity(String className, Path classes) {
        try {
            return new String(Files.readAllBytes(classes.resolve(className.replace('.', '/') + ".class")), StandardCharsets.ISO_8859_1)
                    .contains("Ljakarta/persistence/Entity;");
        } catch (IOException e) {
            return false;
        }
    }

    static List<String> liquibaseCommand(String db, Path work, String modelPath, Path lib) {
        return List.of(java(), "-Dliquibase.analytics.enabled=false", "-cp", modelPath + File.pathSeparator + lib + "/*",
                "liquibase.integration.commandline.LiquibaseCommandLine", "--show-banner=false", "--log-level=severe",
                "diff-changelog", "--changelog-file=" + work.resolve("diff.xml"),
                "--reference-url=hibernate:classic:hibernate.cfg.xml",
                "--url=jdbc:postgresql://localhost:" + server.getPort() + "/" + db, "--username=postgres");
    }

    static String url(String db) {
        return "postgresql://postgres@localhost:" + server.getPort() + "/" + db;
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static final Pattern QUERIES = Pattern.compile("catalog [0-9.]+s \\((\\d+) queries\\)");

    /** One process: wall time, peak RSS (VmHWM, polled), and the statements it sent to its database. */
    static Sample run(String db, List<String> command) throws Exception {
        sql("postgres", "SELECT pg_stat_statements_reset()");
        Path log = Files.createTempFile(OUT, "run-", ".log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AtomicLong peak = new AtomicLong();
        Thread poller = new Thread(() -> {
            Path status = Path.of("/proc/" + p.pid() + "/status");
            while (p.isAlive()) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmHWM:")) {
                            peak.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")), Math::max);
                        }
                    }
                    Thread.sleep(5);
                } catch (Exception e) {
                    return;
                }
            }
        });
        poller.start();
        boolean done = p.waitFor(15, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        poller.join();
        String output = Files.readString(log);
        if (!done || p.exitValue() != 0 && !(command.contains("check") && p.exitValue() == 1)) {
            throw new IllegalStateException("failed (" + (done ? p.exitValue() : "timeout") + "): " + String.join(" ", command) + "\n" + output);
        }
        Matcher m = QUERIES.matcher(output);
        long statements = statements(db);
        return new Sample(seconds, peak.get(), statements, m.find() ? m.group(1) : "");
    }

    static long statements(String db) throws Exception {
        try (Connection c = server.getDatabase("postgres", "postgres").getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements st JOIN pg_database d ON d.oid = st.dbid"
                     + " WHERE d.datname = '" + db + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void sql(String db, String statement) throws Exception {
        try (Connection c = server.getDatabase("postgres", db).getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String table(List<Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append(String.format("diffgen bench, %s, %d cores, %s, Java %s; median of %d (baseline: of %d), wall seconds%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), cpu(), System.getProperty("java.version"), RUNS, BASELINE_RUNS));
        t.append("| N | command | median s | min-max s | peak RSS MB | statements to db | catalog queries | vs liquibase |\n");
        t.append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Sample last = r.samples().get(r.samples().size() - 1);
            t.append(String.format(Locale.ROOT, "| %d | %s | %.2f | %.2f-%.2f | %d | %d | %s | %s |%n", r.n(), r.command(), r.median(),
                    r.min(), r.max(), r.peakRssMb(), last.statements(), last.catalogQueries().isEmpty() ? "-" : last.catalogQueries(),
                    r.baselineMedian() == null ? "-" : String.format(Locale.ROOT, "%.3fx", r.median() / r.baselineMedian())));
        }
        return t.toString();
    }

    static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException e) {
            return ManagementFactory.getOperatingSystemMXBean().getArch();
        }
    }

    static String json(List<Row> rows) {
        return rows.stream().map(r -> String.format(Locale.ROOT,
                "  {\"n\": %d, \"command\": \"%s\", \"median_s\": %.3f, \"min_s\": %.3f, \"max_s\": %.3f, \"peak_rss_mb\": %d, "
                        + "\"statements\": %d, \"catalog_queries\": \"%s\", \"ratio_vs_liquibase\": %s}",
                r.n(), r.command(), r.median(), r.min(), r.max(), r.peakRssMb(), r.samples().get(r.samples().size() - 1).statements(),
                r.samples().get(r.samples().size() - 1).catalogQueries(),
                r.baselineMedian() == null ? "null" : String.format(Locale.ROOT, "%.4f", r.median() / r.baselineMedian())))
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }
}
