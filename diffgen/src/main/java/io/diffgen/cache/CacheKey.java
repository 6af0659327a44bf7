package io.diffgen.cache;

import io.diffgen.model.ClassFolders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The key of a cached model: a SHA-256 over diffgen's own build ({@link #TOOL_VERSION}), the cache's
 * {@link SnapshotCodec#FORMAT}, the model packages, the Hibernate settings given to diffgen, and every
 * file of the model classpath (path, then bytes: class files, jars, and the settings files they carry,
 * such as {@code hibernate.properties} or {@code application.yml}). Any change to one of them changes
 * the key. The canonical form's key adds the server version to it ({@link #canonical}). A throwaway
 * database with the migrations replayed is kept under {@link #replayed}: the target revisions and every
 * script's name and text.
 */
public final class CacheKey {
    /** diffgen's own build: a cached model or canonical form is only valid for the code that made it. */
    public static final String TOOL_VERSION = toolVersion();

    private CacheKey() {
    }

    /** Empty when the model has no classpath of its own to hash. */
    public static Optional<String> of(List<Path> classpath, List<String> packages, Map<String, String> settings, String hibernate) {
        return of(classpath, ClassFolders.read(classpath), packages, settings, hibernate);
    }

    /** As {@link #of(List, List, Map, String)}, with the classpath's folders read already. */
    public static Optional<String> of(List<Path> classpath, ClassFolders folders, List<String> packages, Map<String, String> settings,
                                      String hibernate) {
        if (classpath.isEmpty()) {
            return Optional.empty();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((TOOL_VERSION + "\n" + SnapshotCodec.FORMAT + "\n" + hibernate + "\n" + String.join(",", packages) + "\n" + new TreeMap<>(settings) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Path entry : classpath) {
                sha.update(entry.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isDirectory(entry)) {
                    if (!folders.wasRead(entry)) {
                        return Optional.empty();
                    }
                    for (Path file : folders.files(entry)) {
                        sha.update(file.toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(folders.bytes(entry, file));
                    }
                } else if (Files.isRegularFile(entry)) {
                    try (InputStream in = Files.newInputStream(entry)) {
                        byte[] buffer = new byte[1 << 16];
                        for (int r; (r = in.read(buffer)) > 0; ) {
                            sha.update(buffer, 0, r);
                        }
                    }
                }
            }
            return Optional.of(HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** The model's key with the server's {@code version()}: PostgreSQL's spelling of types and defaults may change between versions. */
    public static String canonical(String modelKey, String serverVersion) {
        return hash(modelKey + "\n" + serverVersion);
    }

    /** What a database replayed from the migrations depends on: the target revisions, and every script's file name and text, in order. */
    public static String replayed(List<String> targets, Map<String, String> scripts) {
        StringBuilder key = new StringBuilder(String.join(",", targets)).append('\n');
        scripts.forEach((name, text) -> key.append(name).append('\n').append(text).append('\n'));
        return hash(key.toString());
    }

    /** The first 12 bytes (24 hex digits) of the text's SHA-256: a short, stable name for a cache entry. */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jar's path, size and time, or a class folder's newest file: enough to tell two builds apart. */
    private static String toolVersion() {
        try {
            Path location = Path.of(CacheKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location + " " + Files.size(location) + " " + Files.getLastModifiedTime(location);
            }
            try (Stream<Path> files = Files.walk(location)) {
                long newest = files.mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
                return location + " " + newest;
            }
        } catch (Exception e) {
            return "diffgen " + System.nanoTime(); // unknown build: never reuse a cache entry
        }
    }
}
