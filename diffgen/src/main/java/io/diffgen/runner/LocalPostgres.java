package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * The project's own local PostgreSQL, used when no URL is given: its data lives in a git-ignored
 * {@code .diffgen/} folder, it keeps running between commands (so a command pays only for a
 * connection), and {@code diffgen db stop} ends it.
 */
public final class LocalPostgres {
    private final Path home;

    public LocalPostgres(Path home) {
        this.home = home;
    }

    /** {@code .diffgen} beside the migrations folder's parent, i.e. the project root. */
    public static LocalPostgres forProject(Path migrations) {
        Path root = migrations.toAbsolutePath().normalize().getParent();
        return new LocalPostgres((root == null ? Path.of(".") : root).resolve(".diffgen"));
    }

    private Path dataDirectory() {
        return home.resolve("pgdata");
    }

    private Path portFile() {
        return home.resolve("port");
    }

    public DatabaseUrl url(int port) {
        return DatabaseUrl.parse("postgresql://postgres@localhost:" + port + "/postgres");
    }

    /** The port of the running server, if it answers. */
    public Optional<Integer> runningPort() {
        try {
            if (!Files.exists(portFile()) || !Files.exists(dataDirectory().resolve("postmaster.pid"))) {
                return Optional.empty();
            }
            int port = Integer.parseInt(Files.readString(portFile()).strip());
            Properties props = new Properties();
            props.setProperty("user", "postgres");
            props.setProperty("connectTimeout", "2");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", props)) {
                return Optional.of(port);
            }
        } catch (IOException | NumberFormatException | SQLException e) {
            return Optional.empty();
        }
    }

    /** Starts the server unless it runs already; returns its URL. */
    public DatabaseUrl ensureRunning() {
        Optional<Integer> running = runningPort();
        if (running.isPresent()) {
            return url(running.get());
        }
        try {
            Files.createDirectories(home);
            Files.writeString(home.resolve(".gitignore"), "*\n", StandardCharsets.UTF_8);
            int port = freePort();
            Files.deleteIfExists(dataDirectory().resolve("postmaster.pid"));
            EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()))
                    .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()))
                    .start();
            Files.writeString(portFile(), Integer.toString(port), StandardCharsets.UTF_8);
            return url(port);
        } catch (IOException | RuntimeException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot start the local PostgreSQL in " + home
                    + " (see " + home.resolve("server.log") + "): " + e.getMessage(), e);
        }
    }

    /** Stops the server (a fast shutdown); false if it was not running. */
    public boolean stop() {
        Path pidFile = dataDirectory().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty()) {
                Files.deleteIfExists(pidFile);
                return false;
            }
            // SIGINT is PostgreSQL's fast shutdown; destroy() would send SIGTERM, a smart shutdown
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
            for (int i = 0; i < 300 && process.get().isAlive(); i++) {
                Thread.sleep(100);
            }
            return true;
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot stop the local PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
