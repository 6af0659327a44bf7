package io.diffgen;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The models under {@code src/test/compiled-models}, compiled here against a library kept off the
 * test classpath (see the README there), into {@code target/compiled-models/<name>}, with their other
 * files (an application's {@code config/application.yml}, its changelog) beside the classes; once per run.
 */
public final class CompiledModels {
    private static final Map<String, Path> COMPILED = new ConcurrentHashMap<>();

    private CompiledModels() {
    }

    /** The classes of model {@code name}, compiled against the test classpath and {@code libraries}. */
    public static Path classes(String name, List<Path> libraries) {
        return COMPILED.computeIfAbsent(name, n -> compile(n, libraries));
    }

    private static Path compile(String name, List<Path> libraries) {
        Path sources = Path.of("src", "test", "compiled-models", name).toAbsolutePath();
        Path classes = Path.of("target", "compiled-models", name).toAbsolutePath();
        try (Stream<Path> files = Files.walk(sources)) {
            Files.createDirectories(classes);
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                    System.getProperty("java.class.path") + File.pathSeparator
                            + String.join(File.pathSeparator, libraries.stream().map(Path::toString).toList())));
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.toString().endsWith(".java")) {
                    arguments.add(file.toString());
                } else {
                    Path copy = classes.resolve(sources.relativize(file));
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            int exit = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new));
            if (exit != 0) throw new IllegalStateException("model " + name + " does not compile against " + libraries);
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
