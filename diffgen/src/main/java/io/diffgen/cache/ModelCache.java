package io.diffgen.cache;

import io.diffgen.model.EntityModel;
import io.diffgen.snapshot.SchemaSnapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The entity model as Hibernate read it, and its canonical form, on disk under a {@link CacheKey}, so
 * a repeated {@code check} with unchanged entities skips Hibernate's bootstrap and the canonicalizer.
 * One entry of each kind is kept; a damaged or older-format entry is a miss; a write that fails only
 * costs time.
 */
public final class ModelCache {
    private final Path directory;

    public ModelCache(Path directory) {
        this.directory = directory;
    }

    /** {@code .diffgen/cache} in the project: the folder holding the migrations folder. */
    public static Path directoryFor(Path migrations) {
        Path root = migrations.toAbsolutePath().normalize().getParent();
        return (root == null ? Path.of(".") : root).resolve(".diffgen").resolve("cache");
    }

    /**
     * Whether a model was cached, or last found here, under any key, after {@code newest} (the last change
     * to the model's files, if known): if not, the cache will likely miss. A guess that only saves time,
     * never the key's check: files written again unchanged are newer, yet hit, and a deleted file is not seen.
     */
    public boolean mayHoldModelAfter(Optional<FileTime> newest) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("model-")).anyMatch(entry -> {
                try {
                    return newest.isEmpty() || Files.getLastModifiedTime(entry).compareTo(newest.get()) > 0;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** The model cached under {@code key}; a hit marks the entry as found now, for {@link #mayHoldModelAfter}. */
    public Optional<EntityModel> get(String key) {
        String entry = "model-" + key + ".bin";
        Optional<EntityModel> model = read(entry, SnapshotCodec::readModel);
        if (model.isPresent()) {
            try {
                Files.setLastModifiedTime(directory.resolve(entry), FileTime.from(java.time.Instant.now()));
            } catch (IOException e) {
                // a read-only cache only costs time
            }
        }
        return model;
    }

    public void put(String key, EntityModel model) {
        write("model-", key, out -> SnapshotCodec.writeModel(out, model));
    }

    /** The model in PostgreSQL's spelling, which depends on the server version as well. */
    public Optional<SchemaSnapshot> getCanonical(String key) {
        return read("canonical-" + key + ".bin", SnapshotCodec::readSchema);
    }

    public void putCanonical(String key, SchemaSnapshot canonical) {
        write("canonical-", key, out -> SnapshotCodec.writeSchema(out, canonical));
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private <T> Optional<T> read(String name, Reader<T> reader) {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != SnapshotCodec.FORMAT) {
                return Optional.empty();
            }
            return Optional.of(reader.read(in));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is a miss
        }
    }

    private void write(String prefix, String key, Writer writer) {
        try {
            Files.createDirectories(directory);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(SnapshotCodec.FORMAT);
                writer.write(out);
            }
            try (Stream<Path> old = Files.list(directory)) {
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Path temp = Files.createTempFile(directory, "tmp-", ".tmp");
            Files.write(temp, bytes.toByteArray());
            try {
                Files.move(temp, directory.resolve(prefix + key + ".bin"), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, directory.resolve(prefix + key + ".bin"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a cache that cannot be written only costs time
        }
    }
}
