package io.diffgen.cli;

import io.diffgen.DiffgenException;
import io.diffgen.command.Settings;
import io.diffgen.config.DatabaseUrl;
import io.diffgen.model.HibernateSettings;
import io.diffgen.model.ModelException;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.runner.RevisionRunner;
import io.diffgen.runner.SettingOverrides;
import picocli.CommandLine;
import io.diffgen.postgres.LocalPostgres;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.Optional;

/** Options every command takes, before or after the command name. */
public final class CommonOptions {
    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "PostgreSQL URL (postgresql://user:pass@host:port/db, postgres://, postgresql+psycopg2://, "
                    + "postgresql+asyncpg://, jdbc:postgresql://). Default: $DATABASE_URL.")
    String url;

    @Option(names = "--migrations", scope = ScopeType.INHERIT, paramLabel = "DIR", defaultValue = "migrations",
            description = "The migrations folder (default: ${DEFAULT-VALUE}).")
    Path migrations;

    @Option(names = "--model-package", scope = ScopeType.INHERIT, paramLabel = "PKG[,PKG...]", split = ",",
            description = "Packages holding the @Entity classes.")
    List<String> modelPackages;

    @Option(names = "--model-classpath", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "Jars or class folders of the model, ':'-separated.")
    String modelClasspath;

    @Option(names = "--hibernate-property", scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
            description = "A Hibernate setting the application runs with (repeatable), for example "
                    + "hibernate.physical_naming_strategy=...; on top of hibernate.* keys in " + Main.DEFAULTS_FILE
                    + " and of hibernate.properties, persistence.xml or Spring Boot's spring.jpa.* on the model classpath.")
    Map<String, String> hibernateProperties;

    @Option(names = "--schemas", scope = ScopeType.INHERIT, paramLabel = "SCHEMA[,SCHEMA...]", split = ",",
            description = "The only schemas besides the database's own that diffgen may read and change; a model table or "
                    + "sequence in any other is refused (default: every schema the model names).")
    List<String> schemas;

    @Option(names = "--lock-wait", scope = ScopeType.INHERIT, paramLabel = "SECONDS", defaultValue = "60",
            description = "How long upgrade, downgrade and stamp wait for another run's migration lock (default: ${DEFAULT-VALUE}).")
    int lockWaitSeconds;

    @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", defaultValue = "10s",
            description = "PostgreSQL's lock_timeout for each migration statement, e.g. 10s, 500ms, 2min; 0 waits forever "
                    + "(default: ${DEFAULT-VALUE}).")
    String lockTimeout;

    @Option(names = "--statement-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", defaultValue = "0",
            description = "PostgreSQL's statement_timeout for each migration statement, e.g. 30min; 0 sets no limit "
                    + "(default: ${DEFAULT-VALUE}).")
    String statementTimeout;

    @Option(names = "--index-wait", scope = ScopeType.INHERIT, paramLabel = "DURATION", defaultValue = "10min",
            description = "How long a CREATE or DROP INDEX CONCURRENTLY waits for older transactions to end (they are named "
                    + "while it waits), in place of --lock-timeout; 0 waits forever (default: ${DEFAULT-VALUE}).")
    String indexWait;

    @Option(names = "--lock-retries", scope = ScopeType.INHERIT, paramLabel = "N", defaultValue = "3",
            description = "How often a changeset that failed on lock_timeout is rolled back and run again, after a growing pause "
                    + "(default: ${DEFAULT-VALUE}).")
    int lockRetries;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Print stack traces of errors, and which Hibernate read the model.")
    boolean verbose;

    Settings settings() {
        List<Path> classpath = new ArrayList<>();
        if (modelClasspath != null && !modelClasspath.isBlank()) {
            Arrays.stream(modelClasspath.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).forEach(classpath::add);
        }
        List<String> packages = modelPackages == null ? List.of() : modelPackages.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        Optional<java.util.Set<String>> allowed = schemas == null ? Optional.empty()
                : Optional.of(schemas.stream().map(String::strip).filter(x -> !x.isEmpty())
                        // as PostgreSQL reads a name: folded to lower case unless double-quoted, like the mappings' names
                        .map(io.diffgen.snapshot.Identifiers::asRead)
                        .collect(java.util.stream.Collectors.toSet()));
        return new Settings(migrations, packages, classpath, hibernateSettings(), allowed, databaseUrl());
    }

    /** {@code hibernate.*} and {@code jakarta.persistence.*} keys of the defaults file, then the command line's. */
    private Map<String, String> hibernateSettings() {
        Map<String, String> settings = new TreeMap<>();
        Path defaults = Path.of(Main.DEFAULTS_FILE);
        if (Files.isRegularFile(defaults)) {
            Properties file = new Properties();
            try (var in = Files.newBufferedReader(defaults)) {
                file.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "cannot read " + Main.DEFAULTS_FILE + ": " + e.getMessage());
            }
            for (String key : file.stringPropertyNames()) {
                if (key.startsWith("hibernate.") || key.startsWith("jakarta.persistence.")) {
                    settings.put(key, file.getProperty(key).strip());
                }
            }
        }
        if (hibernateProperties != null) {
            settings.putAll(hibernateProperties);
        }
        return settings;
    }

    /**
     * A runner on {@code connection} with the lock limits the options give; waiting is told on {@code err}.
     * A timeout typed on {@code command}'s command line also takes the place of the one the scripts set.
     */
    RevisionRunner runner(java.sql.Connection connection, MigrationsDirectory migrations, io.diffgen.revision.RevisionGraph graph,
                          CommandLine.Model.CommandSpec command) {
        return new RevisionRunner(connection, migrations, graph).withLimits(limits(command));
    }

    /** The waits and timeouts, online and in --sql alike; progress and waits go to stderr. */
    RevisionRunner.Limits limits(CommandLine.Model.CommandSpec command) {
        java.io.PrintWriter err = command.commandLine().getErr();
        if (lockWaitSeconds < 0) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "--lock-wait must be 0 or more seconds");
        }
        if (lockRetries < 0) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "--lock-retries must be 0 or more");
        }
        return new RevisionRunner.Limits(java.time.Duration.ofSeconds(lockWaitSeconds), lockTimeout.strip(), statementTimeout.strip(),
                lockRetries, line -> {
                    err.println(line);
                    err.flush();
                }, overrides(command), indexWait.strip());
    }

    /** The timeouts typed on the command line, before or after the command's name (not those of the defaults file). */
    SettingOverrides overrides(CommandLine.Model.CommandSpec command) {
        checkDuration("--lock-timeout", lockTimeout, "0 waits forever");
        checkDuration("--statement-timeout", statementTimeout, "0 sets no limit");
        checkDuration("--index-wait", indexWait, "0 waits forever");
        Map<String, String> given = new TreeMap<>();
        if (typed(command, "--lock-timeout")) given.put("lock_timeout", lockTimeout.strip());
        if (typed(command, "--statement-timeout")) given.put("statement_timeout", statementTimeout.strip());
        return new SettingOverrides(given);
    }

    private static boolean typed(CommandLine.Model.CommandSpec command, String option) {
        for (CommandLine line = command.commandLine(); line != null; line = line.getParent()) {
            if (line.getParseResult() != null && line.getParseResult().hasMatchedOption(option)) return true;
        }
        return false;
    }

    /** The timeouts a new revision's script sets: these options, from the command line or the defaults file. */
    io.diffgen.revision.RevisionScript.Timeouts scriptTimeouts() {
        checkDuration("--lock-timeout", lockTimeout, "0 waits forever");
        checkDuration("--statement-timeout", statementTimeout, "0 sets no limit");
        return new io.diffgen.revision.RevisionScript.Timeouts(lockTimeout.strip(), statementTimeout.strip());
    }

    private static void checkDuration(String option, String value, String zero) {
        if (!RevisionRunner.Limits.isDuration(value)) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "bad " + option + " '" + value
                    + "': expected a number with ms, s, min or h, at most 24 days (" + zero + ")");
        }
    }

    Settings modelSettings() {
        Settings s = settings();
        if (s.modelPackages().isEmpty()) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE,
                    "no model package: give --model-package PKG (or model-package=PKG in " + Main.DEFAULTS_FILE + ")");
        }
        return s;
    }

    Optional<DatabaseUrl> databaseUrl() {
        if (url != null) {
            return Optional.of(DatabaseUrl.parse(url));
        }
        String value = System.getenv("DATABASE_URL");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(DatabaseUrl.parse(value));
    }

    /** The database to run against: --url, else $DATABASE_URL, else the project's local PostgreSQL. */
    DatabaseUrl targetUrl() {
        return databaseUrl().orElseGet(() -> LocalPostgres.forProject(migrations).ensureRunning());
    }

    java.sql.Connection connect() {
        return targetUrl().connect();
    }

    MigrationsDirectory migrationsDirectory() {
        return new MigrationsDirectory(migrations);
    }
}
