package io.diffgen.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Squawk, the PostgreSQL migration linter, installed from the npm registry into target/ the first time
 * (its package carries the binary). Absent when npm or the registry is not reachable.
 */
final class Squawk {
    static final String VERSION = "2.66.0";
    private static final Path HOME = Path.of("target", "squawk").toAbsolutePath();
    private static final Path BINARY = HOME.resolve("node_modules/.bin/squawk");

    /** One finding: the rule, the file's name and the line. */
    record Finding(String rule, String file, int line) {
    }

    private Squawk() {
    }

    static synchronized Optional<Path> binary() {
        if (Files.isExecutable(BINARY)) return Optional.of(BINARY);
        try {
            Files.createDirectories(HOME);
            Process npm = new ProcessBuilder("npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", HOME.toString(),
                    "squawk-cli@" + VERSION).redirectErrorStream(true).redirectOutput(HOME.resolve("npm.log").toFile()).start();
            if (!npm.waitFor(180, TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Files.isExecutable(BINARY) ? Optional.of(BINARY) : Optional.empty();
    }

    /** Every finding of Squawk's default rules on the files. */
    static List<Finding> lint(Path binary, List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--reporter", "gitlab"));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(out)) {
            findings.add(new Finding(f.get("check_name").asText(), Path.of(f.at("/location/path").asText()).getFileName().toString(),
                    f.at("/location/lines/begin").asInt()));
        }
        return findings;
    }
}
