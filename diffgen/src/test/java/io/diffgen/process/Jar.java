package io.diffgen.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code diffgen.jar} run as a real process, the way a user runs it: a fresh JVM, a clean
 * environment (no inherited {@code DATABASE_URL}), a working directory of the test's choosing, and
 * stdout, stderr and the exit code captured separately. Shell pipelines go through a real {@code bash}.
 */
final class Jar {
    static final Path JAR = Path.of("target", "diffgen.jar").toAbsolutePath();
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path MIGRATIONS = REPO.resolve("migrations");
    static final Path MODEL_CLASSES = REPO.resolve("model/target/classes");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    record Result(int exitCode, String out, String err) {
        Result assertOk() {
            if (exitCode != 0) {
                throw new AssertionError("exited " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err);
            }
            return this;
        }
    }

    private Jar() {
    }

    /** {@code java -jar diffgen.jar ARGS} in {@code workingDirectory}. */
    static Result run(Path workingDirectory, Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
        command.addAll(args);
        return exec(workingDirectory, env, command);
    }

    static Result run(Path workingDirectory, List<String> args) {
        return run(workingDirectory, Map.of(), args);
    }

    /** {@code java -jar diffgen.jar ARGS} started and left running, its output discarded: for tests that kill it. */
    static Process start(Path workingDirectory, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("DATABASE_URL");
        return builder.start();
    }

    /** A shell command line, with {@code $DIFFGEN} standing for the jar's command. */
    static Result shell(Path workingDirectory, Map<String, String> env, String script) {
        return exec(workingDirectory, env, List.of("bash", "-o", "pipefail", "-c",
                "DIFFGEN=\"" + JAVA + " -jar " + JAR + "\"\n" + script));
    }

    private static Result exec(Path workingDirectory, Map<String, String> env, List<String> command) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the process tests run after 'mvn package' (mvn verify)");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        String home = environment.get("HOME");
        environment.clear();
        environment.put("PATH", path == null ? "/usr/bin:/bin" : path);
        if (home != null) environment.put("HOME", home);
        environment.put("LANG", "C.UTF-8");
        environment.putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
