package io.diffgen.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's local PostgreSQL ({@code .diffgen/}), through the jar: started, found, stopped, and
 * brought back after what users' machines do to it: a killed server, a stale or reused pid file, a
 * first start killed half-way, an unpack of the binaries killed half-way.
 */
@Tag("process")
class LocalPostgresIT {
    @TempDir
    Path project;

    private Map<String, String> env = Map.of();

    private Jar.Result db(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--migrations", project.resolve("migrations").toString()));
        return Jar.run(project, env, all);
    }

    private Path pidFile() {
        return project.resolve(".diffgen/pgdata/postmaster.pid");
    }

    private long postmaster() throws Exception {
        return Long.parseLong(Files.readAllLines(pidFile()).get(0).strip());
    }

    @AfterEach
    void stop() {
        db("db", "stop");
    }

    @Test
    void startStatusStopAndBackAfterWhatMachinesDoToIt() throws Exception {
        Files.createDirectories(project.resolve("migrations/versions"));
        Jar.Result before = db("db", "status");
        assertEquals(1, before.exitCode());
        assertEquals("not running\n", before.out());

        String url = db("db", "start").assertOk().out().strip();
        assertTrue(url.startsWith("postgresql://postgres@localhost:"), url);
        assertTrue(db("db", "status").assertOk().out().startsWith("running (pid " + postmaster() + "), " + url), "status names pid and url");
        assertEquals(url + "\n", db("db", "url").assertOk().out(), "a second start finds the running server");

        // killed: a later command starts it again
        long killed = postmaster();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        ProcessHandle.of(killed).ifPresent(h -> h.onExit().join());
        assertEquals(1, db("db", "status").exitCode(), "a dead postmaster is not running");
        assertEquals("", db("current").assertOk().out(), "current starts it again");
        assertTrue(postmaster() != killed);

        // stopped, then a pid file that names a live process that is not PostgreSQL (this JVM)
        assertEquals("stopped\n", db("db", "stop").assertOk().err());
        assertFalse(Files.exists(pidFile()), "PostgreSQL removed its pid file");
        Files.writeString(pidFile(), ProcessHandle.current().pid() + "\n");
        assertEquals(1, db("db", "status").exitCode());
        assertEquals("", db("current").assertOk().out(), "a reused pid is not taken for the server");
        assertTrue(ProcessHandle.current().isAlive());

        // a running server is never started over: the same postmaster serves the next command
        long running = postmaster();
        db("current").assertOk();
        assertEquals(running, postmaster());
        db("db", "stop").assertOk();

        // a first start killed during initdb: a cluster folder without PG_VERSION
        deleteTree(project.resolve(".diffgen/pgdata"));
        Files.createDirectories(project.resolve(".diffgen/pgdata/base"));
        Files.writeString(project.resolve(".diffgen/pgdata/base/half-written"), "x");
        assertEquals("", db("current").assertOk().out(), "a half-made cluster is made again");
        db("db", "stop").assertOk();
        assertEquals(0, postgresProcessesOn(project), "no server left running");
    }

    /** A data folder another major version made (an application on other embedded binaries): one line saying so, at once. */
    @Test
    void aDataFolderOfAnotherMajorVersionIsNamedInOneLine() throws Exception {
        Files.createDirectories(project.resolve("migrations/versions"));
        db("db", "start").assertOk();
        db("db", "stop").assertOk();
        Files.writeString(project.resolve(".diffgen/pgdata/PG_VERSION"), "14\n");
        Jar.Result refused = db("db", "start");
        assertEquals(4, refused.exitCode(), refused.err());
        assertEquals("error: the local PostgreSQL data in " + project.resolve(".diffgen/pgdata") + " was made by PostgreSQL 14, and this "
                + "diffgen runs PostgreSQL 17, which cannot open it: delete " + project.resolve(".diffgen") + " to start afresh (the local "
                + "database is rebuilt from the migrations by 'upgrade head'), or use the build that made it\n", refused.err());
        assertEquals(0, postgresProcessesOn(project), "nothing was started");
    }

    @Test
    void anUnpackOfTheBinariesKilledHalfWayIsRedone(@TempDir Path binaries) throws Exception {
        Path unpacked = unpackedOnce(binaries);
        // what a kill during the unpack leaves: no marker, and links whose targets were not written yet
        Files.delete(unpacked.resolve(".exists"));
        deleteTree(unpacked.resolve("share"));
        try (Stream<Path> files = Files.list(unpacked.resolve("lib"))) {
            for (Path link : files.filter(Files::isSymbolicLink).toList()) {
                Files.deleteIfExists(link.resolveSibling(Files.readSymbolicLink(link)));
            }
        }
        Jar.Result again = db("db", "start");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.exists(unpacked.resolve(".exists")), "unpacked afresh");
    }

    /**
     * An unpack that filled the disk: io.zonky marks it finished with empty binaries. The next run
     * (space freed) finds that and unpacks again, where it used to fail for good.
     */
    @Test
    void anUnpackLeftWithEmptyBinariesIsRedone(@TempDir Path binaries) throws Exception {
        Path unpacked = unpackedOnce(binaries);
        for (String binary : List.of("postgres", "initdb", "pg_ctl")) {
            Files.write(unpacked.resolve("bin").resolve(binary), new byte[0]); // what ENOSPC left, the marker still there
        }
        Jar.Result again = db("db", "start");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.size(unpacked.resolve("bin/postgres")) > 0, "unpacked afresh");
    }

    /**
     * The first unpack on a disk without room (a 20 MB tmpfs, where the machine lets root mount one):
     * one line that says so and how much is free, no stack traces; once there is room, the next run works.
     */
    @Test
    void aFirstUnpackOnAFullDiskSaysSoInOneLineAndTheNextRunWorks(@TempDir Path binaries) throws Exception {
        Files.createDirectories(project.resolve("migrations/versions"));
        org.junit.jupiter.api.Assumptions.assumeTrue(mount("-t", "tmpfs", "-o", "size=20m", "tmpfs", binaries.toString()),
                "mounting a tmpfs needs root and CAP_SYS_ADMIN");
        try {
            env = Map.of("JAVA_TOOL_OPTIONS", "-Dot.epg.working-dir=" + binaries);
            Jar.Result full = db("db", "start");
            assertEquals(4, full.exitCode(), full.err());
            List<String> lines = full.err().lines().filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).toList();
            assertEquals(2, lines.size(), full.err());
            assertTrue(lines.get(0).startsWith("Unpacking the embedded PostgreSQL 17 binaries into " + binaries), full.err());
            lines = lines.subList(1, 2);
            assertTrue(lines.get(0).startsWith("error: cannot start the local PostgreSQL in ") && lines.get(0).contains(
                    ": the embedded PostgreSQL binaries could not be unpacked into " + binaries + "/PG-"), full.err());
            assertTrue(lines.get(0).contains("MB free there, no space left for the 64 MB they take); the partial unpack was removed"), full.err());
            assertTrue(mount("-o", "remount,size=400m", binaries.toString()));
            db("db", "start").assertOk();
        } finally {
            db("db", "stop");
            mount("-u", binaries.toString());
        }
    }

    /** mount (or, with -u, umount) as a process; false if it is not allowed here. */
    private static boolean mount(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(args[0].equals("-u") ? "umount" : "mount"));
        command.addAll(args[0].equals("-u") ? List.of(args).subList(1, args.length) : List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The binaries unpacked into {@code binaries} by a first start (and stop) of the local server. */
    private Path unpackedOnce(Path binaries) throws Exception {
        Files.createDirectories(project.resolve("migrations/versions"));
        env = Map.of("JAVA_TOOL_OPTIONS", "-Dot.epg.working-dir=" + binaries);
        assertTrue(db("db", "start").assertOk().err().contains("Unpacking the embedded PostgreSQL 17 binaries into " + binaries
                + " (about 64 MB, once per machine)\n"), "the first start says why it takes a moment");
        db("db", "stop").assertOk();
        try (Stream<Path> dirs = Files.list(binaries)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("PG-")).findFirst().orElseThrow();
        }
    }

    private static long postgresProcessesOn(Path project) {
        String data = project.resolve(".diffgen/pgdata").toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(data)).orElse(false)).count();
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void aThrowawayDatabaseLeftByAKilledRunIsStoppedAndDeletedByTheNextRun() throws Exception {
        Path copy = project.resolve("migrations");
        Files.createDirectories(copy.resolve("versions"));
        try (Stream<Path> files = Files.list(Jar.MIGRATIONS.resolve("versions"))) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve("versions").resolve(f.getFileName()));
        }
        Files.createDirectories(copy.resolve("objects"));
        Files.copy(Jar.MIGRATIONS.resolve("objects/updated_at.sql"), copy.resolve("objects/updated_at.sql"));
        List<String> check = List.of("check", "--migrations", copy.toString(), "--model-classpath", Jar.MODEL_CLASSES.toString(),
                "--model-package", "io.pixcrawler.model");
        Process run = Jar.start(project, check);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path shadow = null;
        for (int i = 0; i < 600 && shadow == null && run.isAlive(); i++) {
            Thread.sleep(50);
            shadow = ownedShadow(tmp, run.pid());
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(shadow != null, "the run finished before its throwaway server could be caught");
        run.destroyForcibly().waitFor();
        Path pid = shadow.resolve("postmaster.pid");
        for (int i = 0; i < 200 && !Files.exists(pid); i++) Thread.sleep(50);
        long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).strip());
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "kill -9 left the server running");

        assertEquals(0, Jar.run(project, check).exitCode());
        assertFalse(Files.exists(shadow), "the next run deleted the orphan's folder");
        ProcessHandle.of(postmaster).ifPresent(h -> h.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "and stopped its server");
    }

    /** The throwaway cluster folder a diffgen process with this pid owns, once its server has been started. */
    private static Path ownedShadow(Path tmp, long pid) throws Exception {
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path owner : entries.filter(p -> p.getFileName().toString().startsWith("diffgen-shadow-")
                    && p.getFileName().toString().endsWith(".owner")).toList()) {
                String text = Files.exists(owner) ? Files.readString(owner) : "";
                Path dir = owner.resolveSibling(owner.getFileName().toString().replace(".owner", ""));
                if (text.startsWith(pid + " ") && Files.exists(dir.resolve("postmaster.pid"))) {
                    return dir;
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        return null;
    }
}
