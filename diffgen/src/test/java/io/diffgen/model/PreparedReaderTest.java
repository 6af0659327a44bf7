package io.diffgen.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Hibernate started ahead of the read (on another thread, as the CLI does) maps the model as a read that
 * starts it itself, on Hibernate 6.6 and 7; started under other settings, it is not what the read uses.
 */
class PreparedReaderTest {
    private static final List<java.nio.file.Path> CLASSPATH = List.of(TestModels.PIXCRAWLER_CLASSES);
    private static final Map<String, String> SALES = Map.of("hibernate.default_schema", "sales");

    @Test
    void aReaderStartedAheadReadsWhatOneStartedByTheReadDoes() throws Exception {
        EntityModel plain = TestModels.pixCrawler(Map.of());
        EntityModel inSales = TestModels.pixCrawler(SALES);
        assertNotEquals(plain.schema(), inSales.schema(), "the setting changes the model");
        assertEquals(plain.schema(), prepared(Map.of(), Map.of()).schema());
        assertEquals(inSales.schema(), prepared(Map.of(), SALES).schema(), "started without the setting, read with it");
        assertEquals(plain.schema(), prepared(SALES, Map.of()).schema(), "started with the setting, read without it");
    }

    /** On a public model, with the Hibernate each line reads it with: the classes come to a builder made before them. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "hibernate-core-6.6.jar"})
    void onEachHibernateLineAReaderStartedAheadReadsWhatOneStartedByTheReadDoes(String hibernate) throws Exception {
        java.nio.file.Path jars = java.nio.file.Path.of("target", "real-world-models").toAbsolutePath();
        List<java.nio.file.Path> classpath = new java.util.ArrayList<>(java.util.stream.Stream.of("keycloak-model-jpa.jar", "keycloak-core.jar",
                "keycloak-server-spi.jar", "jackson-annotations.jar", "jackson-core.jar", "jackson-databind.jar").map(jars::resolve).toList());
        if (!hibernate.isEmpty()) classpath.add(jars.resolve(hibernate));
        List<String> packages = List.of("org.keycloak.models.jpa.entities");
        EntityModel plain = TestModels.read(classpath, packages, Map.of());
        assertEquals(hibernate.isEmpty() ? "7" : "6.6", HibernateLines.choose(classpath).line());
        assertEquals(plain.schema(), prepared(classpath, packages, Map.of(), Map.of()).schema());
    }

    private static EntityModel prepared(Map<String, String> startedWith, Map<String, String> readWith) throws Exception {
        return prepared(CLASSPATH, List.of("io.pixcrawler.model"), startedWith, readWith);
    }

    private static EntityModel prepared(List<java.nio.file.Path> classpath, List<String> packages, Map<String, String> startedWith,
                                        Map<String, String> readWith) throws Exception {
        try (IsolatedModelReader reader = HibernateLines.open(HibernateLines.choose(classpath), classpath)) {
            List<String> classes = ModelLoader.mappedClasses(reader.classLoader(), packages).classes();
            Thread starting = new Thread(() -> reader.prepare(startedWith));
            starting.start();
            reader.load(classes);
            starting.join();
            return reader.read(classes, readWith);
        }
    }
}
