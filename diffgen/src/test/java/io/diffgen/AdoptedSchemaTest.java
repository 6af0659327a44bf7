package io.diffgen;

import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Schemas made before diffgen, by hand or by another tool, with objects the entities use but do not
 * create (issue 28): diffgen must neither drop nor re-create them.
 */
@Tag("postgres")
class AdoptedSchemaTest {

    private static Path migrations(Path dir) throws IOException {
        Path migrations = dir.resolve("migrations");
        Files.createDirectories(migrations.resolve("versions"));
        return migrations;
    }

    /**
     * An enum type a column names through {@code columnDefinition}, and another one nothing in the
     * model names (a function's, say): no revision created either, so neither is dropped.
     */
    @Test
    void typesTheModelNamesOrThatNoRevisionCreatedAreNotDropped(@TempDir Path dir) throws IOException {
        TestDatabase db = PostgresServer.createDatabase("adopted_types");
        db.execute("CREATE TYPE mood AS ENUM ('happy', 'sad')", "CREATE TYPE legacy_state AS ENUM ('on', 'off')",
                "CREATE TYPE legacy_point AS (x integer, y integer)",
                "CREATE TABLE diary (id bigint NOT NULL, mood mood, CONSTRAINT diary_pkey PRIMARY KEY (id))");
        Cli.Result check = Cli.run("check", "--url", db.url(), "--migrations", migrations(dir).toString(),
                "--model-package", "io.diffgen.adopted.moods");
        assertEquals(0, check.exitCode(), check.out() + check.err());
    }

    /** A read-only entity over an existing view is no table to create, and the view stays. */
    @Test
    void anEntityOverAnExistingViewIsNoTable(@TempDir Path dir) throws IOException {
        TestDatabase db = PostgresServer.createDatabase("adopted_view");
        db.execute("CREATE TABLE purchase (id bigint NOT NULL, customerid bigint, amount numeric(38,2), CONSTRAINT purchase_pkey PRIMARY KEY (id))",
                "CREATE VIEW purchase_total AS SELECT customerid, sum(amount) AS total FROM purchase GROUP BY customerid");
        Cli.Result check = Cli.run("check", "--url", db.url(), "--migrations", migrations(dir).toString(),
                "--model-package", "io.diffgen.adopted.views");
        assertEquals(0, check.exitCode(), check.out() + check.err());
    }

    /**
     * The settings of a Hibernate module on the model classpath (here Envers's audit strategy) are
     * the application's settings: accepted on the command line, and applied (the validity strategy
     * gives the audit table its revend column).
     */
    @Test
    void aHibernateModulesSettingsAreAcceptedAndApplied(@TempDir Path dir) throws IOException {
        TestDatabase db = PostgresServer.createDatabase("audited");
        String classpath = Path.of("target", "real-world-models", "hibernate-envers.jar").toAbsolutePath() + java.io.File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        Path migrations = migrations(dir);
        Cli.run("revision", "--autogenerate", "-m", "audited", "--url", db.url(), "--migrations", migrations.toString(),
                "--model-classpath", classpath, "--model-package", "io.diffgen.audited",
                "--hibernate-property", "org.hibernate.envers.audit_strategy=org.hibernate.envers.strategy.internal.ValidityAuditStrategy")
                .assertOk();
        String script;
        try (var files = Files.list(migrations.resolve("versions"))) {
            script = Files.readString(files.findFirst().orElseThrow());
        }
        org.junit.jupiter.api.Assertions.assertTrue(script.contains("CREATE TABLE note_aud (") && script.contains("revend integer")
                && script.contains("CREATE TABLE revinfo ("), script);
        Cli.Result unknown = Cli.run("check", "--url", db.url(), "--migrations", migrations.toString(),
                "--model-classpath", classpath, "--model-package", "io.diffgen.audited",
                "--hibernate-property", "org.hibernate.envers.audit_strateg=x");
        assertEquals(2, unknown.exitCode(), unknown.err());
        org.junit.jupiter.api.Assertions.assertTrue(unknown.err().startsWith("error: unknown Hibernate setting 'org.hibernate.envers.audit_strateg'"),
                unknown.err());
    }
}
