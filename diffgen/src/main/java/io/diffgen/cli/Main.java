package io.diffgen.cli;

import io.diffgen.DiffgenException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@code diffgen} command line: parse, run a command, print, map errors to exit codes. */
@Command(name = "diffgen", mixinStandardHelpOptions = true, versionProvider = Main.Versions.class,
        description = "Autogenerates reviewable PostgreSQL migrations from Hibernate entities, and runs them, Alembic-style.",
        subcommands = {
                RevisionCommand.class, CheckCommand.class, UpgradeCommand.class, ContractCommand.class, DowngradeCommand.class,
                CurrentCommand.class, HeadsCommand.class, HistoryCommand.class, ShowCommand.class, ErdCommand.class,
                StampCommand.class, MergeCommand.class, StatusCommand.class, ValidateCommand.class, PreflightCommand.class, InitCommand.class, DbCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    /** Declared here, inherited by every command: they may come before or after the command name. */
    @CommandLine.Mixin
    CommonOptions common;

    /** diffgen's version from its jar's manifest, and the versions of what it runs on. */
    static final class Versions implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String own = Main.class.getPackage().getImplementationVersion();
            return new String[] {
                    "diffgen " + (own == null ? "(not run from its jar)" : own),
                    "Hibernate ORM: the model's own (" + io.diffgen.model.HibernateLines.SUPPORTED + "), else the bundled "
                            + io.diffgen.model.HibernateLines.choose(java.util.List.of()).version(),
                    "Liquibase " + liquibase.util.LiquibaseUtil.getBuildVersion()
                            + ", PostgreSQL JDBC " + org.postgresql.util.DriverInfo.DRIVER_VERSION + ", Java " + Runtime.version()};
        }
    }

    /** Project defaults, Alembic's alembic.ini in spirit: read from the working directory when present. */
    static final String DEFAULTS_FILE = "diffgen.properties";

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        // System.exit does not flush: a script printed with print() would be cut at the buffer's size
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command; everything it printed has been flushed to {@code out} and {@code err} on return. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return execute(args, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int execute(String[] args, PrintWriter out, PrintWriter err) {
        quietLibraries();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        // every command answers --help (and --version), as 'alembic upgrade --help' does; help has its own
        cli.getSubcommands().values().stream().filter(sub -> !(sub.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true).versionProvider(new Versions()));
        exitCodes(cli);
        Path defaults = Path.of(DEFAULTS_FILE);
        if (Files.isRegularFile(defaults)) {
            cli.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(defaults.toFile()));
        }
        cli.setParameterExceptionHandler((e, a) -> {
            // picocli echoes the arguments it could not place, and a URL among them may carry a password
            err.println("error: " + io.diffgen.config.DatabaseUrl.mask(e.getMessage()));
            err.println("(see 'diffgen " + (e.getCommandLine().getCommandName().equals("diffgen") ? "" : e.getCommandLine().getCommandName() + " ") + "--help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose") || parseResult.subcommand() != null
                    && parseResult.subcommand().hasMatchedOption("--verbose");
            if (e instanceof DiffgenException d) {
                if (d.code() != DiffgenException.ErrorCode.DIFFERENCES) {
                    err.println("error: " + d.getMessage());
                }
                if (verbose && d.getCause() != null) d.printStackTrace(err);
                return d.code().exitCode();
            }
            err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (verbose ? "" : " (rerun with --verbose for the stack trace)"));
            if (verbose) e.printStackTrace(err);
            return 70;
        });
        return cli.execute(args);
    }

    /** Every command's --help ends with the exit codes, which scripts and CI test. */
    static java.util.Map<String, String> exitCodes() {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        codes.put("0", "done (check: no differences)");
        java.util.Arrays.stream(DiffgenException.ErrorCode.values()).sorted(java.util.Comparator.comparingInt(DiffgenException.ErrorCode::exitCode))
                .forEach(c -> codes.put(Integer.toString(c.exitCode()), c.meaning()));
        codes.put("70", "an unexpected error (a defect: rerun with --verbose and report it)");
        return codes;
    }

    private static void exitCodes(CommandLine command) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes());
        command.getSubcommands().values().forEach(Main::exitCodes);
    }

    /** Held so the configured levels are not lost when the loggers are garbage-collected. */
    private static final Logger[] QUIET = {Logger.getLogger("liquibase"), Logger.getLogger("org.hibernate")};
    /** Logs PostgreSQL's notices as warnings ("index ... does not exist, skipping" from a DROP ... IF EXISTS), which tell the user nothing. */
    private static final Logger NOTICES = Logger.getLogger("liquibase.executor");

    private static void quietLibraries() {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        System.setProperty("liquibase.logLevel", "WARNING");
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
        NOTICES.setLevel(Level.SEVERE);
    }
}
