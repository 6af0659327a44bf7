package io.diffgen.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scan reads the class files of the classpath's folders from what was read for the cache key: it must
 * find what it finds through the class loader, class for class, the first folder's where two have one.
 */
class ModelLoaderTest {

    @Test
    void theFoldersReadOnceGiveTheScanOfTheClassLoader(@TempDir Path dir) throws IOException {
        // sales.Order is an entity in the first folder and a plain class in the second; sales.Line only in the second
        Path first = compile(dir.resolve("first"), "sales/Order.java", """
                package sales;
                @jakarta.persistence.Entity public class Order { @jakarta.persistence.Id Long id; }
                """);
        Path second = compile(dir.resolve("second"), "sales/Order.java", """
                package sales;
                public class Order { Long id; }
                """);
        compile(second, "sales/Line.java", """
                package sales;
                @jakarta.persistence.Embeddable public class Line { String sku; }
                """);
        compile(second, "sales/deep/Note.java", """
                package sales.deep;
                @jakarta.persistence.Entity public class Note { @jakarta.persistence.Id Long id; }
                """);
        for (List<Path> classpath : List.of(List.of(first, second), List.of(second, first))) {
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.get(0).toUri().toURL(), classpath.get(1).toUri().toURL()}, null)) {
                ModelLoader.Scan throughTheLoader = ModelLoader.mappedClasses(loader, List.of("sales"));
                ModelLoader.Scan fromTheFolders = ModelLoader.mappedClasses(loader, List.of("sales"), ClassFolders.read(classpath));
                assertEquals(throughTheLoader, fromTheFolders, classpath.toString());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {first.toUri().toURL(), second.toUri().toURL()}, null)) {
            assertEquals(List.of("sales.Line", "sales.Order", "sales.deep.Note"),
                    ModelLoader.mappedClasses(loader, List.of("sales"), ClassFolders.read(List.of(first, second))).classes());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {second.toUri().toURL(), first.toUri().toURL()}, null)) {
            assertEquals(List.of("sales.Line", "sales.deep.Note"),
                    ModelLoader.mappedClasses(loader, List.of("sales"), ClassFolders.read(List.of(second, first))).classes());
        }
    }

    private static Path compile(Path classes, String file, String source) throws IOException {
        Path sources = Files.createDirectories(classes.resolveSibling(classes.getFileName() + "-src"));
        Path java = sources.resolve(file);
        Files.createDirectories(java.getParent());
        Files.writeString(java, source);
        Files.createDirectories(classes);
        int exit = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), "-cp", System.getProperty("java.class.path") + File.pathSeparator + classes, java.toString());
        assertEquals(0, exit, "javac " + file);
        return classes;
    }
}
