package io.diffgen.maven;

import io.diffgen.cli.Main;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One diffgen command, run in Maven's JVM exactly as the CLI runs it: the goal's parameters become the
 * command's options, its output goes to the build log line by line, and a non-zero exit fails the build
 * with the command's own error line. The database is {@code diffgen.url}, else {@code $DATABASE_URL},
 * else the one the CLI would use (a throwaway PostgreSQL for revision and check, the project's local one
 * for the others).
 */
public abstract class DiffgenMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** PostgreSQL URL, as the CLI's --url takes it; passwords are never printed. */
    @Parameter(property = "diffgen.url")
    protected String url;

    /** The migrations folder. */
    @Parameter(property = "diffgen.migrations", defaultValue = "${project.basedir}/migrations")
    protected File migrations;

    /** Skip the goal. */
    @Parameter(property = "diffgen.skip", defaultValue = "false")
    protected boolean skip;

    /** PostgreSQL's lock_timeout for each migration statement, in place of what the scripts set ({@code 10s}, {@code 500ms}, {@code 0}). */
    @Parameter(property = "diffgen.lockTimeout")
    protected String lockTimeout;

    /** How long a CONCURRENTLY index build or drop waits for older transactions to end, in place of lockTimeout ({@code 10min}, {@code 0}: forever). */
    @Parameter(property = "diffgen.indexWait")
    protected String indexWait;

    /** PostgreSQL's statement_timeout for each migration statement ({@code 0}: none). */
    @Parameter(property = "diffgen.statementTimeout")
    protected String statementTimeout;

    /** How long to wait for another run's migration lock, in seconds. */
    @Parameter(property = "diffgen.lockWait")
    protected Integer lockWait;

    /** How often to retry a statement that ran into lock_timeout. */
    @Parameter(property = "diffgen.lockRetries")
    protected Integer lockRetries;

    /** Other schemas the model's tables may live in, besides the database's own. */
    @Parameter(property = "diffgen.schemas")
    protected List<String> schemas;

    /** Hibernate settings for reading the model, as the CLI's --hibernate-property KEY=VALUE. */
    @Parameter
    protected java.util.Map<String, String> hibernateProperties;

    /**
     * Leave the project's local PostgreSQL running after the goal when the goal started it (by default
     * it is stopped again, so that no server outlives the build).
     */
    @Parameter(property = "diffgen.keepDatabase", defaultValue = "false")
    protected boolean keepDatabase;

    /** The command and its own arguments, for example {@code upgrade head}. */
    protected abstract List<String> command() throws MojoExecutionException;

    /** {@code lines} into {@code output}, written aside and renamed into place, so no half-written file is left. */
    protected static void writeAtomically(java.io.File output, List<String> lines) throws MojoExecutionException {
        try {
            java.nio.file.Files.createDirectories(output.toPath().getParent());
            java.io.File partial = new java.io.File(output.getPath() + ".partial");
            java.nio.file.Files.writeString(partial.toPath(), String.join("\n", lines) + "\n");
            java.nio.file.Files.move(partial.toPath(), output.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new MojoExecutionException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    /** Options the command needs beyond the common ones (the model, for revision and check). */
    protected List<String> extraOptions() throws MojoExecutionException {
        return List.of();
    }

    /** Whether the command's output goes to the build log (not when the goal writes it to a file). */
    protected boolean logsOutput() {
        return true;
    }

    /** Told the command's output after it succeeded. */
    protected void succeeded(List<String> output) throws MojoExecutionException {
    }

    /** What a non-zero exit of {@code command} that printed no error line means, for the failure message. */
    protected String failure(List<String> command, int exitCode, List<String> output) {
        return "diffgen " + String.join(" ", command) + " exited " + exitCode;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("diffgen: skipped (diffgen.skip)");
            return;
        }
        // the common options before the command, where a "--" among its arguments cannot swallow them
        List<String> command = command();
        List<String> args = new ArrayList<>(List.of("--migrations", migrations.getAbsolutePath()));
        if (url != null && !url.isBlank()) {
            args.addAll(List.of("--url", url.strip()));
        }
        option(args, "--lock-timeout", lockTimeout);
        option(args, "--statement-timeout", statementTimeout);
        option(args, "--index-wait", indexWait);
        option(args, "--lock-wait", lockWait);
        option(args, "--lock-retries", lockRetries);
        if (schemas != null && !schemas.isEmpty()) args.addAll(List.of("--schemas", String.join(",", schemas)));
        if (hibernateProperties != null) {
            hibernateProperties.forEach((key, value) -> args.addAll(List.of("--hibernate-property", key + "=" + value)));
        }
        args.addAll(extraOptions());
        args.addAll(command);
        boolean localWasRunning = usesLocalDatabase() && local().status().running();
        if (!getLog().isDebugEnabled()) quietLibraries();
        List<String> output = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int code;
        try (PrintWriter out = new PrintWriter(new Lines(line -> {
                 output.add(line);
                 if (logsOutput()) getLog().info(line);
             }));
             PrintWriter err = new PrintWriter(new Lines(line -> {
                 if (line.startsWith("error: ")) {
                     errors.add(line.substring("error: ".length()));
                     getLog().error(line);
                 } else {
                     getLog().info(line);
                 }
             }))) {
            code = Main.run(args.toArray(String[]::new), out, err);
        }
        if (usesLocalDatabase() && !localWasRunning && !keepDatabase && local().stop()) {
            getLog().info("diffgen: stopped the local PostgreSQL this goal started (-Ddiffgen.keepDatabase=true keeps it)");
        }
        if (code != 0) {
            throw new MojoFailureException(errors.isEmpty() ? failure(command, code, output) : String.join("; ", errors));
        }
        succeeded(output);
    }

    private static void option(List<String> args, String name, Object value) {
        if (value != null && !value.toString().isBlank()) args.addAll(List.of(name, value.toString().strip()));
    }

    /** Without a URL, the commands other than revision and check run on the project's local PostgreSQL. */
    private boolean usesLocalDatabase() {
        return (url == null || url.isBlank()) && System.getenv("DATABASE_URL") == null;
    }

    private io.diffgen.postgres.LocalPostgres local() {
        return io.diffgen.postgres.LocalPostgres.forProject(migrations.toPath());
    }

    /**
     * The libraries diffgen runs on (Hibernate, the embedded PostgreSQL and its server's own output,
     * Liquibase) log at INFO what the CLI never shows; in the build log they say only warnings, unless
     * Maven runs with -X. Maven's SLF4J reads these properties when it makes a logger.
     */
    private static void quietLibraries() {
        for (String name : List.of("org.hibernate", "io.zonky", "liquibase", "com.zaxxer")) {
            String key = "org.slf4j.simpleLogger.log." + name;
            if (System.getProperty(key) == null) System.setProperty(key, "warn");
        }
    }

    /** A writer that hands each complete line to {@code sink}, and what is left on close. */
    private static final class Lines extends Writer {
        private final Consumer<String> sink;
        private final StringBuilder line = new StringBuilder();

        Lines(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    sink.accept(line.toString());
                    line.setLength(0);
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            if (line.length() > 0) {
                sink.accept(line.toString());
                line.setLength(0);
            }
        }
    }
}
