package io.diffgen;

import org.junit.jupiter.api.Tag;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
                "CREATE INDEX ix_ticket_state ON ticket (state)");
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
}
