package io.diffgen.process;

import io.diffgen.Catalogs;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every offline form, piped through psql, against the online command from the same state: the same
 * catalog, the same DATABASECHANGELOG rows, the same {@code current}. The graph has a branch, a merge
 * point and a revision with a CREATE INDEX CONCURRENTLY changeset, made with the jar as a user would
 * make them and then edited by hand.
 */
@Tag("process")
class OfflineScriptsIT {
    @TempDir
    Path project;

    private Path migrations;

    private Jar.Result jar(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--migrations", migrations.toString()));
        return Jar.run(project, all).assertOk();
    }

    /** A new revision written by the jar, its placeholder statement replaced by {@code body}. */
    private void revision(String id, String message, String body, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("revision", "-m", message, "--rev-id", id));
        args.addAll(List.of(extra));
        jar(args.toArray(String[]::new));
        Path file = script(id);
        String text = Files.readString(file);
        assertTrue(text.contains("SELECT 1 /* no schema change */;\n--rollback SELECT 1;\n"), text);
        Files.writeString(file, text.replace("SELECT 1 /* no schema change */;\n--rollback SELECT 1;\n", body));
    }

    private Path script(String id) throws IOException {
        try (Stream<Path> files = Files.list(migrations.resolve("versions"))) {
            return files.filter(f -> f.getFileName().toString().contains("_" + id + "_")).findFirst().orElseThrow();
        }
    }

    @Test
    void everyOfflineFormLeavesWhatTheOnlineCommandLeaves() throws Exception {
        migrations = project.resolve("migrations");
        Files.createDirectories(migrations.resolve("versions"));
        revision("r1", "create t", "CREATE TABLE t (id integer PRIMARY KEY, a integer);\n--rollback DROP TABLE t;\n");
        revision("r2a", "add c", "ALTER TABLE t ADD COLUMN c integer;\n--rollback ALTER TABLE t DROP COLUMN c;\n");
        revision("r2b", "create u", "CREATE TABLE u (id integer PRIMARY KEY);\n--rollback DROP TABLE u;\n", "--head", "r1", "--splice");
        jar("merge", "heads", "-m", "join the branches", "--rev-id", "m");
        revision("r3", "index d", "ALTER TABLE t ADD COLUMN d integer;\n--rollback ALTER TABLE t DROP COLUMN d;\n\n"
                + "--changeset diffgen:r3.concurrently runInTransaction:false\n"
                + "CREATE INDEX CONCURRENTLY ix_t_d ON t (d);\n--rollback DROP INDEX CONCURRENTLY ix_t_d;\n");

        TestDatabase online = PostgresServer.createDatabase("offline_forms_online");
        TestDatabase offline = PostgresServer.createDatabase("offline_forms_offline");

        step(online, offline, new String[]{"upgrade", "r1"}, new String[]{"upgrade", "r1", "--sql"});
        step(online, offline, new String[]{"upgrade", "r2a"}, new String[]{"upgrade", "r1:r2a", "--sql"});
        step(online, offline, new String[]{"upgrade", "+1"}, new String[]{"upgrade", "r2a:+1", "--sql"});
        assertEquals("m\n", jar("current", "--url", offline.url()).out(), "+1 from r2a is the merge point, with r2b");
        step(online, offline, new String[]{"upgrade", "head"}, new String[]{"upgrade", "m:head", "--sql"});
        assertTrue(Catalogs.read(offline).table("t").orElseThrow().indexes().stream().anyMatch(i -> i.name().equals("ix_t_d")));
        step(online, offline, new String[]{"downgrade", "m"}, new String[]{"downgrade", "head:m", "--sql"});
        step(online, offline, new String[]{"downgrade", "r2a"}, new String[]{"downgrade", "m:r2a", "--sql"});
        step(online, offline, new String[]{"downgrade", "base"}, new String[]{"downgrade", "r2a:base", "--sql"});
        assertTrue(Catalogs.read(offline).tables().isEmpty(), "at base");
        step(online, offline, new String[]{"stamp", "m"}, new String[]{"stamp", "base:m", "--sql"});
        step(online, offline, new String[]{"stamp", "r1"}, new String[]{"stamp", "m:r1", "--sql"});
        step(online, offline, new String[]{"stamp", "base"}, new String[]{"stamp", "r1:base", "--sql"});
        step(online, offline, new String[]{"upgrade", "head"}, new String[]{"upgrade", "head", "--sql"});
        // --purge deletes every diffgen row first, online and in the script alike
        step(online, offline, new String[]{"stamp", "--purge", "r1"}, new String[]{"stamp", "--purge", "r1", "--sql"});
        assertEquals("r1\n", jar("current", "--url", offline.url()).out());
        step(online, offline, new String[]{"stamp", "--purge", "head"}, new String[]{"stamp", "--purge", "head", "--sql"});
        assertEquals("r3 (head)\n", jar("current", "--url", offline.url()).out());
    }

    /** The online command on one database, the offline one through psql on the other, then the same state. */
    private void step(TestDatabase online, TestDatabase offline, String[] onlineArgs, String[] offlineArgs) throws Exception {
        List<String> on = new ArrayList<>(List.of(onlineArgs));
        on.addAll(List.of("--url", online.url()));
        jar(on.toArray(String[]::new));
        Jar.Result piped = Jar.shell(project, Map.of("MIGRATIONS", migrations.toString(), "URL", offline.url()),
                "$DIFFGEN " + String.join(" ", offlineArgs) + " --migrations \"$MIGRATIONS\" | psql -X -q -v ON_ERROR_STOP=1 \"$URL\"");
        String what = String.join(" ", offlineArgs);
        assertEquals(0, piped.exitCode(), what + " through psql failed:\n" + piped.err());
        assertEquals(Catalogs.read(online), Catalogs.read(offline), what + ": the same catalog as " + String.join(" ", onlineArgs));
        assertEquals(Catalogs.trackingRows(online), Catalogs.trackingRows(offline), what + ": the same DATABASECHANGELOG rows");
        assertEquals(jar("current", "--url", online.url()).out(), jar("current", "--url", offline.url()).out(), what + ": the same current");
    }
}
