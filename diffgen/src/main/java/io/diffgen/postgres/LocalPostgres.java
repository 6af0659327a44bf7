package io.diffgen.postgres;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The project's own local PostgreSQL, used when no URL is given: its data lives in a git-ignored
 * {@code .diffgen/} folder, it keeps running between commands (so a command pays only for a
 * connection), and {@code diffgen db stop} ends it.
 *
 * <p>Whether it runs is PostgreSQL's own answer: the postmaster that {@code postmaster.pid} names
 * must be alive and be a postgres process. A pid file is deleted only when it names no such process
 * (a stale file, its pid reused after a reboot); a live server that does not answer yet is waited
 * for, never started over. Stopping signals only that verified postmaster. A first start builds its
 * cluster in a temporary folder and moves it into place, so a start killed half-way leaves nothing
 * the next one trips on.
 */
public final class LocalPostgres {
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Path home;

    public LocalPostgres(Path home) {
        this.home = home;
    }

    /** {@code .diffgen} in the folder that holds the migrations folder, i.e. the project root. */
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

    private Path pidFile() {
        return dataDirectory().resolve("postmaster.pid");
    }

    public DatabaseUrl url(int port) {
        return DatabaseUrl.parse("postgresql://postgres@localhost:" + port + "/postgres");
    }

    /** What {@code db status} says. */
    public record Status(boolean running, Optional<Long> pid, Optional<Integer> port) {
    }

    public Status status() {
        Optional<Long> pid = livePostmaster();
        if (pid.isEmpty()) {
            return new Status(false, Optional.empty(), Optional.empty());
        }
        return new Status(true, pid, readPort().filter(LocalPostgres::answers));
    }

    /** Starts the server unless it runs already; returns its URL. */
    public DatabaseUrl ensureRunning() {
        Optional<Long> pid = livePostmaster();
        if (pid.isPresent()) {
            Optional<Integer> port = waitUntilItAnswers(pid.get());
            if (port.isPresent()) {
                return url(port.get());
            }
        }
        try {
            Files.createDirectories(home);
            Files.writeString(home.resolve(".gitignore"), "*\n", StandardCharsets.UTF_8);
            Files.deleteIfExists(pidFile()); // names no live postgres process: PostgreSQL would refuse to start over it
            if (!Files.isRegularFile(dataDirectory().resolve("PG_VERSION"))) {
                initialise();
            } else {
                refuseAnotherMajorVersion();
            }
            int port = freePort();
            start(dataDirectory(), port);
            Files.writeString(portFile(), Integer.toString(port), StandardCharsets.UTF_8);
            return url(port);
        } catch (DiffgenException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot start the local PostgreSQL in " + home + ": "
                    + EmbeddedBinaries.failedUnpack().orElse("(see " + home.resolve("server.log") + ") " + e.getMessage()), e);
        }
    }

    /**
     * A data folder another major version made (another diffgen, or an application whose embedded
     * binaries differ) cannot be started by these binaries: said in one line, before a start that
     * would only time out.
     */
    private void refuseAnotherMajorVersion() throws IOException {
        String made = Files.readString(dataDirectory().resolve("PG_VERSION"), StandardCharsets.UTF_8).strip();
        Optional<Integer> runs = EmbeddedBinaries.majorVersion();
        if (runs.isPresent() && !made.equals(runs.get().toString())) {
            throw new DiffgenException(ErrorCode.DATABASE, "the local PostgreSQL data in " + dataDirectory() + " was made by PostgreSQL "
                    + made + ", and this diffgen runs PostgreSQL " + runs.get() + ", which cannot open it: delete " + home
                    + " to start afresh (the local database is rebuilt from the migrations by 'upgrade head'), or use the build that made it");
        }
    }

    /** A new cluster, made in a folder of its own and moved into place once initdb has finished. */
    private void initialise() throws IOException {
        DataDirectory.delete(dataDirectory()); // what a killed first start left: no PG_VERSION, no live server
        Path building = Files.createTempDirectory(home, "pgdata-building-");
        try {
            start(building, freePort()).close();
            Files.move(building, dataDirectory());
        } finally {
            DataDirectory.delete(building);
        }
        try (Stream<Path> leftovers = Files.list(home)) {
            for (Path p : leftovers.filter(p -> p.getFileName().toString().startsWith("pgdata-building-")).toList()) {
                DataDirectory.delete(p);
            }
        }
    }

    private EmbeddedPostgres start(Path data, int port) throws IOException {
        EmbeddedBinaries.prepare();
        return EmbeddedPostgres.builder()
                // TCP only: a Unix socket would sit in /tmp, and outlive a server that was killed
                .setServerConfig("unix_socket_directories", "")
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(STARTUP)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()))
                .start();
    }

    /**
     * A server that runs but is still starting up (or recovering) is given time, not a rival; empty
     * if it exits meanwhile.
     */
    private Optional<Integer> waitUntilItAnswers(long pid) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> port = readPort();
            if (port.isPresent() && answers(port.get())) {
                return port;
            }
            if (livePostmaster().isEmpty()) {
                return Optional.empty();
            }
            sleep(200);
        }
        throw new DiffgenException(ErrorCode.DATABASE, "the local PostgreSQL (pid " + pid + ", data in " + dataDirectory()
                + ") runs but does not answer after " + STARTUP.toSeconds() + " s; see " + home.resolve("server.log")
                + ", or stop it with 'diffgen db stop'");
    }

    /**
     * Stops the server as {@code pg_ctl stop -m fast -w} does: SIGINT (PostgreSQL's fast shutdown) to
     * the postmaster {@code postmaster.pid} names, once it is known to be a live postgres process, then
     * waiting until PostgreSQL removes the pid file. (pg_ctl itself refuses to run as root, as CI does.)
     * False if it was not running.
     */
    public boolean stop() {
        Optional<Long> pid = livePostmaster();
        if (pid.isEmpty()) {
            return false;
        }
        try {
            DataDirectory.interrupt(pid.get());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (livePostmaster().isPresent() && System.nanoTime() < deadline) {
                sleep(100);
            }
            if (livePostmaster().isPresent()) {
                throw new DiffgenException(ErrorCode.DATABASE, "the local PostgreSQL (pid " + pid.get() + ") did not stop within 60 s; see "
                        + home.resolve("server.log"));
            }
            return true;
        } catch (IOException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot stop the local PostgreSQL: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiffgenException(ErrorCode.DATABASE, "interrupted while stopping the local PostgreSQL", e);
        }
    }

    /**
     * The pid of the postmaster running on this data directory: the first line of
     * {@code postmaster.pid}, if that process is alive and is a postgres executable.
     */
    private Optional<Long> livePostmaster() {
        return DataDirectory.postmasterPid(dataDirectory()).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(h -> executable(h).map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
                        .orElse(true)) // a process that cannot be inspected is taken to be the server: never delete its pid file
                .map(ProcessHandle::pid);
    }

    private static Optional<String> executable(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.command().or(() -> info.commandLine().map(line -> line.strip().split("\\s+")[0]));
    }

    private Optional<Integer> readPort() {
        try {
            return Files.isRegularFile(portFile()) ? Optional.of(Integer.parseInt(Files.readString(portFile()).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean answers(int port) {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("connectTimeout", "2");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", props)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiffgenException(ErrorCode.DATABASE, "interrupted while waiting for the local PostgreSQL", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
