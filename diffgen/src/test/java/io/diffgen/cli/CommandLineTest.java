package io.diffgen.cli;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run's command line holds only the command its arguments name: it must read every argument line as the
 * command line with every command does, the same command with the same options, or the same error.
 */
class CommandLineTest {

    @Property(tries = 1000)
    void theCommandLineOfARunReadsItsArgumentsAsTheOneWithEveryCommand(@ForAll("argumentLines") List<String> arguments) {
        String[] args = arguments.toArray(String[]::new);
        Statistics.label("given only the command named").collect(Main.commandNamed(new CommandLine(new Main()).getCommandSpec(), args).isPresent());
        assertEquals(read(Main.commandLine(new String[0]), args), read(Main.commandLine(args), args), String.join(" ", arguments));
    }

    @Test
    void aPlainCommandLineNamesItsCommand() {
        assertEquals(Optional.of("check"), named("--url", "postgresql://db.example/shop", "check", "--timing"));
        assertEquals(Optional.of("revision"), named("-v", "--migrations=db/migrations", "revision", "--autogenerate", "-m", "add x"));
        assertEquals(Optional.of("current"), named("--migrations", "db/migrations", "current"));
        assertEquals(Optional.empty(), named("--migrations", "history", "current"));
        assertEquals(Optional.empty(), named("--help", "check"));
        assertEquals(Optional.empty(), named("chek"));
        assertEquals(Optional.empty(), named("--migrations", "@args", "check"));
        assertEquals(Optional.empty(), named("@args"));
        assertEquals(Optional.empty(), named());
    }

    private static Optional<String> named(String... args) {
        return Main.commandNamed(new CommandLine(new Main()).getCommandSpec(), args);
    }

    @Provide
    Arbitrary<List<String>> argumentLines() {
        List<String> tokens = new java.util.ArrayList<>(Main.COMMANDS.keySet());
        tokens.addAll(List.of("help", "--url", "postgresql://u@db.example/shop", "--url=postgresql://db.example/shop", "--migrations",
                "migrations", "--migrations=db", "-v", "--verbose", "--lock-retries", "3", "--schemas", "sales,hr", "--model-package",
                "com.acme", "--hibernate-property", "hibernate.default_schema=sales", "--help", "-h", "--version", "-V", "--", "-",
                "--autogenerate", "-m", "add x", "--sql", "--timing", "--format", "json", "head", "-1", "base", "+1", "--nope", "chek", "@args"));
        return Arbitraries.of(tokens).list().ofMaxSize(6);
    }

    /** What picocli makes of the arguments: each command reached, with its options and parameters, or its error. */
    private static String read(CommandLine cli, String[] args) {
        try {
            StringBuilder read = new StringBuilder();
            for (CommandLine.ParseResult r = cli.parseArgs(args); r != null; r = r.subcommand()) {
                read.append(r.commandSpec().name()).append(r.matchedOptions().stream()
                                .map(o -> " " + o.longestName() + "=" + o.originalStringValues()).collect(Collectors.joining()))
                        .append(r.matchedPositionals().stream().map(p -> " " + p.originalStringValues()).collect(Collectors.joining()))
                        .append(r.unmatched().isEmpty() ? "" : " unmatched " + r.unmatched()).append(" / ");
            }
            return read.toString();
        } catch (CommandLine.ParameterException e) {
            return "error: " + e.getMessage();
        }
    }
}
