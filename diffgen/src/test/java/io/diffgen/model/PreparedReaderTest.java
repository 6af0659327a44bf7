package io.diffgen.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Hibernate started ahead of the read (on another thread, as the CLI does) maps the model as a read that
 * starts it itself; started under other settings, it is not what the read uses.
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

    private static EntityModel prepared(Map<String, String> startedWith, Map<String, String> readWith) throws Exception {
        try (IsolatedModelReader reader = HibernateLines.open(HibernateLines.choose(CLASSPATH), CLASSPATH)) {
            List<String> classes = ModelLoader.mappedClasses(reader.classLoader(), List.of("io.pixcrawler.model")).classes();
            Thread starting = new Thread(() -> reader.prepare(startedWith));
            starting.start();
            reader.load(classes);
            starting.join();
            return reader.read(classes, readWith);
        }
    }
}
