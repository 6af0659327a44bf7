package io.diffgen.runner;

import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.Revision;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ids read from a script's text are the ids Liquibase's own parser finds in it, however the lines are spelled. */
class ChangeSetParserTest {

    @Test
    void idsFromTheTextAreLiquibasesIds(@TempDir Path dir) throws IOException {
        Path versions = Files.createDirectories(dir.resolve("migrations").resolve("versions"));
        Path script = versions.resolve("20240101_000000_ae1001_hand_edited.sql");
        Files.writeString(script, """
                --liquibase formatted sql
                -- Revision: ae1001

                --changeset diffgen:ae1001
                CREATE TABLE a (id int);
                --rollback DROP TABLE a;

                -- changeset diffgen:ae1001.2 runInTransaction:false
                CREATE INDEX CONCURRENTLY ix_a ON a (id);
                --rollback DROP INDEX CONCURRENTLY ix_a;

                --ChangeSet diffgen:"ae1001.3"
                SELECT 1;
                --rollback SELECT 1;

                --changeset someone:else
                SELECT 2;
                --rollback SELECT 2;
                """);
        MigrationsDirectory migrations = new MigrationsDirectory(dir.resolve("migrations"));
        Revision revision = new Revision("ae1001", List.of(), "hand edited", "2024-01-01T00:00:00Z", Optional.of(script));

        List<String> liquibase = new ChangeSetParser(migrations).changeSets(revision).stream()
                .filter(cs -> cs.getAuthor().equals("diffgen")).map(ChangeSet::getId).toList();
        assertEquals(List.of("ae1001", "ae1001.2", "ae1001.3"), liquibase, "what Liquibase reads");
        assertEquals(liquibase, ChangeSetParser.ids(revision));
    }
}
