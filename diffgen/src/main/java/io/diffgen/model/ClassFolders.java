package io.diffgen.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;
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
        return list(classpath).read();
    }

    /** The classpath's folders walked, their files not read yet. */
    public static Listing list(List<Path> classpath) {
        Map<Path, List<Path>> folders = new LinkedHashMap<>();
        FileTime[] newest = {null};
        for (Path entry : classpath) {
            Path folder = entry.toAbsolutePath().normalize();
            if (!Files.isDirectory(folder)) {
                try {
                    newest[0] = later(newest[0], Files.getLastModifiedTime(folder)); // a jar
                } catch (IOException e) {
                    // not there: the reader says so
                }
                continue;
            }
            if (folders.containsKey(folder)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            BiPredicate<Path, BasicFileAttributes> regular = (file, attributes) -> {
                if (!attributes.isRegularFile() && !(attributes.isSymbolicLink() && Files.isRegularFile(file))) {
                    return false;
                }
                newest[0] = later(newest[0], attributes.lastModifiedTime());
                return true;
            };
            try (Stream<Path> walk = Files.find(folder, Integer.MAX_VALUE, regular)) {
                walk.forEach(file -> files.add(folder.relativize(file)));
            } catch (IOException | UncheckedIOException e) {
                // a file written or deleted under the walk (a build running): the key and the scan read the folder themselves
                continue;
            }
            folders.put(folder, files);
        }
        return new Listing(folders, Optional.ofNullable(newest[0]));
    }

    private static FileTime later(FileTime newest, FileTime modified) {
        return newest == null || modified.compareTo(newest) > 0 ? modified : newest;
    }

    /**
     * The files of the classpath's folders, by folder, and when the newest file on the classpath (one of
     * theirs, or a jar) was last modified (empty with none): a model cached after that may still be what
     * they map.
     */
    public static final class Listing {
        private final Map<Path, List<Path>> folders;
        private final Optional<FileTime> newest;

        private Listing(Map<Path, List<Path>> folders, Optional<FileTime> newest) {
            this.folders = folders;
            this.newest = newest;
        }

        public Optional<FileTime> newest() {
            return newest;
        }

        /** Each folder with its class files read; a folder with a file that could not be read is left out. */
        public ClassFolders read() {
            Map<Path, Map<Path, Optional<byte[]>>> read = new LinkedHashMap<>();
            folders.forEach((folder, files) -> {
                Map<Path, Optional<byte[]>> contents = new TreeMap<>();
                try {
                    for (Path file : files) {
                        contents.put(file, file.toString().endsWith(".class") ? Optional.of(Files.readAllBytes(folder.resolve(file))) : Optional.empty());
                    }
                } catch (IOException e) {
                    // deleted since the walk (a build running): the key and the scan read the folder themselves
                    return;
                }
                read.put(folder, Collections.unmodifiableMap(contents));
            });
            return new ClassFolders(read);
        }
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
