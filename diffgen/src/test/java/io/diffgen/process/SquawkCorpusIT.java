package io.diffgen.process;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Squawk on every upgrade the round-trip corpus generates (its golden files, which ModelEditRoundTripTest
 * holds equal to what the CLI writes): with the online forms, no lock rule fires but where the script
 * itself warns of the hazard, and every other finding is a known one with its reason.
 */
@Tag("process")
class SquawkCorpusIT {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path EXPECTED = Path.of("src/test/resources/squawk-findings.txt");

    @Test
    void squawkFindsOnlyTheHazardsTheScriptsWarnAbout() throws Exception {
        Path squawk = Squawk.binary().orElse(null);
        Assumptions.assumeTrue(squawk != null, "squawk-cli " + Squawk.VERSION + " could not be installed from the npm registry");
        List<Path> goldens;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            goldens = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
        List<String> found = Squawk.lint(squawk, goldens).stream().filter(f -> !f.rule().startsWith("prefer-"))
                .map(f -> f.file() + " " + f.rule()).sorted().toList();
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(EXPECTED)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.split(" ", 4);
            expected.add(parts[0] + " " + parts[1]);
            if (!parts[2].equals("no-hazard")) {
                String script = Files.readString(GOLDEN.resolve(parts[0]));
                assertTrue(script.contains("WARNING " + parts[2] + ":"), parts[0] + " must warn with " + parts[2] + " for " + parts[1]);
            }
        }
        assertEquals(expected.stream().sorted().toList(), found, "Squawk's findings on the generated upgrades");
    }
}
