package io.diffgen;

import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Database code in {@code migrations/objects} (issue 23), each kind on the user's path: declare or edit
 * it, generate a revision, apply it, check clean, downgrade, and find the catalog exactly as it was (the
 * definitions as PostgreSQL prints them, read here by queries of the test's own), then apply it again.
 */
@Tag("postgres")
class DatabaseCodeTest {
    private static final String BEFORE = "io.diffgen.dbcode.before";
    private static final String AFTER = "io.diffgen.dbcode.after";

    private static final String TOUCH = """
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.updated_at := now();  -- a semicolon inside the body
                RETURN NEW;
            END;
            $$;
            """;

    /** A project with a migrations folder, its database at head, and the model it is compared with. */
    private static final class Project {
        final TestDatabase db;
        final Path migrations;
        String model = BEFORE;

        Project(Path dir, String name) throws IOException {
            db = PostgresServer.createDatabase(name);
            migrations = dir.resolve("migrations");
            Files.createDirectories(migrations.resolve("versions"));
            Files.createDirectories(migrations.resolve("objects"));
        }

        Cli.Result run(String... command) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--url", db.url(), "--migrations", migrations.toString()));
            if (command[0].equals("revision") || command[0].equals("check")) args.addAll(List.of("--model-package", model));
            return Cli.run(args);
        }

        void declare(String file, String sql) {
            try {
                Files.writeString(migrations.resolve("objects").resolve(file), sql);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void undeclare(String file) throws IOException {
            Files.delete(migrations.resolve("objects").resolve(file));
        }

        /** A new revision from the model and the objects, applied; its text. */
        String reviseAndUpgrade() throws IOException {
            List<Path> before = versions();
            run("revision", "--autogenerate", "-m", "edit").assertOk();
            List<Path> after = versions();
            after.removeAll(before);
            assertEquals(1, after.size(), "one new revision");
            run("upgrade", "head").assertOk();
            return Files.readString(after.get(0));
        }

        void assertClean() {
            Cli.Result check = run("check");
            assertEquals(0, check.exitCode(), check.out() + check.err());
        }

        List<Path> versions() throws IOException {
            try (Stream<Path> files = Files.list(migrations.resolve("versions"))) {
                return new ArrayList<>(files.filter(p -> p.toString().endsWith(".sql")).sorted().toList());
            }
        }

        SchemaSnapshot tables() {
            return Catalogs.ignoringColumnOrder(Catalogs.read(db));
        }

        String code() {
            return Catalogs.code(db);
        }

        /**
         * The edit, on the user's path: revision, upgrade, check clean; then downgrade to exactly the catalog
         * before it, and upgrade again, clean. The script and the code after the edit.
         */
        String[] roundTrip(Runnable edit) throws IOException {
            String codeBefore = code();
            SchemaSnapshot tablesBefore = tables();
            edit.run();
            String script = reviseAndUpgrade();
            assertClean();
            String codeAfter = code();
            assertTrue(!codeBefore.equals(codeAfter) || !tablesBefore.equals(tables()), "the revision changes the database");
            run("downgrade", "-1").assertOk();
            assertEquals(codeBefore, code(), "the downgrade restores every definition");
            assertEquals(tablesBefore, tables(), "the downgrade restores the tables");
            run("upgrade", "head").assertOk();
            assertClean();
            assertEquals(codeAfter, code());
            return new String[]{script, codeAfter};
        }

        /** The model's tables, and the code declared so far, applied. */
        Project atHead() throws IOException {
            reviseAndUpgrade();
            assertClean();
            return this;
        }
    }

    @Test
    void aFunctionBodyChangedIsReplacedInPlace(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_body");
        p.declare("touch.sql", TOUCH);
        p.atHead();
        String[] result = p.roundTrip(() -> p.declare("touch.sql", TOUCH.replace("now()", "clock_timestamp()")));
        assertTrue(result[0].contains("--   - replace function touch()"), result[0]);
        assertTrue(result[0].contains("splitStatements:false"), result[0]);
        assertTrue(result[1].contains("NEW.updated_at := clock_timestamp();"), result[1]);
    }

    @Test
    void aFunctionWhoseSignatureChangesIsDroppedAndCreated(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_signature");
        p.declare("budget.sql", "CREATE FUNCTION over_budget(spent integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT spent > 100';");
        p.atHead();
        String[] result = p.roundTrip(() -> p.declare("budget.sql",
                "CREATE FUNCTION over_budget(spent integer, budget integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT spent > budget';"));
        assertTrue(result[0].contains("--   - drop function over_budget(integer)"), result[0]);
        assertTrue(result[0].contains("--   - create function over_budget(integer, integer)"), result[0]);
        // a parameter renamed, or a default added: CREATE OR REPLACE refuses both, so the function is made again
        String[] renamed = p.roundTrip(() -> p.declare("budget.sql", "CREATE FUNCTION over_budget(spent integer, cap integer DEFAULT 100) "
                + "RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT spent > cap';"));
        assertTrue(renamed[0].contains("--   - drop function over_budget(integer, integer)"), renamed[0]);
    }

    @Test
    void aTriggerIsAddedThenRemoved(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_trigger");
        p.declare("touch.sql", TOUCH);
        p.atHead();
        String trigger = "CREATE TRIGGER project_touch BEFORE UPDATE ON project FOR EACH ROW EXECUTE FUNCTION touch();\n";
        String[] added = p.roundTrip(() -> p.declare("touch.sql", TOUCH + trigger));
        assertTrue(added[0].contains("WARNING DG017"), added[0]);
        // the trigger works: an UPDATE sets updated_at
        p.db.execute("INSERT INTO project (id, name) VALUES (1, 'a')", "UPDATE project SET name = 'b'");
        assertEquals("1", query(p.db, "SELECT count(*) FROM project WHERE updated_at IS NOT NULL"));
        String[] removed = p.roundTrip(() -> p.declare("touch.sql", TOUCH));
        assertTrue(removed[0].contains("--   - drop trigger project_touch on project"), removed[0]);
    }

    @Test
    void aViewOverTwoTablesChangesInPlaceOrIsMadeAgain(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_view");
        String view = """
                CREATE VIEW project_jobs AS
                SELECT p.name, count(j.id) AS jobs FROM project p LEFT JOIN job j ON j.project_id = p.id GROUP BY p.name;
                COMMENT ON VIEW project_jobs IS 'jobs per project';
                """;
        p.declare("reports.sql", view);
        p.atHead();
        String[] filtered = p.roundTrip(() -> p.declare("reports.sql", view.replace("GROUP BY", "WHERE j.state IS NOT NULL GROUP BY")));
        assertTrue(filtered[0].contains("--   - replace view project_jobs"), filtered[0]);
        // columns added or taken away: CREATE OR REPLACE could not take them away again in the downgrade
        String[] widened = p.roundTrip(() -> p.declare("reports.sql", view.replace("count(j.id) AS jobs", "count(j.id) AS jobs, max(j.state) AS last_state")));
        assertTrue(widened[0].contains("--   - drop view project_jobs"), widened[0]);
        String[] narrowed = p.roundTrip(() -> p.declare("reports.sql", view.replace("p.name, count(j.id) AS jobs", "count(j.id) AS jobs")
                .replace("GROUP BY p.name", "").replace("'jobs per project'", "'all jobs'")));
        assertTrue(narrowed[0].contains("--   - drop view project_jobs"), narrowed[0]);
        assertTrue(narrowed[1].contains("all jobs"), narrowed[1]);
    }

    /**
     * A view replaced in place to call a function the same revision creates: the function comes first, and
     * the downgrade puts the view back before it drops the function.
     */
    @Test
    void aViewReplacedInPlaceComesAfterTheFunctionItNowCalls(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_replace_order");
        p.declare("names.sql", "CREATE VIEW project_names AS SELECT id, name FROM project;\n");
        p.atHead();
        String[] result = p.roundTrip(() -> p.declare("names.sql", """
                CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper(t)';
                CREATE VIEW project_names AS SELECT id, shout(name)::character varying(255) AS name FROM project;
                """));
        assertTrue(result[0].indexOf("CREATE OR REPLACE FUNCTION shout") < result[0].indexOf("CREATE OR REPLACE VIEW project_names"), result[0]);
        assertTrue(result[0].contains("--   - replace view project_names"), result[0]);
    }

    /**
     * The column a view reads changes type (integer to bigint): the declared view and one made by hand
     * are dropped before the ALTER and made again after it, which PostgreSQL would otherwise refuse.
     */
    @Test
    void aColumnTypeChangedUnderAViewDropsAndRemakesTheViews(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_under_view");
        p.declare("budgets.sql", "CREATE VIEW big_budgets AS SELECT id, budget FROM project WHERE budget > 1000;");
        p.atHead();
        p.db.execute("CREATE VIEW budget_total AS SELECT sum(budget) AS total FROM big_budgets",
                "DO $$ BEGIN CREATE ROLE code_reporter; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "GRANT SELECT ON big_budgets, budget_total TO code_reporter");
        String[] result = p.roundTrip(() -> p.model = AFTER);
        String script = result[0];
        assertTrue(script.indexOf("DROP VIEW budget_total") < script.indexOf("DROP VIEW big_budgets")
                && script.indexOf("DROP VIEW big_budgets") < script.indexOf("ALTER TABLE project ALTER COLUMN budget")
                && script.indexOf("ALTER TABLE project ALTER COLUMN budget") < script.indexOf("CREATE OR REPLACE VIEW big_budgets")
                && script.indexOf("CREATE OR REPLACE VIEW big_budgets") < script.indexOf("CREATE OR REPLACE VIEW budget_total"), script);
        assertTrue(result[1].contains("relation budget_total v"), result[1]);
        // made again with their privileges: the reporting role still reads both
        assertTrue(result[1].contains("code_reporter=r/"), result[1]);
        assertEquals("t", query(p.db, "SELECT has_table_privilege('code_reporter', 'budget_total', 'SELECT') "
                + "AND has_table_privilege('code_reporter', 'big_budgets', 'SELECT')"));
    }

    @Test
    void aMaterializedViewWithAnIndex(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_matview");
        p.atHead();
        String[] result = p.roundTrip(() -> p.declare("stats.sql", """
                CREATE MATERIALIZED VIEW job_states AS SELECT state, count(*) AS jobs FROM job GROUP BY state;
                CREATE UNIQUE INDEX job_states_state ON job_states (state);
                """));
        assertTrue(result[1].contains("index CREATE UNIQUE INDEX job_states_state ON public.job_states USING btree (state)"), result[1]);
        // only its comment changes: the comment is set, and the view and its rows stay
        String[] commented = p.roundTrip(() -> p.declare("stats.sql", """
                CREATE MATERIALIZED VIEW job_states AS SELECT state, count(*) AS jobs FROM job GROUP BY state;
                CREATE UNIQUE INDEX job_states_state ON job_states (state);
                COMMENT ON MATERIALIZED VIEW job_states IS 'jobs by state';
                """));
        assertTrue(commented[0].contains("--   - comment on materialized view job_states") && !commented[0].contains("DROP"), commented[0]);
        String[] dropped = p.roundTrip(() -> p.declare("stats.sql", "CREATE MATERIALIZED VIEW job_states AS SELECT state FROM job;\n"));
        assertTrue(dropped[0].contains("WARNING DG019"), dropped[0]);
    }

    @Test
    void anExtensionAndAFunctionThatUsesIt(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_extension");
        p.atHead();
        String[] result = p.roundTrip(() -> p.declare("search.sql", """
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE FUNCTION similar_projects(q text) RETURNS SETOF project LANGUAGE sql STABLE
                    AS 'SELECT * FROM project WHERE similarity(name, q) > 0.3';
                """));
        assertTrue(result[0].indexOf("CREATE EXTENSION pg_trgm") < result[0].indexOf("CREATE OR REPLACE FUNCTION similar_projects"), result[0]);
        assertTrue(result[1].contains("extension pg_trgm public"), result[1]);
    }

    @Test
    void aPolicyIsAdded(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_policy");
        p.atHead();
        String[] result = p.roundTrip(() -> p.declare("policies.sql",
                "CREATE POLICY named_only ON project FOR SELECT USING (name IS NOT NULL);\n"));
        assertTrue(result[1].contains("policy named_only project PERMISSIVE {public} SELECT (name IS NOT NULL)"), result[1]);
    }

    @Test
    void checkNamesAFunctionEditedByHand(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_hand_edit");
        p.declare("touch.sql", TOUCH);
        p.atHead();
        p.db.execute(TOUCH.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION").replace("now()", "now() - interval '1 hour'"));
        Cli.Result check = p.run("check");
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("replace function touch()"), check.out());
    }

    /** A declared trigger disabled by hand is not the trigger declared: check says so, and the revision enables it again. */
    @Test
    void checkNamesATriggerDisabledByHand(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_trigger_disabled");
        p.declare("touch.sql", TOUCH + "CREATE TRIGGER project_touch BEFORE UPDATE ON project FOR EACH ROW EXECUTE FUNCTION touch();\n");
        p.atHead();
        p.db.execute("ALTER TABLE project DISABLE TRIGGER project_touch");
        Cli.Result check = p.run("check");
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("trigger project_touch on project"), check.out());
        String[] result = p.roundTrip(() -> { });
        assertTrue(result[0].contains("--rollback ALTER TABLE project DISABLE TRIGGER project_touch;"), result[0]);
    }

    /** A file saved with Windows line endings (and a byte-order mark) is the same code: check is clean after the upgrade. */
    @Test
    void windowsLineEndingsAreNoDifference(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_crlf");
        p.declare("touch.sql", "\uFEFF" + TOUCH.replace("\n", "\r\n"));
        p.atHead();
        assertTrue(p.code().contains("NEW.updated_at := now();  -- a semicolon inside the body\n"), p.code());
    }

    @Test
    void codeNobodyDeclaresIsLeftAloneAndSaid(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_undeclared");
        p.atHead();
        p.db.execute("CREATE VIEW named AS SELECT name FROM project");
        Cli.Result check = p.run("check");
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.err().contains("WARNING DG021: view named is in the database"), check.err());
    }

    /** A declaration PostgreSQL or diffgen refuses: one line naming the file, exit 3, and no revision written. */
    private static void assertRefused(Path dir, String name, String file, String sql, String expected) throws IOException {
        Project p = new Project(dir, name);
        p.atHead();
        p.declare(file, sql);
        assertRefused(p, expected);
    }

    /** The project's next autogenerate is refused in one line saying {@code expected}, with exit 3, and writes nothing. */
    private static void assertRefused(Project p, String expected) throws IOException {
        int revisions = p.versions().size();
        Cli.Result revision = p.run("revision", "--autogenerate", "-m", "bad");
        assertEquals(3, revision.exitCode(), revision.out() + revision.err());
        assertEquals(1, revision.err().strip().lines().count(), revision.err());
        assertTrue(revision.err().contains(expected), revision.err());
        assertEquals(revisions, p.versions().size(), "no revision written");
    }

    @Test
    void aSyntaxErrorIsSaidWithItsFileAndLine(@TempDir Path dir) throws IOException {
        assertRefused(dir, "code_bad_syntax", "broken.sql", "-- a view\n\nCREATE VIEW v AS\nSELEC name FROM project;\n",
                "objects/broken.sql:4: ERROR: syntax error at or near \"SELEC\"");
    }

    /** A body line Liquibase would read as its own, reading the script a line at a time, would change the revision: refused. */
    @Test
    void aBodyLineLiquibaseWouldTakeForItsOwnIsRefused(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_bad_liquibase_line");
        p.atHead();
        p.declare("touch.sql", TOUCH.replace("-- a semicolon inside the body", "\n    -- rollback happens elsewhere"));
        assertRefused(p, "function touch() has the line '-- rollback happens elsewhere'");
    }

    @Test
    void aDropInAFileIsRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, "code_bad_drop", "drop.sql", "DROP VIEW IF EXISTS v;\n", "objects/drop.sql:1: only CREATE statements");
    }

    /** A comment on what a revision would not carry (a view's column, an extension) would be ignored: refused instead. */
    @Test
    void aCommentOnAViewsColumnIsRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, "code_bad_comment", "views.sql", "CREATE VIEW named AS SELECT name FROM project;\nCOMMENT ON COLUMN named.name IS 'x';\n",
                "objects/views.sql:2: only CREATE statements");
    }

    @Test
    void anObjectOnATableTheModelLacksIsRefused(@TempDir Path dir) throws IOException {
        assertRefused(dir, "code_bad_table", "orders.sql", "CREATE VIEW open_orders AS SELECT * FROM orders;\n",
                "objects/orders.sql:1: ERROR: relation \"orders\" does not exist");
    }

    @Test
    void twoFilesDeclaringOneObjectAreRefused(@TempDir Path dir) throws IOException {
        Project p = new Project(dir, "code_bad_twice");
        p.declare("a.sql", TOUCH);
        p.atHead();
        p.declare("b.sql", TOUCH.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION").replace("now()", "clock_timestamp()"));
        assertRefused(p, "objects/b.sql: declares function touch(), which objects/a.sql declares already");
    }

    private static String query(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
