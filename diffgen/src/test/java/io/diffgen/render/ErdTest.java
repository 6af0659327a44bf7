package io.diffgen.render;

import io.diffgen.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.diffgen.Cli.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Mermaid diagrams of a revision and of a whole schema, read from a throwaway PostgreSQL that
 * replays the migrations, and parsed by Mermaid's own parser from npm.
 */
@Tag("postgres")
class ErdTest {
    private static final String EDIT = "io.diffgen.corpus.c44_busy_tables_online_forms.";

    @Test
    void aRevisionsDiagramMarksWhatItChangesBesideItsNeighbours(@TempDir Path work) throws Exception {
        List<String> on = args("--migrations", work.resolve("migrations"), "--model-classpath", Path.of("target/test-classes").toAbsolutePath());
        Cli.run(args("revision", "--autogenerate", "-m", "v1", "--rev-id", "v1", on, "--model-package", EDIT + "v1")).assertOk();
        Cli.run(args("revision", "--autogenerate", "-m", "v2", "--rev-id", "v2", on, "--model-package", EDIT + "v2")).assertOk();
        String shown = Cli.run(args("show", "v2", "--erd", on)).assertOk().out();
        assertTrue(shown.startsWith("```mermaid\nerDiagram\n") && shown.endsWith("```\n"), shown);
        for (String line : List.of("    customer:::changed {", "        integer region_id FK \"added\"", "    region {",
                "    customer }o--o| region : fk_customer_region", "    classDef changed fill:")) {
            assertTrue(shown.contains(line), "the diagram has '" + line + "':\n" + shown);
        }
        assertFalse(shown.contains("region:::"), "a neighbour is drawn unmarked:\n" + shown);
        assertParses(shown);
        String whole = Cli.run(args("erd", "v1", "--raw", on)).assertOk().out();
        assertTrue(whole.startsWith("erDiagram\n") && whole.contains("    customer {") && whole.contains("    region {") && !whole.contains(":::"), whole);
        assertParses(whole);
    }

    @Test
    void pixCrawlersSchemaAndItsNewestRevisionDraw() throws Exception {
        List<String> on = args("--migrations", "../migrations");
        String head = Cli.run(args("heads", on)).assertOk().out().replace(" (head)\n", "");
        String whole = Cli.run(args("erd", on)).assertOk().out();
        assertEquals(14, whole.lines().filter(l -> l.matches(" {4}[a-z_]+ \\{")).count(), "the 14 tables:\n" + whole);
        assertParses(whole);
        assertParses(Cli.run(args("show", head, "--erd", on)).assertOk().out());
    }

    /** Hibernate's own retail test domain (joined inheritance, a secondary table, a converter): nine tables, eight FKs. */
    @Test
    void aRealWorldModelsSchemaDraws(@TempDir Path work) throws Exception {
        Path models = Path.of("target/real-world-models").toAbsolutePath();
        List<String> on = args("--migrations", work.resolve("migrations"), "--model-classpath",
                models.resolve("hibernate-testing.jar") + java.io.File.pathSeparator + models.resolve("money-api.jar"),
                "--model-package", "org.hibernate.testing.orm.domain.retail,org.hibernate.testing.orm.domain.MonetaryAmountConverter");
        Cli.run(args("revision", "--autogenerate", "-m", "retail", "--rev-id", "r1", on)).assertOk();
        String whole = Cli.run(args("erd", "--raw", on)).assertOk().out();
        assertEquals(9, whole.lines().filter(l -> l.matches(" {4}[a-z_]+ \\{")).count(), whole);
        assertEquals(8, whole.lines().filter(l -> l.contains(" }o--")).count(), whole);
        assertTrue(whole.contains("        integer payment_fk PK, FK\n"), whole);
        assertParses(whole);
        String created = Cli.run(args("show", "r1", "--erd", on)).assertOk().out();
        assertEquals(9, created.lines().filter(l -> l.matches(" {4}[a-z_]+:::added \\{")).count(), "every table of the first revision is new:\n" + created);
        assertParses(created);
    }

    @Test
    void typesAndNamesBecomeMermaidWords() {
        assertEquals("varchar(255)", MermaidErd.type("character varying(255)"));
        assertEquals("timestamptz", MermaidErd.type("timestamp with time zone"));
        assertEquals("numeric(10,2)", MermaidErd.type("numeric(10,2)"));
        assertEquals("integer[]", MermaidErd.type("integer[]"));
        assertEquals("float8", MermaidErd.type("double precision"));
        assertEquals("c_1st_column", MermaidErd.word("1st column"));
    }

    private static void assertParses(String diagram) throws Exception {
        Optional<Path> parser = Mermaid.parser();
        org.junit.jupiter.api.Assumptions.assumeTrue(parser.isPresent(), "Mermaid's parser needs node and the npm registry");
        String text = diagram.startsWith("```mermaid\n") ? diagram.substring("```mermaid\n".length(), diagram.length() - "```\n".length()) : diagram;
        assertEquals("parsed er", Mermaid.parse(parser.get(), text), "Mermaid parses:\n" + text);
    }
}
