package io.diffgen.cli;

import io.diffgen.DiffgenException;
import io.diffgen.command.Settings;
import io.diffgen.config.DatabaseUrl;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.runner.LocalPostgres;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    Settings settings() {
        List<Path> classpath = new ArrayList<>();
        if (modelClasspath != null && !modelClasspath.isBlank()) {
            Arrays.stream(modelClasspath.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).forEach(classpath::add);
        }
        List<String> packages = modelPackages == null ? List.of() : modelPackages.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new Settings(migrations, packages, classpath, databaseUrl());
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
