package io.diffgen.cli;

import io.diffgen.Cli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command answers --help, as the error lines advise ("see 'diffgen upgrade --help'"), and --version. */
class HelpTest {
    /** The README's table of exit codes is the one --help prints. */
    @org.junit.jupiter.api.Test
    void theReadmeListsEveryExitCodeAsHelpDoes() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        Main.exitCodes().forEach((code, meaning) -> assertTrue(readme.contains("\n| " + code + " | " + meaning + " |\n"),
                "README lacks exit code " + code + ": " + meaning));
    }

    @ParameterizedTest
    @ValueSource(strings = {"revision", "check", "upgrade", "downgrade", "current", "heads", "history", "show", "stamp", "merge",
            "status", "validate", "preflight", "init", "db"})
    void everyCommandAnswersHelp(String command) {
        Cli.Result help = Cli.run(command, "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith("Usage: diffgen " + command + " "), help.out());
        assertTrue(help.out().contains("\nExit codes:\n  0    done (check: no differences)\n  1    check: "), help.out());
        assertTrue(help.out().contains("\n  70   an unexpected error"), help.out());
        assertEquals("", help.err());
        Cli.Result version = Cli.run(command, "--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("diffgen "), command + " --version printed: " + version.out());
    }
}
