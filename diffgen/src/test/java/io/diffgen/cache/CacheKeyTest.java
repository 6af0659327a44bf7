package io.diffgen.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented key: everything it names changes it, and nothing else does. */
class CacheKeyTest {

    @Test
    void noClasspathNoKey() {
        assertEquals(Optional.empty(), CacheKey.of(List.of(), List.of("com.acme"), Map.of(), "7.4.16.Final"));
    }

    @Test
    void theModelKeyFollowsTheClassFilesThePackagesAndTheSettings(@TempDir Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path entity = Files.createDirectories(classes.resolve("com/acme")).resolve("Customer.class");
        Files.write(entity, new byte[] {1, 2, 3});
        List<Path> classpath = List.of(classes);
        String key = CacheKey.of(classpath, List.of("com.acme"), Map.of(), "7.4.16.Final").orElseThrow();

        assertEquals(key, CacheKey.of(classpath, List.of("com.acme"), Map.of(), "7.4.16.Final").orElseThrow(), "same inputs, same key");
        assertNotEquals(key, CacheKey.of(classpath, List.of("com.acme.sales"), Map.of(), "7.4.16.Final").orElseThrow(), "packages");
        assertNotEquals(key, CacheKey.of(classpath, List.of("com.acme"), Map.of("hibernate.default_schema", "sales"), "7.4.16.Final").orElseThrow(), "settings");
        assertNotEquals(key, CacheKey.of(classpath, List.of("com.acme"), Map.of(), "6.6.56.Final").orElseThrow(), "the Hibernate that reads it");

        Files.write(entity, new byte[] {1, 2, 4});
        String edited = CacheKey.of(classpath, List.of("com.acme"), Map.of(), "7.4.16.Final").orElseThrow();
        assertNotEquals(key, edited, "a class file's bytes");

        Files.writeString(classes.resolve("application.yml"), "spring.jpa.hibernate.naming.physical-strategy: x\n");
        assertNotEquals(edited, CacheKey.of(classpath, List.of("com.acme"), Map.of(), "7.4.16.Final").orElseThrow(), "a settings file on the classpath");
    }

    @Test
    void theCanonicalKeyAddsTheServerVersion() {
        String pg17 = CacheKey.canonical("model", "PostgreSQL 17.2 on x86_64-pc-linux-gnu");
        assertEquals(pg17, CacheKey.canonical("model", "PostgreSQL 17.2 on x86_64-pc-linux-gnu"));
        assertNotEquals(pg17, CacheKey.canonical("model", "PostgreSQL 13.18 on x86_64-pc-linux-gnu"));
        assertNotEquals(pg17, CacheKey.canonical("other model", "PostgreSQL 17.2 on x86_64-pc-linux-gnu"));
    }

    @Test
    void theReplayedKeyFollowsTheTargetsAndEveryScriptsNameAndText() {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("001_a.sql", "--changeset diffgen:a\nCREATE TABLE a (id int);\n");
        scripts.put("002_b.sql", "--changeset diffgen:b\nCREATE TABLE b (id int);\n");
        String key = CacheKey.replayed(List.of("b"), scripts);
        assertEquals(key, CacheKey.replayed(List.of("b"), new LinkedHashMap<>(scripts)));
        assertNotEquals(key, CacheKey.replayed(List.of("a"), scripts), "targets");

        Map<String, String> edited = new LinkedHashMap<>(scripts);
        edited.put("002_b.sql", "--changeset diffgen:b\nCREATE TABLE b (id bigint);\n");
        assertNotEquals(key, CacheKey.replayed(List.of("b"), edited), "a script's text");

        Map<String, String> renamed = new LinkedHashMap<>();
        renamed.put("001_a.sql", scripts.get("001_a.sql"));
        renamed.put("003_b.sql", scripts.get("002_b.sql"));
        assertNotEquals(key, CacheKey.replayed(List.of("b"), renamed), "a script's file name");

        assertTrue(key.matches("[0-9a-f]{24}"), key);
    }
}
