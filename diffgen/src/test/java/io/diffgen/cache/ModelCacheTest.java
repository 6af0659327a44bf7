package io.diffgen.cache;

import io.diffgen.model.ClassFolders;
import io.diffgen.model.EntityModel;
import io.diffgen.snapshot.SchemaSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guess that decides whether Hibernate starts before the key is known: a miss is guessed whenever the model's files changed after the cached model. */
class ModelCacheTest {

    @Test
    void aModelCachedAfterTheLastChangeMayHit(@TempDir Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/com/acme"));
        Path entity = Files.write(classes.resolve("Customer.class"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(entity, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        ModelCache cache = new ModelCache(dir.resolve(".diffgen/cache"));
        List<Path> classpath = List.of(dir.resolve("classes"));

        assertFalse(cache.mayHoldModelAfter(ClassFolders.list(classpath).newest()), "no cache folder yet");
        cache.put("k1", new EntityModel(SchemaSnapshot.of(List.of(), List.of(), List.of()), List.of(), List.of()));
        Path entry = dir.resolve(".diffgen/cache/model-k1.bin");
        Files.setLastModifiedTime(entry, FileTime.from(Instant.parse("2026-12-01T10:05:00Z")));
        assertTrue(cache.mayHoldModelAfter(ClassFolders.list(classpath).newest()), "cached after the class file was written");

        Files.setLastModifiedTime(entity, FileTime.from(Instant.parse("2026-12-01T10:06:00Z")));
        assertFalse(cache.mayHoldModelAfter(ClassFolders.list(classpath).newest()), "the class file was written again after");
        assertTrue(cache.get("k1").isPresent());
        assertTrue(cache.mayHoldModelAfter(ClassFolders.list(classpath).newest()), "found again since: the next guess is a hit");
        assertTrue(cache.mayHoldModelAfter(Optional.empty()), "no file to compare with: any cached model may be it");
    }

    @Test
    void theListingKnowsTheNewestFileFolderOrJarAndReadsWhatTheWalkFound(@TempDir Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/com/acme"));
        Path older = Files.write(classes.resolve("A.class"), new byte[] {1});
        Path newer = Files.writeString(classes.resolve("orm.xml"), "<entity-mappings/>");
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-12-02T10:00:00Z")));

        Path jar = Files.write(dir.resolve("model.jar"), new byte[] {0});
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T12:00:00Z")));
        ClassFolders.Listing listing = ClassFolders.list(List.of(dir.resolve("classes"), dir.resolve("missing"), jar));
        assertEquals(Optional.of(FileTime.from(Instant.parse("2026-12-02T10:00:00Z"))), listing.newest());
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-03T10:00:00Z")));
        assertEquals(Optional.of(FileTime.from(Instant.parse("2026-12-03T10:00:00Z"))), ClassFolders.list(List.of(dir.resolve("classes"), jar)).newest(),
                "a jar on the classpath written again after the folder's files");
        ClassFolders read = listing.read();
        assertEquals(List.of(Path.of("com/acme/A.class"), Path.of("com/acme/orm.xml")), read.files(dir.resolve("classes")));
        assertEquals(1, read.bytes(dir.resolve("classes"), Path.of("com/acme/A.class")).length);
        assertFalse(read.wasRead(dir.resolve("missing")));
    }
}
