package io.diffgen.process;

import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.diffgen.Cli.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command of the jar once, as a process, on PixCrawler's migrations or a project of the test's own. */
@Tag("process")
class CommandsIT {
    @TempDir
    Path work;

    private static final List<String> PIXCRAWLER = List.of("--migrations", Jar.MIGRATIONS.toString());
    private static final List<String> MODEL = List.of("--model-classpath", Jar.MODEL_CLASSES.toString(), "--model-package", "io.pixcrawler.model");

    private String head() {
        return Jar.run(work, args("heads", PIXCRAWLER)).assertOk().out().strip().replace(" (head)", "");
    }

    @Test
    void readOnlyCommandsOnTheRevisionFiles() {
        String head = head();
        Jar.Result history = Jar.run(work, args("history", PIXCRAWLER)).assertOk();
        assertEquals(9, history.out().lines().count(), history.out());
        assertTrue(history.out().lines().findFirst().orElseThrow().contains("-> " + head + " (head), set updated_at on every update"), history.out());
        assertTrue(Jar.run(work, args("show", head.substring(0, 6), PIXCRAWLER)).assertOk().out().contains("Rev: " + head + " (head)"));
        Jar.Result validate = Jar.run(work, args("validate", "--offline", PIXCRAWLER)).assertOk();
        assertEquals("Validated 9 revision(s), 17 changeset(s), 1 head(s) (files and graph only)\n", validate.out());
        assertEquals("", validate.err());
    }

    @Test
    void databaseCommandsOnPixCrawler() {
        TestDatabase db = PostgresServer.createDatabase("commands_pixcrawler");
        List<String> on = args("--url", db.url(), PIXCRAWLER);
        String head = head();
        Jar.Result status = Jar.run(work, args("status", on)).assertOk();
        assertTrue(status.out().contains("not up to date"), status.out());
        Jar.run(work, args("upgrade", "head", on)).assertOk();
        assertEquals(head + " (head)\n", Jar.run(work, args("current", on)).assertOk().out());
        assertTrue(Jar.run(work, args("status", "--json", on)).assertOk().out().contains("\"upToDate\":true"));
        assertEquals(0, Jar.run(work, args("check", on, MODEL)).exitCode());
        assertEquals("Validated 9 revision(s), 17 changeset(s), 1 head(s) against " + db.url().replace(":" + db.password() + "@", "@")
                + ": 9 applied, 0 partially applied, 0 pending\n", Jar.run(work, args("validate", on)).assertOk().out());
        Jar.run(work, args("downgrade", "-1", on)).assertOk();
        Jar.run(work, args("stamp", "head", on)).assertOk();
        assertEquals(head + " (head)\n", Jar.run(work, args("current", on)).assertOk().out());
    }

    @Test
    void validateNamesARevisionEditedAfterItWasApplied() throws Exception {
        Path copy = work.resolve("migrations");
        Files.createDirectories(copy.resolve("versions"));
        try (var files = Files.list(Jar.MIGRATIONS.resolve("versions"))) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve("versions").resolve(f.getFileName()));
        }
        TestDatabase db = PostgresServer.createDatabase("commands_edited");
        Jar.run(work, args("upgrade", "head", "--url", db.url(), "--migrations", copy)).assertOk();
        Path first;
        try (var files = Files.list(copy.resolve("versions"))) {
            first = files.sorted().findFirst().orElseThrow();
        }
        Files.writeString(first, Files.readString(first).replace("CREATE TABLE profiles", "CREATE TABLE profile"));
        Jar.Result validate = Jar.run(work, args("validate", "--url", db.url(), "--migrations", copy));
        assertEquals(5, validate.exitCode(), validate.err());
        assertTrue(validate.err().startsWith("error: revision ") && validate.err().contains(first.getFileName() + ") was edited after it was applied"),
                validate.err());
    }

    @Test
    void initCreatesUpgradesStampsAndRefuses() throws Exception {
        TestDatabase server = PostgresServer.createDatabase("commands_init_probe");
        String base = server.url().substring(0, server.url().lastIndexOf('/'));
        String head = head();

        Jar.Result created = Jar.run(work, args("init", "--url", base + "/commands_init_fresh", PIXCRAWLER)).assertOk();
        assertTrue(created.err().startsWith("Created database commands_init_fresh\n"), created.err());
        assertEquals(head + " (head)\n", created.out());
        Jar.Result again = Jar.run(work, args("init", "--url", base + "/commands_init_fresh", PIXCRAWLER)).assertOk();
        assertTrue(again.err().contains("nothing to do"), again.err());

        TestDatabase adopted = PostgresServer.createDatabase("commands_init_adopted");
        Jar.Result schema = Jar.shell(work, Map.of("MIGRATIONS", Jar.MIGRATIONS.toString(), "URL", adopted.url()),
                "$DIFFGEN upgrade head --sql --migrations \"$MIGRATIONS\" | psql -X -q -v ON_ERROR_STOP=1 \"$URL\"");
        assertEquals(0, schema.exitCode(), schema.err());
        adopted.execute("DROP TABLE databasechangelog");
        Jar.Result withoutModel = Jar.run(work, args("init", "--url", adopted.url(), PIXCRAWLER));
        assertEquals(2, withoutModel.exitCode(), withoutModel.err());
        Jar.Result stamped = Jar.run(work, args("init", "--url", adopted.url(), PIXCRAWLER, MODEL)).assertOk();
        assertTrue(stamped.err().contains("The schema matches the entities: stamped " + head), stamped.err());
        assertEquals(head + " (head)\n", Jar.run(work, args("current", "--url", adopted.url(), PIXCRAWLER)).assertOk().out());

        TestDatabase drifted = PostgresServer.createDatabase("commands_init_drifted");
        drifted.execute("CREATE TABLE profiles (id uuid PRIMARY KEY)");
        Jar.Result refused = Jar.run(work, args("init", "--url", drifted.url(), PIXCRAWLER, MODEL));
        assertEquals(7, refused.exitCode(), refused.err());
        assertTrue(refused.err().startsWith("error: database ") && refused.err().contains("nothing was changed"), refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.out().startsWith("The schema differs from the entities:\n  - "), refused.out());
        assertTrue(refused.out().contains("  - create table projects\n") && refused.out().contains("  - add column profiles.email\n"),
                refused.out());
        long listed = refused.out().lines().filter(l -> l.startsWith("  - ")).count();
        assertTrue(refused.err().contains("differs from the entities in " + listed + " way(s), listed above; nothing was changed"), refused.err());
        assertEquals("", Jar.run(work, args("current", "--url", drifted.url(), PIXCRAWLER)).assertOk().out(), "no history written");
    }

    @Test
    void revisionAndMergeInAProjectOfItsOwn() throws Exception {
        Path migrations = work.resolve("project/migrations");
        Files.createDirectories(migrations.resolve("versions"));
        List<String> m = args("--migrations", migrations);
        Jar.run(work, args("revision", "-m", "first", "--rev-id", "a1", m)).assertOk();
        Jar.run(work, args("revision", "-m", "left", "--rev-id", "b1", m)).assertOk();
        Jar.run(work, args("revision", "-m", "right", "--rev-id", "b2", "--head", "a1", "--splice", m)).assertOk();
        assertEquals("b1 (head)\nb2 (head)\n", Jar.run(work, args("heads", m)).assertOk().out());
        Jar.Result ambiguous = Jar.run(work, args("upgrade", "head", "--sql", m));
        assertEquals(5, ambiguous.exitCode(), ambiguous.err());
        assertTrue(ambiguous.err().startsWith("error: ") && ambiguous.err().contains("b1") && ambiguous.err().contains("b2"), ambiguous.err());
        Jar.run(work, args("merge", "heads", "-m", "join", "--rev-id", "m1", m)).assertOk();
        assertEquals("m1 (head)\n", Jar.run(work, args("heads", m)).assertOk().out());
        assertTrue(Jar.run(work, args("history", m)).assertOk().out().startsWith("b1, b2 -> m1 (head) (mergepoint), join"));
    }

    @Test
    void badInputThroughTheJarIsOneErrorLine() {
        for (List<String> bad : List.of(
                args("upgrayedd"),
                args("heads", "--migrations", work.resolve("nowhere")),
                args("check", "--hibernate-property", "hibernate.no_such_setting=1", PIXCRAWLER, MODEL),
                args("downgrade", "--sql", "base", PIXCRAWLER),
                args("current", "--url", "postgresql://u:pw@127.0.0.1:99999/db", PIXCRAWLER))) {
            Jar.Result r = Jar.run(work, bad);
            assertTrue(r.exitCode() != 0, bad + " exits non-zero");
            assertEquals("", r.out(), bad + ": nothing on stdout");
            assertTrue(r.err().startsWith("error: "), bad + ": " + r.err());
            assertTrue(r.err().lines().count() <= 2, bad + ": " + r.err());
            assertFalse(r.err().contains("\tat ") || r.err().contains(":pw@"), bad + ": " + r.err());
        }
    }

    @Test
    void twoAutogeneratesAtOnceInOneFolderWriteOneRevision() throws Exception {
        Path migrations = work.resolve("together/migrations");
        Files.createDirectories(migrations.resolve("versions"));
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
        List<String> command = args("revision", "--autogenerate", "-m", "together", "--migrations", migrations,
                "--model-classpath", testClasses, "--model-package", "io.diffgen.corpus.c01_add_nullable_column.v1");
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> Jar.run(work, command));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> Jar.run(work, command));
        List<Jar.Result> results = List.of(first.get(), second.get());
        results.forEach(Jar.Result::assertOk);
        assertEquals(1, results.stream().filter(r -> r.out().startsWith("Generating")).count(), results.toString());
        assertEquals(1, results.stream().filter(r -> r.out().equals("No changes detected\n")).count(), results.toString());
        try (var files = Files.list(migrations.resolve("versions"))) {
            assertEquals(1, files.count(), "one revision");
        }
        assertEquals(1, Jar.run(work, args("heads", "--migrations", migrations)).assertOk().out().lines().count(), "one head");
    }

    /**
     * Two first-time checks at once, on two migrations folders of one project (so one cache): both
     * build the cached clusters at the same moment, one rename wins, and each run keeps its own
     * migration state cached for the next (issue 14 #11, #12).
     */
    @Test
    void twoFirstTimeChecksOnTwoFoldersSharingACacheBothWorkAndKeepTheirState() throws Exception {
        Path project = work.resolve("shared");
        List<Path> versions = new java.util.ArrayList<>();
        try (var files = Files.list(Jar.MIGRATIONS.resolve("versions"))) {
            versions.addAll(files.sorted().toList());
        }
        for (String folder : List.of("all", "one-less")) {
            Files.createDirectories(project.resolve(folder).resolve("versions"));
            for (Path v : folder.equals("all") ? versions : versions.subList(0, versions.size() - 1)) {
                Files.copy(v, project.resolve(folder).resolve("versions").resolve(v.getFileName()));
            }
            Files.createDirectories(project.resolve(folder).resolve("objects"));
            Files.copy(Jar.MIGRATIONS.resolve("objects/updated_at.sql"), project.resolve(folder).resolve("objects/updated_at.sql"));
        }
        for (int round = 1; round <= 2; round++) {
            var all = java.util.concurrent.CompletableFuture.supplyAsync(() -> Jar.run(project, args("check", "--migrations", "all", MODEL)));
            var oneLess = java.util.concurrent.CompletableFuture.supplyAsync(() -> Jar.run(project, args("check", "--migrations", "one-less", MODEL)));
            Jar.Result a = all.get();
            Jar.Result b = oneLess.get();
            assertEquals(0, a.exitCode(), "round " + round + ": " + a);
            assertEquals(1, b.exitCode(), "round " + round + ": " + b);
            assertTrue(b.out().startsWith("New upgrade operations detected:"), b.toString());
            try (var cached = Files.list(project.resolve(".diffgen/cache"))) {
                List<String> names = cached.map(p -> p.getFileName().toString()).sorted().toList();
                assertEquals(2, names.stream().filter(n -> n.startsWith("shadow-")).count(), names.toString());
                assertEquals(1, names.stream().filter(n -> n.startsWith("initdb-")).count(), names.toString());
                assertEquals(0, names.stream().filter(n -> n.startsWith("building-")).count(), names.toString());
            }
        }
    }
}
