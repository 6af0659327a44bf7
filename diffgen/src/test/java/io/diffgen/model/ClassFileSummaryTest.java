package io.diffgen.model;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scan's own class-file reader against Jandex, on every class file of this build (diffgen's, its
 * tests' models, PixCrawler's): the same annotations on each class, and each annotation Jandex finds
 * anywhere in the class named in its constant pool (what the scan's Jakarta Persistence 3.2 pre-check reads).
 */
class ClassFileSummaryTest {
    @Test
    void readsTheClassAnnotationsJandexReadsOnEveryClassOfTheBuild() throws Exception {
        java.util.Map<String, byte[]> classFiles = new java.util.LinkedHashMap<>();
        try (Stream<Path> walk = Stream.of(Path.of("target/classes"), Path.of("target/test-classes"), Path.of("../model/target/classes"))
                .filter(Files::isDirectory).flatMap(ClassFileSummaryTest::walk)) {
            for (Path f : walk.filter(f -> f.toString().endsWith(".class")).toList()) classFiles.put(f.toString(), Files.readAllBytes(f));
        }
        // the public models and libraries the real-world tests read: entities, Hibernate's own annotated classes, records, enums
        try (Stream<Path> jars = Files.list(Path.of("target/real-world-models"))) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).sorted().toList()) {
                try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                    for (java.util.jar.JarEntry e : java.util.Collections.list(file.entries())) {
                        if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/versions/")) {
                            classFiles.put(jar.getFileName() + "!" + e.getName(), file.getInputStream(e).readAllBytes());
                        }
                    }
                }
            }
        }
        assertTrue(classFiles.size() > 10_000, "class files read: " + classFiles.size());
        int annotated = 0;
        for (java.util.Map.Entry<String, byte[]> classFile : classFiles.entrySet()) {
            String f = classFile.getKey();
            if (f.endsWith("module-info.class") || f.endsWith("package-info.class")) continue; // never scanned
            byte[] bytes = classFile.getValue();
            ClassFileSummary summary = ClassFileSummary.of(bytes);
            ClassInfo info = Index.singleClass(bytes);
            Set<String> onClass = info.declaredAnnotations().stream().filter(a -> a.runtimeVisible())
                    .map(a -> "L" + a.name().toString().replace('.', '/') + ";").collect(Collectors.toSet());
            assertEquals(onClass, summary.classAnnotations(), f);
            for (AnnotationInstance a : info.annotations()) {
                if (!a.runtimeVisible()) continue;
                assertTrue(summary.strings().contains("L" + a.name().toString().replace('.', '/') + ";"), f + ": " + a);
                a.values().forEach(v -> assertTrue(summary.strings().contains(v.name()), f + ": " + a + " " + v.name()));
            }
            if (!onClass.isEmpty()) annotated++;
        }
        assertTrue(annotated > 1000, "annotated classes: " + annotated);
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
