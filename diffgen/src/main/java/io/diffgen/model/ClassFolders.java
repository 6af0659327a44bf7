package io.diffgen.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file of the folders on a model classpath, read once: the cache key hashes them, and the scan for
 * mapped classes reads the class files among them instead of asking the class loader for each again.
 * The jars on the classpath are not read here.
 */
public final class ClassFolders {
    /** Each folder (absolute, normalized), in classpath order, with its files by path relative to it, in path order. */
    private final Map<Path, Map<Path, byte[]>> folders;

    private ClassFolders(Map<Path, Map<Path, byte[]>> folders) {
        this.folders = folders;
    }

    public static ClassFolders read(List<Path> classpath) {
        Map<Path, Map<Path, byte[]>> folders = new LinkedHashMap<>();
        for (Path entry : classpath) {
            Path folder = entry.toAbsolutePath().normalize();
            if (!Files.isDirectory(folder) || folders.containsKey(folder)) {
                continue;
            }
            Map<Path, byte[]> files = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    files.put(folder.relativize(file), Files.readAllBytes(file));
                }
            } catch (IOException | UncheckedIOException e) {
                throw new ModelException("cannot read the model classpath folder " + entry + ": " + e.getMessage(), e);
            }
            folders.put(folder, Collections.unmodifiableMap(files));
        }
        return new ClassFolders(folders);
    }

    /** The files of a classpath folder by relative path, in path order; empty if it is not a folder of the classpath. */
    public Map<Path, byte[]> files(Path folder) {
        return folders.getOrDefault(folder.toAbsolutePath().normalize(), Map.of());
    }
}
