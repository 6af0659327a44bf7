package io.diffgen.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Mermaid's own parser, from the npm registry into target/ the first time: {@code mermaid.parse}
 * runs in plain Node. Absent when node, npm or the registry is not there.
 */
final class Mermaid {
    static final String VERSION = "11.17.2";
    private static final Path HOME = Path.of("target", "mermaid").toAbsolutePath();
    private static final Path SCRIPT = HOME.resolve("parse.mjs");

    private Mermaid() {
    }

    static synchronized Optional<Path> parser() {
        if (Files.isDirectory(HOME.resolve("node_modules/mermaid")) && Files.exists(SCRIPT)) return Optional.of(SCRIPT);
        try {
            Files.createDirectories(HOME);
            Process npm = new ProcessBuilder("npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", HOME.toString(),
                    "mermaid@" + VERSION).redirectErrorStream(true).redirectOutput(HOME.resolve("npm.log").toFile()).start();
            if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                return Optional.empty();
            }
            Files.writeString(SCRIPT, """
                    import mermaid from 'mermaid';
                    import { readFileSync } from 'node:fs';
                    try {
                      const result = await mermaid.parse(readFileSync(process.argv[2], 'utf8'));
                      console.log('parsed ' + result.diagramType);
                    } catch (e) {
                      console.log('error: ' + e.message);
                      process.exit(1);
                    }
                    """);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(SCRIPT);
    }

    /** Mermaid's verdict on {@code diagram}: {@code parsed er} or the parser's error. */
    static String parse(Path parser, String diagram) throws IOException, InterruptedException {
        Path file = Files.createTempFile("diffgen-erd", ".mmd");
        Files.writeString(file, diagram);
        Process node = new ProcessBuilder("node", parser.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes()).strip();
        node.waitFor(60, TimeUnit.SECONDS);
        Files.delete(file);
        return out;
    }
}
