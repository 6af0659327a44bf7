package io.diffgen.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The folders on a model classpath, each walked and its class files read once: the cache key hashes every
 * file, and the scan for mapped classes reads the class files from here instead of asking the class loader
 * for each again. Other files (resources, which may be large) are read again when hashed; the jars on the
 * classpath are not read here. A folder that could not be read is left out: see {@link #wasRead}.
 */
public final class ClassFolders {
    /** Each folder read (absolute, normalized), in classpath order, with its files by path relative to it, in path order; class files with their bytes. */
    private final Map<Path, Map<Path, Optional<byte[]>>> folders;

    private ClassFolders(Map<Path, Map<Path, Optional<byte[]>>> folders) {
        this.folders = folders;
    }

    public static ClassFolders read(List<Path> classpath) {
        Map<Path, Map<Path, Optional<byte[]>>> folders = new LinkedHashMap<>();
        for (Path entry : classpath) {
            Path folder = entry.toAbsolutePath().normalize();
            if (!Files.isDirectory(folder) || folders.containsKey(folder)) {
                continue;
            }
            Map<Path, Optional<byte[]>> files = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    files.put(folder.relativize(file), file.toString().endsWith(".class") ? Optional.of(Files.readAllBytes(file)) : Optional.empty());
                }
            } catch (IOException | UncheckedIOException e) {
                // a file written or deleted under the walk (a build running): the key and the scan read the folder themselves
                continue;
            }
            folders.put(folder, Collections.unmodifiableMap(files));
        }
        return new ClassFolders(folders);
    }

    /** Whether {@code folder} is one of the classpath's folders, and was read. */
    public boolean wasRead(Path folder) {
        return folders.containsKey(folder.toAbsolutePath().normalize());
    }

    /** The files of a folder that was read, by path relative to it, in path order; empty for any other. */
    public List<Path> files(Path folder) {
        return List.copyOf(folders.getOrDefault(folder.toAbsolutePath().normalize(), Map.of()).keySet());
    }

    /** The bytes of a file of a folder that was read: a class file's as read then, any other's from the disk now. */
    public byte[] bytes(Path folder, Path file) throws IOException {
        Optional<byte[]> kept = folders.getOrDefault(folder.toAbsolutePath().normalize(), Map.of()).getOrDefault(file, Optional.empty());
        return kept.isPresent() ? kept.get() : Files.readAllBytes(folder.resolve(file));
    }

    /** The class files of a folder that was read, by path relative to it, in path order; empty for any other. */
    Map<Path, byte[]> classFiles(Path folder) {
        Map<Path, byte[]> classFiles = new TreeMap<>();
        folders.getOrDefault(folder.toAbsolutePath().normalize(), Map.of()).forEach((file, bytes) -> bytes.ifPresent(b -> classFiles.put(file, b)));
        return classFiles;
    }
}
