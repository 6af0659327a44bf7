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

    /** {@code check} on {@code db} with an empty migrations folder and the model {@code options}: no difference. */
    private static void assertCheckIsClean(TestDatabase db, Path dir, String... options) throws IOException {
        Cli.Result check = Cli.run(concat("check", new String[]{"--url", db.url(), "--migrations", migrations(dir).toString()}, options));
        assertEquals(0, check.exitCode(), check.out() + check.err());
    }

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
        assertCheckIsClean(db, dir, "--model-package", "io.diffgen.adopted.moods");
    }

    /**
     * Another tool's names that look like diffgen's convention ({@code fk_book__author_id}, JHipster's)
     * are kept: no revision wrote them. A name a revision wrote is still renamed to the convention.
     */
    @Test
    void namesCloseToTheConventionThatNoRevisionWroteAreKept(@TempDir Path dir) throws IOException {
        TestDatabase db = PostgresServer.createDatabase("adopted_names");
        db.execute("CREATE TABLE author (id bigint NOT NULL, name varchar(255), CONSTRAINT author_pkey PRIMARY KEY (id))",
                "CREATE TABLE book (id bigint NOT NULL, title varchar(255), author_id bigint, CONSTRAINT book_pkey PRIMARY KEY (id), "
                        + "CONSTRAINT fk_book__author_id FOREIGN KEY (author_id) REFERENCES author (id))");
        Path migrations = migrations(dir);
        String[] model = {"--url", db.url(), "--migrations", migrations.toString(), "--model-package", "io.diffgen.adopted.books"};
        Cli.Result check = Cli.run(concat("check", model));
        assertEquals(0, check.exitCode(), check.out() + check.err());

        // the same name written by a revision of the project is diffgen's, and follows the convention
        Files.writeString(migrations.resolve("versions").resolve("20260101_000000_aaaaaaaaaaaa_jhipster.sql"), """
                --liquibase formatted sql
                -- Revision: aaaaaaaaaaaa
                -- Revises:\s
                -- Message: jhipster

                --changeset diffgen:aaaaaaaaaaaa
                ALTER TABLE book ADD CONSTRAINT fk_book__author_id FOREIGN KEY (author_id) REFERENCES author (id);
                --rollback ALTER TABLE book DROP CONSTRAINT fk_book__author_id;
                """);
        Cli.run(concat("stamp", model, "head")).assertOk();
        Cli.Result renamed = Cli.run(concat("check", model));
        assertEquals(1, renamed.exitCode(), renamed.out() + renamed.err());
        assertEquals("New upgrade operations detected:\n  - rename constraint book.fk_book__author_id to fk_book_author_id\n",
                renamed.out());
    }

    private static String[] concat(String command, String[] options, String... more) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(command));
        all.addAll(java.util.List.of(options));
        all.addAll(java.util.List.of(more));
        return all.toArray(String[]::new);
    }

    /**
     * A bigserial key made IDENTITY: the identity continues the serial's counter (the next insert
     * does not collide with the rows there), and the downgrade brings the serial back exactly, its
     * counter carried back too.
     */
    @Test
    void aSerialKeyMadeIdentityKeepsItsCounterBothWays(@TempDir Path dir) throws Exception {
        TestDatabase db = PostgresServer.createDatabase("adopted_serial");
        db.execute("CREATE TABLE item (id bigserial, title varchar(255), CONSTRAINT item_pkey PRIMARY KEY (id))",
                "INSERT INTO item (title) VALUES ('a'), ('b'), ('c')");
        io.diffgen.snapshot.SchemaSnapshot before = Catalogs.read(db);
        Path migrations = migrations(dir);
        String[] model = {"--url", db.url(), "--migrations", migrations.toString(), "--model-package", "io.diffgen.adopted.serial"};
        Cli.Result revision = Cli.run(concat("revision", model, "--autogenerate", "-m", "identity")).assertOk();
        org.junit.jupiter.api.Assertions.assertTrue((revision.out() + revision.err())
                .contains("alter column item.id: serial -> identity, keeping the counter of item_id_seq"), revision.out() + revision.err());
        Cli.run(concat("upgrade", model, "head")).assertOk();
        assertEquals(4L, insertedId(db), "the identity continues after the three rows");
        Cli.Result check = Cli.run(concat("check", model));
        assertEquals(0, check.exitCode(), check.out() + check.err());

        Cli.run(concat("downgrade", model, "base")).assertOk();
        assertEquals(before, Catalogs.read(db), "the serial is back as it was");
        assertEquals(5L, insertedId(db), "and its counter continues after the identity's last value");
    }

    private static long insertedId(TestDatabase db) throws java.sql.SQLException {
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("INSERT INTO item (title) VALUES ('new') RETURNING id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A join table whose primary key has the model's columns in the other order: the same key, so no
     * change (rebuilding it would lock the table), but a DG016 warning naming both orders.
     */
    @Test
    void aPrimaryKeyInAnotherColumnOrderIsKeptWithAWarning(@TempDir Path dir) throws Exception {
        TestDatabase db = PostgresServer.createDatabase("adopted_pk_order");
        Path migrations = migrations(dir);
        String[] model = {"--url", db.url(), "--migrations", migrations.toString(), "--model-package", "io.diffgen.adopted.labels"};
        Cli.run(concat("revision", model, "--autogenerate", "-m", "labels")).assertOk();
        Cli.run(concat("upgrade", model, "head")).assertOk();
        io.diffgen.snapshot.Table join = Catalogs.read(db).tables().values().stream().filter(t -> t.columns().size() == 2).findFirst().orElseThrow();
        assertEquals("operation_label", join.name());
        java.util.List<String> columns = join.primaryKey().orElseThrow().columns();
        db.execute("ALTER TABLE operation_label DROP CONSTRAINT operation_label_pkey",
                "ALTER TABLE operation_label ADD CONSTRAINT operation_label_pkey PRIMARY KEY (" + columns.get(1) + ", " + columns.get(0) + ")");
        Cli.Result check = Cli.run(concat("check", model));
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertEquals("WARNING DG016: primary key operation_label_pkey on operation_label is (" + columns.get(1) + ", " + columns.get(0)
                + ") where the model has (" + columns.get(0) + ", " + columns.get(1) + "); the same key, so it is kept: rebuilding it would "
                + "lock the table; write that in a revision of your own if lookups need the other order [primary-key-column-order, kept as it is]\n",
                check.err());
    }

    /**
     * A Spring Boot application whose settings are in {@code config/application.properties} (a place
     * Spring Boot reads) is read with the naming set there: first_name, as the database has it.
     */
    @Test
    void springBootsConfigFolderSetsTheNaming(@TempDir Path dir) throws IOException {
        TestDatabase db = PostgresServer.createDatabase("adopted_config");
        db.execute("CREATE TABLE owners (id bigint NOT NULL, first_name varchar(255), CONSTRAINT owners_pkey PRIMARY KEY (id))");
        Path resources = Files.createDirectories(dir.resolve("resources/config"));
        Files.writeString(resources.resolve("application.properties"),
                "spring.jpa.hibernate.naming.physical-strategy=org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy\n");
        assertCheckIsClean(db, dir, "--model-classpath",
                resources.getParent() + java.io.File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath(),
                "--model-package", "io.diffgen.adopted.owners");
    }

    /** A read-only entity over an existing view is no table to create, and the view stays. */
    @Test
    void anEntityOverAnExistingViewIsNoTable(@TempDir Path dir) throws IOException {
        TestDatabase db = PostgresServer.createDatabase("adopted_view");
        db.execute("CREATE TABLE purchase (id bigint NOT NULL, customerid bigint, amount numeric(38,2), CONSTRAINT purchase_pkey PRIMARY KEY (id))",
                "CREATE VIEW purchase_total AS SELECT customerid, sum(amount) AS total FROM purchase GROUP BY customerid");
        assertCheckIsClean(db, dir, "--model-package", "io.diffgen.adopted.views");
    }

    /**
     * The settings of a Hibernate module on the model classpath (here Envers's audit strategy) are
     * the application's settings: accepted on the command line, and applied (the validity strategy
     * gives the audit table its revend column).
     */
    @Test
    void aHibernateModulesSettingsAreAcceptedAndApplied(@TempDir Path dir) throws IOException {
        TestDatabase db = PostgresServer.createDatabase("audited");
        Path envers = Path.of("target", "real-world-models", "hibernate-envers.jar").toAbsolutePath();
        String classpath = envers + java.io.File.pathSeparator + CompiledModels.classes("audited", java.util.List.of(envers));
        Path migrations = migrations(dir);
        Cli.run("revision", "--autogenerate", "-m", "audited", "--url", db.url(), "--migrations", migrations.toString(),
                "--model-classpath", classpath, "--model-package", "com.example.audited",
                "--hibernate-property", "org.hibernate.envers.audit_strategy=org.hibernate.envers.strategy.internal.ValidityAuditStrategy")
                .assertOk();
        String script;
        try (var files = Files.list(migrations.resolve("versions"))) {
            script = Files.readString(files.findFirst().orElseThrow());
        }
        org.junit.jupiter.api.Assertions.assertTrue(script.contains("CREATE TABLE note_aud (") && script.contains("revend integer")
                && script.contains("CREATE TABLE revinfo ("), script);
        Cli.Result unknown = Cli.run("check", "--url", db.url(), "--migrations", migrations.toString(),
                "--model-classpath", classpath, "--model-package", "com.example.audited",
                "--hibernate-property", "org.hibernate.envers.audit_strateg=x");
        assertEquals(2, unknown.exitCode(), unknown.err());
        org.junit.jupiter.api.Assertions.assertTrue(unknown.err().startsWith("error: unknown Hibernate setting 'org.hibernate.envers.audit_strateg'"),
                unknown.err());
    }
}
