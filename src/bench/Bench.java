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
 * then synthetic models with an N-long FK chain), in the same run as Alembic 1.8 (Debian's
 * python3-alembic) on the same tables as SQLAlchemy metadata, and as stock liquibase diff-changelog with
 * the liquibase-hibernate6 reference. The daily loop is measured cold: a check with no model cache, and
 * a revision after one entity was edited. Prints a table with ratios, the --timing phases, and writes
 * target/bench/results.json. A benchmark, not a test: nothing here asserts a time.
 *
 * Run from the repository root: java -cp "diffgen/target/lib/*" src/bench/Bench.java [15,300,1000,10000]
 * System properties: runs (default 5), coldRuns (default 3), jvm (diffgen's JVM options), jar, baselineRuns (default 3),
 * baselineMax (largest N for Liquibase, default 300), alembicMax (largest N for
 * Alembic, default 1000: its autogenerate took 2,276 s at 10,000 where issue 26 measured it), python (default /usr/bin/python3).
 */
public class Bench {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path OUT = ROOT.resolve("target/bench");
    static final int RUNS = Integer.getInteger("runs", 5);
    static final int BASELINE_RUNS = Integer.getInteger("baselineRuns", 3);
    /** The daily loop's cold runs, each in turn with Alembic's two autogenerates. */
    static final int COLD_RUNS = Integer.getInteger("coldRuns", Math.min(3, RUNS));
    static final int BASELINE_MAX = Integer.getInteger("baselineMax", 300);
    /** The JVM options diffgen runs with, as the Makefile passes them (its class archive among them, where it has one). */
    static final String JVM = System.getProperty("jvm", "-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.5 -XX:+UseSerialGC -Xmn200m -XX:MetaspaceSize=64m");
    /** The jar measured: -Djar=... to measure a copy while the build goes on. Relative, as the Makefile names it: its class archive is valid for that path only. */
    static final Path JAR = Path.of(System.getProperty("jar", "diffgen/target/diffgen.jar"));
    static final int ALEMBIC_MAX = Integer.getInteger("alembicMax", 1000);
    static final String PYTHON = System.getProperty("python", "/usr/bin/python3");

    record Sample(double seconds, long peakRssKb, long statements, String catalogQueries, String timing) {
    }

    /** {@code alembicMedian}: Alembic's time for the comparable command in the same run (its no-change autogenerate for check). */
    record Row(int n, String command, List<Sample> samples, Double baselineMedian, Double alembicMedian) {
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
        // the annotations come from the baseline's classpath (Hibernate ORM and Jakarta Persistence); diffgen reads the model with its bundled Hibernate
        List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-cp", compileClasspath(), "-nowarn"));
        files.forEach(f -> options.add(f.toString()));
        if (javac.run(null, null, null, options.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("could not compile the synthetic model");
        }
        Files.writeString(classes.resolve("hibernate.cfg.xml"), cfg.toString());
        return new Model(n, pkg, classes);
    }

    static String compileClasspath() throws IOException {
        try (Stream<Path> jars = Files.list(ROOT.resolve("target/bench-lib"))) {
            return jars.map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        }
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
        for (int i = 0; i < RUNS; i++) {
            Sample s = run(headDb, diffgen(headDb, migrations, model, "check", "--timing"));
            check.add(s);
            current.add(run(headDb, diffgen(headDb, migrations, model, "current")));
        }
        List<Sample> sql = new ArrayList<>();
        for (int i = 0; i < Math.min(3, RUNS); i++) {
            sql.add(run(headDb, diffgenOffline(migrations, "upgrade", "head", "--sql")));
        }
        // The daily loop, cold, run in turn with Alembic's autogenerate: a machine whose speed drifts
        // moves both sides of a ratio alike
        List<Sample> coldCheck = new ArrayList<>();
        List<Sample> edited = new ArrayList<>();
        List<Sample> alembicEmpty = new ArrayList<>();
        List<Sample> alembicNoChange = new ArrayList<>();
        Path editedClasses = model.n() > 15 ? editOneEntity(model) : null;
        Path alembicProject = model.n() > 15 && model.n() <= ALEMBIC_MAX && alembic() ? alembicProject(model.n()) : null;
        for (int i = 0; i < COLD_RUNS; i++) {
            // a fresh project folder: no model or canonical-form cache
            Path cold = Files.createTempDirectory(OUT, "cold-");
            copyTree(migrations, cold.resolve("migrations"));
            coldCheck.add(run(headDb, diffgen(headDb, cold.resolve("migrations"), model, "check", "--timing")));
            if (editedClasses != null) {
                // one entity changed, so the model cache misses; the revision is generated and thrown away
                Path project = Files.createTempDirectory(OUT, "edited-");
                copyTree(migrations, project.resolve("migrations"));
                Model one = new Model(model.n(), model.pkg(), editedClasses);
                edited.add(run(headDb, diffgen(headDb, project.resolve("migrations"), one, "revision", "--autogenerate", "-m", "one entity edited", "--timing")));
                if (!addsEditedColumn(project.resolve("migrations"))) {
                    failures.add(String.format("N=%d: the revision after the edit does not add column %s", model.n(), EDITED_COLUMN));
                }
            }
            if (alembicProject != null) {
                alembicNoChange.add(run(headDb, alembicRevision(alembicProject, headDb)));
                // Alembic leaves its alembic_version table behind: diffgen's next check is again one of no change
                sql(headDb, "DROP TABLE IF EXISTS alembic_version");
                alembicEmpty.add(run(headDb, alembicRevision(alembicProject, newDatabase())));
            }
        }
        Double alembic = alembicNoChange.isEmpty() ? null : median(alembicNoChange.stream().map(Sample::seconds).toList());
        Double alembicFromEmpty = alembicEmpty.isEmpty() ? null : median(alembicEmpty.stream().map(Sample::seconds).toList());
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
        rows.add(new Row(model.n(), "revision --autogenerate (empty db)", autogenerate, baseline, alembicFromEmpty));
        rows.add(new Row(model.n(), "upgrade head", upgrade, null, null));
        rows.add(new Row(model.n(), "check (no change, cold: no cache)", coldCheck, baseline, alembic));
        if (!edited.isEmpty()) {
            rows.add(new Row(model.n(), "revision --autogenerate (one entity edited, cold)", edited, baseline, alembic));
        }
        rows.add(new Row(model.n(), "check (no change)", check, baseline, alembic));
        rows.add(new Row(model.n(), "upgrade head --sql", sql, null, null));
        rows.add(new Row(model.n(), "current", current, null, null));
        if (!liquibase.isEmpty()) {
            rows.add(new Row(model.n(), "baseline: liquibase diff-changelog", liquibase, null, null));
        }
        if (!alembicEmpty.isEmpty()) {
            rows.add(new Row(model.n(), "Alembic: revision --autogenerate (empty db)", alembicEmpty, null, null));
            rows.add(new Row(model.n(), "Alembic: revision --autogenerate (no change)", alembicNoChange, null, null));
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

    static List<String> diffgenJava() {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(List.of(JVM.strip().split("\\s+")));
        cmd.addAll(List.of("-jar", JAR.toString()));
        return cmd;
    }

    static List<String> diffgen(String db, Path migrations, Model model, String... args) {
        List<String> cmd = new ArrayList<>(diffgenJava());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--url", url(db), "--migrations", migrations.toString(),
                "--model-package", model.pkg(), "--model-classpath", model.classes().toString()));
        return cmd;
    }

    /** A command that needs no database ({@code --sql}): the migrations folder only. */
    static List<String> diffgenOffline(Path migrations, String... args) {
        List<String> cmd = new ArrayList<>(diffgenJava());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--migrations", migrations.toString()));
        return cmd;
    }

    /** The column the edited entity gains, which the revision generated after the edit must add. */
    static final String EDITED_COLUMN = "note";

    /** The synthetic model with its middle entity given one more column: a copy of the classes with that one class recompiled. */
    static Path editOneEntity(Model model) throws IOException {
        Path edited = OUT.resolve("model-" + model.n() + "/classes-edited");
        String name = String.format("E%04d", model.n() / 2);
        Path source = OUT.resolve("model-" + model.n() + "/src/" + model.pkg().replace('.', '/') + "/" + name + ".java");
        Path editedSource = OUT.resolve("model-" + model.n() + "/src-edited/" + model.pkg().replace('.', '/') + "/" + name + ".java");
        if (Files.isDirectory(edited) && Files.isRegularFile(editedSource) && Files.readString(editedSource).contains(EDITED_COLUMN)) {
            return edited;
        }
        // an earlier bench's copy, whose edit did not apply
        if (Files.isDirectory(edited)) {
            try (Stream<Path> old = Files.walk(edited)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        copyTree(model.classes(), edited);
        Files.createDirectories(editedSource.getParent());
        String text = Files.readString(source);
        String editedText = text.replace("Double ratio;", "Double ratio;\n    @Column(name = \"" + EDITED_COLUMN + "\", length = 200) String note;");
        if (editedText.equals(text)) {
            throw new IllegalStateException("the edit does not apply to " + source);
        }
        Files.writeString(editedSource, editedText);
        String classpath = edited + File.pathSeparator + compileClasspath();
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", edited.toString(), "-cp", classpath, "-nowarn", editedSource.toString()) != 0) {
            throw new IllegalStateException("could not compile the edited entity " + name);
        }
        return edited;
    }

    static boolean addsEditedColumn(Path migrations) throws IOException {
        try (Stream<Path> files = Files.walk(migrations)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (Files.readString(f).contains("ADD COLUMN " + EDITED_COLUMN + " ")) return true;
            }
        }
        return false;
    }

    static boolean alembic() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import alembic, sqlalchemy, psycopg2").redirectErrorStream(true).start();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return true;
            }
        } catch (IOException | InterruptedException e) {
            // reported below
        }
        System.err.println("Alembic is missing (" + PYTHON + " -c 'import alembic, sqlalchemy, psycopg2' failed): "
                + "apt-get install python3-alembic python3-psycopg2, or -Dpython=...; the Alembic rows are left out");
        failures.add("Alembic was not run: " + PYTHON + " has no alembic, sqlalchemy and psycopg2");
        return false;
    }

    /**
     * The same N tables as the synthetic entities, as SQLAlchemy metadata (8 columns, the index, the FK with ON DELETE
     * CASCADE), in an {@code alembic init} project whose env.py compares them with the database given by {@code -x url=}.
     */
    static Path alembicProject(int n) throws Exception {
        Path project = OUT.resolve("alembic-" + n);
        if (Files.exists(project.resolve("models.py"))) {
            return project;
        }
        Files.createDirectories(project);
        Process init = new ProcessBuilder(PYTHON, "-m", "alembic", "init", "alembic").directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (init.waitFor() != 0) {
            throw new IllegalStateException("alembic init failed: " + out);
        }
        Path ini = project.resolve("alembic.ini");
        Files.writeString(ini, Files.readString(ini).replace("script_location = alembic", "script_location = %(here)s/alembic"));
        Files.writeString(project.resolve("models.py"), String.format("""
                from sqlalchemy import MetaData, Table, Column, BigInteger, String, Text, Numeric, Integer, Boolean, DateTime, Float, ForeignKey, Index, Identity, text

                metadata = MetaData()
                for i in range(1, %d + 1):
                    name = "e%%04d" %% i
                    columns = [
                        Column("id", BigInteger, Identity(), primary_key=True),
                        Column("name", String(100), nullable=False),
                        Column("description", Text),
                        Column("amount", Numeric(12, 2)),
                        Column("quantity", Integer, nullable=False, server_default=text("0")),
                        Column("active", Boolean, nullable=False, server_default=text("false")),
                        Column("created_at", DateTime(timezone=True), nullable=False, server_default=text("now()")),
                        Column("ratio", Float(53)),
                    ]
                    if i > 1:
                        columns.append(Column("parent_id", BigInteger, ForeignKey("e%%04d.id" %% (i - 1), name="fk_%%s_parent" %% name, ondelete="CASCADE")))
                    Table(name, metadata, *columns, Index("ix_%%s_name" %% name, "name"))
                """, n));
        Files.writeString(project.resolve("alembic/env.py"), """
                import sys, os
                sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
                from alembic import context
                from sqlalchemy import create_engine
                import models

                import threading

                def run():
                    engine = create_engine(context.get_x_argument(as_dictionary=True)["url"])
                    with engine.connect() as connection:
                        context.configure(connection=connection, target_metadata=models.metadata)
                        with context.begin_transaction():
                            context.run_migrations()

                # reflection follows the FK chain table by table, one level of recursion per table
                sys.setrecursionlimit(1000000)
                threading.stack_size(1 << 29)
                failure = []
                def guarded():
                    try:
                        run()
                    except BaseException as e:
                        failure.append(e)
                worker = threading.Thread(target=guarded)
                worker.start()
                worker.join()
                if failure:
                    raise failure[0]
                """);
        return project;
    }

    /** {@code alembic revision --autogenerate} against {@code db}, with no earlier revisions: the revision file is removed afterwards. */
    static List<String> alembicRevision(Path project, String db) throws IOException {
        try (Stream<Path> old = Files.list(project.resolve("alembic/versions"))) {
            for (Path p : old.filter(p -> p.toString().endsWith(".py")).toList()) {
                Files.delete(p);
            }
        }
        return List.of(PYTHON, "-m", "alembic", "-c", project.resolve("alembic.ini").toString(), "-x",
                "url=postgresql://postgres@localhost:" + server.getPort() + "/" + db, "revision", "--autogenerate", "-m", "bench");
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
        boolean done = p.waitFor(60, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        poller.join();
        String output = Files.readString(log);
        if (!done) {
            p.destroyForcibly();
        }
        if (!done || p.exitValue() != 0 && !(command.contains("check") && p.exitValue() == 1)) {
            throw new IllegalStateException("failed (" + (done ? p.exitValue() : "timeout") + "): " + String.join(" ", command) + "\n" + output);
        }
        Matcher m = QUERIES.matcher(output);
        long statements = statements(db);
        String timing = output.lines().filter(l -> l.startsWith("timing: ")).map(l -> l.substring("timing: ".length())).findFirst().orElse("");
        return new Sample(seconds, peak.get(), statements, m.find() ? m.group(1) : "", timing);
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
        t.append(String.format("diffgen bench, %s, %d cores, %s, Java %s, %s; median of %d (cold runs and Alembic, in turn: of %d; Liquibase: of %d), wall seconds%n%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), cpu(), System.getProperty("java.version"), JVM, RUNS, COLD_RUNS,
                BASELINE_RUNS));
        t.append("| N | command | median s | min-max s | peak RSS MB | statements to db | catalog queries | vs liquibase | vs Alembic |\n");
        t.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Sample last = r.samples().get(r.samples().size() - 1);
            t.append(String.format(Locale.ROOT, "| %d | %s | %.2f | %.2f-%.2f | %d | %d | %s | %s | %s |%n", r.n(), r.command(), r.median(),
                    r.min(), r.max(), r.peakRssMb(), last.statements(), last.catalogQueries().isEmpty() ? "-" : last.catalogQueries(),
                    ratio(r.median(), r.baselineMedian()), ratio(r.median(), r.alembicMedian())));
        }
        List<Row> profiled = rows.stream().filter(r -> r.samples().stream().anyMatch(x -> !x.timing().isEmpty())).toList();
        if (!profiled.isEmpty()) {
            t.append("\nWhere the time went (--timing of the last run):\n\n");
            for (Row r : profiled) {
                t.append(String.format("- N=%d, %s: %s%n", r.n(), r.command(), r.samples().get(r.samples().size() - 1).timing()));
            }
        }
        return t.toString();
    }

    static String ratio(double value, Double base) {
        return base == null ? "-" : String.format(Locale.ROOT, "%.3fx", value / base);
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
                        + "\"statements\": %d, \"catalog_queries\": \"%s\", \"ratio_vs_liquibase\": %s, \"ratio_vs_alembic\": %s}",
                r.n(), r.command(), r.median(), r.min(), r.max(), r.peakRssMb(), r.samples().get(r.samples().size() - 1).statements(),
                r.samples().get(r.samples().size() - 1).catalogQueries(),
                r.baselineMedian() == null ? "null" : String.format(Locale.ROOT, "%.4f", r.median() / r.baselineMedian()),
                r.alembicMedian() == null ? "null" : String.format(Locale.ROOT, "%.4f", r.median() / r.alembicMedian())))
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }
}
