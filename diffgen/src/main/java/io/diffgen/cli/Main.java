package io.diffgen.cli;

import io.diffgen.DiffgenException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@code diffgen} command line: parse, run a command, print, map errors to exit codes. */
@Command(name = "diffgen", mixinStandardHelpOptions = true, versionProvider = Main.Versions.class,
        description = "Autogenerates reviewable PostgreSQL migrations from Hibernate entities, and runs them, Alembic-style.")
public final class Main {
    /** The commands, in the order the usage lists them (before {@code help}), by the name each one's {@code @Command} gives it. */
    static final java.util.Map<String, Class<?>> COMMANDS = commands(
            RevisionCommand.class, CheckCommand.class, UpgradeCommand.class, ContractCommand.class, DowngradeCommand.class,
            CurrentCommand.class, HeadsCommand.class, HistoryCommand.class, ShowCommand.class, ErdCommand.class,
            StampCommand.class, MergeCommand.class, StatusCommand.class, ValidateCommand.class, PreflightCommand.class, InitCommand.class,
            DbCommand.class);

    private static java.util.Map<String, Class<?>> commands(Class<?>... types) {
        java.util.Map<String, Class<?>> byName = new java.util.LinkedHashMap<>();
        for (Class<?> type : types) {
            byName.put(type.getAnnotation(Command.class).name(), type);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

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
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
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

    /**
     * diffgen's command line for {@code args}. picocli reads the options of every command it is given, so it
     * is given only the one the arguments run, unless they do not plainly name one (no command, an unknown
     * one, help or the version asked for first); then it has them all.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        Optional<String> named = commandNamed(cli.getCommandSpec(), args);
        if (named.isPresent()) {
            cli.addSubcommand(COMMANDS.get(named.get()));
        } else {
            COMMANDS.values().forEach(cli::addSubcommand);
            cli.addSubcommand(CommandLine.HelpCommand.class);
        }
        // every command answers --help (and --version), as 'alembic upgrade --help' does; help has its own
        cli.getSubcommands().values().stream().filter(sub -> !(sub.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true).versionProvider(new Versions()));
        exitCodes(cli);
        Path defaults = Path.of(DEFAULTS_FILE);
        if (Files.isRegularFile(defaults)) {
            cli.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(defaults.toFile()));
        }
        return cli;
    }

    /**
     * The command the arguments run, read as picocli reads them: the first argument that is neither one of
     * diffgen's own options nor an option's value. Empty when that is not the name of a command, or when an
     * option before it is unknown, asks for help or the version, may or may not take a value, or is given a
     * command's name as its value, and whenever an {@code @file} (arguments picocli reads from a file) is given.
     */
    static Optional<String> commandNamed(CommandLine.Model.CommandSpec top, String[] args) {
        if (java.util.Arrays.stream(args).anyMatch(arg -> arg.startsWith("@"))) {
            return Optional.empty();
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.equals("-")) {
                return COMMANDS.containsKey(arg) ? Optional.of(arg) : Optional.empty();
            }
            if (arg.equals("--")) {
                return Optional.empty();
            }
            int equals = arg.indexOf('=');
            CommandLine.Model.OptionSpec option = top.findOption(equals < 0 ? arg : arg.substring(0, equals));
            if (option == null || option.usageHelp() || option.versionHelp() || option.arity().min() != option.arity().max()) {
                return Optional.empty();
            }
            // picocli takes no command name for an option's value, but only the names of the commands it has
            if (equals >= 0 && isCommandName(arg.substring(equals + 1))) {
                return Optional.empty();
            }
            for (int value = 0; value < option.arity().max() && equals < 0; value++) {
                if (++i < args.length && isCommandName(args[i])) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isCommandName(String arg) {
        return COMMANDS.containsKey(arg) || arg.equals("help");
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
