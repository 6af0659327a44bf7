package io.diffgen.revision;

import io.diffgen.DiffgenException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@code migrations/} folder: {@code versions/*.sql} revision scripts, and the master changelog
 * that lets stock Liquibase run them in file-name order.
 */
public final class MigrationsDirectory {
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private static final java.util.regex.Pattern STAMPED = java.util.regex.Pattern.compile("\\d{8}_\\d{6}");
    public static final String MASTER_CHANGELOG = "changelog.xml";

    private final Path root;

    public MigrationsDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path versions() {
        return root.resolve("versions");
    }

    /**
     * Runs {@code work} (read the graph, compare, write a revision) while no other diffgen process
     * writes a revision into this folder, so two at once cannot both build on the same head and leave
     * two heads with the same change: the second waits (told through {@code waiting}), then sees the
     * first one's revision. The lock is an OS file lock in the project's git-ignored {@code .diffgen/},
     * released by the OS if the process dies.
     */
    public <T> T whileWritingRevisions(java.util.function.Supplier<T> work, java.util.function.Consumer<String> waiting) {
        Path project = root.toAbsolutePath().normalize().getParent();
        Path dir = (project == null ? Path.of(".") : project).resolve(".diffgen");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve(".gitignore"))) {
                Files.writeString(dir.resolve(".gitignore"), "*\n");
            }
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dir.resolve("revision.lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
                java.nio.channels.FileLock lock = tryLock(channel);
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
                if (lock == null) {
                    waiting.accept("Waiting for another diffgen run that is writing a revision into " + versions());
                }
                while (lock == null) {
                    if (System.nanoTime() > deadline) {
                        throw new DiffgenException(DiffgenException.ErrorCode.REVISION, "another diffgen run has been writing a revision into "
                                + versions() + " for over 120 s (lock " + dir.resolve("revision.lock") + ")");
                    }
                    Thread.sleep(200);
                    lock = tryLock(channel);
                }
                try {
                    return work.get();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.REVISION, "cannot lock " + dir.resolve("revision.lock") + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiffgenException(DiffgenException.ErrorCode.REVISION, "interrupted while waiting to write a revision", e);
        }
    }

    /** The lock, or null while another process, or another thread of this one, holds it. */
    private static java.nio.channels.FileLock tryLock(java.nio.channels.FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    /** Every script in file-name order, which is creation order. */
    public List<Path> scripts() {
        if (!Files.isDirectory(versions())) {
            throw new DiffgenException(DiffgenException.ErrorCode.REVISION,
                    "no migrations folder at " + versions() + " (use --migrations DIR, or create it: mkdir -p " + versions() + ")");
        }
        try (Stream<Path> files = Files.list(versions())) {
            List<Path> all = files.sorted().toList();
            refuseWhatStockLiquibaseWouldRunToo(all);
            // an editor's lock or backup file (.#name.sql, a dangling link) is not a revision
            return all.stream().filter(p -> p.getFileName().toString().endsWith(".sql") && !p.getFileName().toString().startsWith(".")
                    && Files.isRegularFile(p)).toList();
        } catch (IOException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.REVISION, "cannot list " + versions() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The master changelog's {@code includeAll} (stock Liquibase, Spring Boot) runs every {@code .sql}
     * file under {@code versions/}, in any letter case and in subfolders (those first): one diffgen does
     * not read would run there and not here, so it is refused, naming what to do.
     */
    private void refuseWhatStockLiquibaseWouldRunToo(List<Path> entries) throws IOException {
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (Files.isRegularFile(p) && !name.startsWith(".") && !name.endsWith(".sql") && name.toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) {
                throw new DiffgenException(DiffgenException.ErrorCode.REVISION, p + ": a revision's name ends in .sql, in lower case "
                        + "(stock Liquibase would run this file, diffgen would not): rename it");
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> inside = Files.walk(p)) {
                    java.util.Optional<Path> script = inside.filter(f -> Files.isRegularFile(f)
                            && f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql")).findFirst();
                    if (script.isPresent()) {
                        throw new DiffgenException(DiffgenException.ErrorCode.REVISION, script.get() + ": revisions live directly in "
                                + versions() + ", not in a folder below it (stock Liquibase would run it, first; diffgen would not): move it up");
                    }
                }
            }
        }
    }

    public RevisionGraph graph() {
        List<Revision> revisions = new ArrayList<>();
        for (Path script : scripts()) {
            revisions.add(RevisionScript.parseHeader(script, read(script)));
        }
        return new RevisionGraph(revisions);
    }

    /** A script's text; an error naming the file if it is not UTF-8. */
    public static String read(Path script) {
        try {
            byte[] bytes = Files.readAllBytes(script);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString().replaceFirst("^\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new RevisionException.BadScript(script.getFileName() + ": not valid UTF-8");
        } catch (IOException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.REVISION, "cannot read " + script + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file name for a new revision: a UTC timestamp that sorts after every existing script, the
     * id, and a slug of the message made only of [a-z0-9_], so it cannot leave the folder.
     */
    public String fileName(Instant created, String revisionId, String message) {
        String stamp = FILE_STAMP.format(created);
        String last = scripts().stream().map(p -> p.getFileName().toString()).filter(n -> STAMPED.matcher(n).lookingAt())
                .reduce((a, b) -> b).orElse("");
        if (!last.isEmpty() && stamp.compareTo(last.substring(0, stamp.length())) <= 0) {
            // the newest script is from this second or from the future (a skewed clock): sort right after it
            Instant newest = java.time.LocalDateTime.parse(last.substring(0, stamp.length()), FILE_STAMP)
                    .toInstant(ZoneOffset.UTC);
            stamp = FILE_STAMP.format(newest.plusSeconds(1));
        }
        String slug = slug(message);
        return stamp + "_" + revisionId + (slug.isEmpty() ? "" : "_" + slug) + ".sql";
    }

    static String slug(String message) {
        String ascii = Normalizer.normalize(message, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() <= 40) return slug;
        // an expand/contract pair's phase stays in the name however long the message
        String phase = slug.endsWith("_expand") ? "_expand" : slug.endsWith("_contract") ? "_contract" : "";
        return slug.substring(0, 40 - phase.length()).replaceAll("_+$", "") + phase;
    }

    /** Writes a script atomically: readers see the whole file or none. */
    public Path write(String fileName, String content) {
        if (!fileName.matches("[A-Za-z0-9_.]+") || fileName.contains("..")) {
            throw new IllegalArgumentException("unsafe file name " + fileName);
        }
        Path target = versions().resolve(fileName);
        Path temp = versions().resolve("." + fileName + ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            return target;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to clean
            }
            throw new DiffgenException(DiffgenException.ErrorCode.REVISION, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Today's timestamp as the header shows it. */
    public static String createDate(Instant created) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC).format(created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) + "Z";
    }

    /** The master changelog for stock Liquibase and Spring Boot; written once, never edited. */
    public void ensureMasterChangelog() {
        Path master = root.resolve(MASTER_CHANGELOG);
        if (Files.exists(master)) {
            return;
        }
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Runs every revision in migrations/versions/ in file-name order, which diffgen keeps topological.
                     Stock Liquibase (update) and Spring Boot (spring.liquibase.change-log) can apply it as it is. -->
                <databaseChangeLog
                        xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.31.xsd">
                    <includeAll path="versions/" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """;
        try {
            Files.createDirectories(versions());
            Files.writeString(master, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.REVISION, "cannot write " + master + ": " + e.getMessage(), e);
        }
    }
}
