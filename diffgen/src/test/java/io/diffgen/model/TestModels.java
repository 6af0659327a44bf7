package io.diffgen.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A model read as the CLI reads it: the Hibernate its classpath brings (else the bundled one), in its own class loader. */
public final class TestModels {
    public static final Path PIXCRAWLER_CLASSES = Path.of("../model/target/classes").toAbsolutePath().normalize();

    private TestModels() {
    }

    public static EntityModel read(List<Path> classpath, List<String> packages, Map<String, String> settings) {
        try (IsolatedModelReader reader = HibernateLines.open(HibernateLines.choose(classpath), classpath)) {
            return reader.read(ModelLoader.mappedClasses(reader.classLoader(), packages).classes(), settings);
        }
    }

    public static EntityModel pixCrawler(Map<String, String> settings) {
        return read(List.of(PIXCRAWLER_CLASSES), List.of("io.pixcrawler.model"), settings);
    }
}
