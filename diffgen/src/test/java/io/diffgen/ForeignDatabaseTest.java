package io.diffgen;

import org.junit.jupiter.api.Tag;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pixcrawler.model.PixCrawlerModel;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * A database diffgen did not create: its CHECK was written from source text, so the catalog holds
 * PostgreSQL's first deparse, not the fixed point diffgen's scripts carry. Adopting diffgen on it
 * must show no difference, and a real change to the CHECK must still be found.
 */
@Tag("postgres")
class ForeignDatabaseTest {

    @Test
    void sourceWrittenChecksAreNotReportedAsChanges(@TempDir Path dir) throws IOException {
        TestDatabase db = PostgresServer.createDatabase("foreign");
        db.execute("CREATE TABLE ticket (id integer NOT NULL, state varchar(20) DEFAULT 'open' NOT NULL, "
                + "CONSTRAINT ticket_pkey PRIMARY KEY (id), CONSTRAINT ck_ticket_state_valid CHECK (state IN ('open','closed')))",
                "CREATE INDEX ix_ticket_state ON ticket (state)",
                // another application's schema: outside the model's schemas, so left alone
                "CREATE SCHEMA audit", "CREATE TABLE audit.ticket (id integer PRIMARY KEY, seen timestamp)");
        Path migrations = dir.resolve("migrations");
        Files.createDirectories(migrations.resolve("versions"));
        Cli.Result check = Cli.run("check", "--url", db.url(), "--migrations", migrations.toString(), "--model-package", "io.diffgen.foreign");
        assertEquals(0, check.exitCode(), check.out() + check.err());

        db.execute("ALTER TABLE ticket DROP CONSTRAINT ck_ticket_state_valid",
                "ALTER TABLE ticket ADD CONSTRAINT ck_ticket_state_valid CHECK (state IN ('open','closed','spam'))");
        Cli.Result changed = Cli.run("check", "--url", db.url(), "--migrations", migrations.toString(), "--model-package", "io.diffgen.foreign");
        assertEquals(1, changed.exitCode(), changed.out() + changed.err());
        assertEquals("New upgrade operations detected:\n  - drop check constraint ck_ticket_state_valid on ticket\n"
                + "  - add check constraint ck_ticket_state_valid on ticket\n", changed.out());
    }

    /**
     * Adopting diffgen on a database that Hibernate's own DDL (hbm2ddl) made from the PixCrawler
     * entities: the one thing Hibernate cannot create, the partial index, is all that check reports.
     */
    @Test
    void aSchemaMadeByHibernateDdlDiffersOnlyByThePartialIndex(@TempDir Path dir) throws IOException {
        TestDatabase db = PostgresServer.createDatabase("hbm2ddl");
        StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.url", db.jdbcUrl())
                .applySetting("hibernate.connection.username", db.user())
                .applySetting("hibernate.connection.password", db.password())
                .applySetting("hibernate.hbm2ddl.auto", "create")
                .applySettings(PixCrawlerModel.SESSION_FACTORY_SETTINGS);
        MetadataSources sources = new MetadataSources(registry.build());
        PixCrawlerModel.ENTITIES.forEach(sources::addAnnotatedClass);
        try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
            // building it ran Hibernate's DDL
        }
        Path migrations = dir.resolve("migrations");
        Files.createDirectories(migrations.resolve("versions"));
        Cli.Result check = Cli.run("check", "--url", db.url(), "--migrations", migrations.toString(), "--model-package", "io.pixcrawler.model");
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertEquals("New upgrade operations detected:\n  - create index ix_notifications_user_unread on notifications\n", check.out());
    }

    /**
     * Objects another tool made that the model does not have: indexes with an operator class from an
     * extension, a collation, a nulls order and INCLUDE columns, and a table with a serial column.
     * check lists them as drops (nothing blamed on the model), and the revision's rollback brings
     * each back as PostgreSQL itself prints it, the serial column's sequence included.
     */
    @Test
    void indexOptionsAndSerialSequencesComeBackExactlyOnDowngrade(@TempDir Path dir) throws IOException, SQLException {
        TestDatabase db = PostgresServer.createDatabase("foreign_index_options");
        db.execute("CREATE TABLE ticket (id integer NOT NULL, state varchar(20) DEFAULT 'open' NOT NULL, "
                        + "CONSTRAINT ticket_pkey PRIMARY KEY (id), CONSTRAINT ck_ticket_state_valid CHECK (state IN ('open','closed')))",
                "CREATE INDEX ix_ticket_state ON ticket (state)",
                "CREATE EXTENSION pg_trgm",
                "CREATE INDEX ix_ticket_state_trgm ON ticket USING gin (state gin_trgm_ops)",
                "CREATE INDEX ix_ticket_state_pattern ON ticket (state varchar_pattern_ops DESC NULLS LAST) INCLUDE (id)",
                "CREATE INDEX ix_ticket_state_c ON ticket (state COLLATE \"C\" NULLS FIRST)",
                "CREATE TABLE legacy_counter (id serial PRIMARY KEY, label text)",
                "CREATE INDEX ix_legacy_label ON legacy_counter (lower(label) text_pattern_ops)");
        List<String> before = definitions(db);
        Path migrations = dir.resolve("migrations");
        Files.createDirectories(migrations.resolve("versions"));
        String[] common = {"--url", db.url(), "--migrations", migrations.toString(), "--model-package", "io.diffgen.foreign"};

        Cli.Result check = Cli.run(concat(new String[]{"check"}, common));
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertEquals("New upgrade operations detected:\n"
                + "  - drop index ix_ticket_state_c on ticket\n"
                + "  - drop index ix_ticket_state_pattern on ticket\n"
                + "  - drop index ix_ticket_state_trgm on ticket\n"
                + "  - drop index ix_legacy_label on legacy_counter\n"
                + "  - drop table legacy_counter\n", check.out());

        assertEquals(0, Cli.run(concat(new String[]{"revision", "--autogenerate", "-m", "drop leftovers", "--rev-id", "a1"}, common)).exitCode());
        assertEquals(0, Cli.run(concat(new String[]{"upgrade", "head"}, common)).exitCode());
        assertEquals(0, Cli.run(concat(new String[]{"check"}, common)).exitCode());
        Cli.Result down = Cli.run(concat(new String[]{"downgrade", "base"}, common));
        assertEquals(0, down.exitCode(), down.out() + down.err());
        assertEquals(before, definitions(db));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The public schema as PostgreSQL prints it: relations, index definitions, defaults and sequence owners. */
    private static List<String> definitions(TestDatabase db) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "SELECT relkind::text || ' ' || relname FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                            + "AND relname NOT LIKE 'databasechangelog%' ORDER BY relname",
                    "SELECT pg_get_indexdef(indexrelid) FROM pg_index JOIN pg_class t ON t.oid = indrelid "
                            + "WHERE t.relnamespace = 'public'::regnamespace AND t.relname NOT LIKE 'databasechangelog%' ORDER BY 1",
                    "SELECT adrelid::regclass || '.' || adnum || ' ' || pg_get_expr(adbin, adrelid) FROM pg_attrdef ORDER BY 1",
                    "SELECT objid::regclass || ' owned by ' || refobjid::regclass || '.' || refobjsubid FROM pg_depend "
                            + "WHERE classid = 'pg_class'::regclass AND objid IN (SELECT oid FROM pg_class WHERE relkind = 'S') "
                            + "AND deptype = 'a' ORDER BY 1",
                    "SELECT sequencename || ' ' || data_type || ' ' || start_value || ' ' || increment_by || ' ' || max_value "
                            + "FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }
}
