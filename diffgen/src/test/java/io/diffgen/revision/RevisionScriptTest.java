package io.diffgen.revision;

import io.diffgen.DiffgenException;
import io.diffgen.diff.Change;
import io.diffgen.diff.Differ;
import io.diffgen.lint.Diagnostic;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.Index;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionScriptTest {
    private static final String FILE = "20240102_030405_ae1001_add_nickname.sql";
    private static final Path PATH = Path.of("migrations", "versions", FILE);

    private static Revision revision(String id, String message, String... parents) {
        return new Revision(id, List.of(parents), message, "2024-01-02T03:04:05Z", Optional.empty());
    }

    private static final List<Change> UPGRADE = List.of(new Change.AddColumn("member", Column.of("nickname", "text", true)));

    static Stream<Arguments> revisions() {
        return Stream.of(
                Arguments.of(revision("ae1001", "initial schema")),
                Arguments.of(revision("bc2002", "add nickname", "ae1001")),
                Arguments.of(revision("cd3003", "merge heads", "ae1001", "bc2002")),
                Arguments.of(revision("de_4004", "Messages keep 'quotes', \"double\", commas, colons: and -- dashes", "cd3003")),
                Arguments.of(revision("ef5005", "")),
                Arguments.of(revision("ff6006", "caf\u00e9 \uD83D\uDE80", "ef5005")));
    }

    @ParameterizedTest
    @MethodSource("revisions")
    void headerRoundTrips(Revision r) {
        String script = RevisionScript.render(r, FILE, UPGRADE, Differ.inverse(UPGRADE), List.of());
        Revision back = RevisionScript.parseHeader(PATH, script);
        assertEquals(r.id(), back.id());
        assertEquals(r.parents(), back.parents());
        assertEquals(r.message(), back.message());
        assertEquals(r.createDate(), back.createDate());
        assertEquals(Optional.of(PATH), back.path());
        assertEquals(FILE, back.location());
    }

    @Test
    void headerRoundTripsWithWarningsAndAnEmptyUpgrade() {
        Revision merge = revision("cd3003", "merge", "ae1001", "bc2002");
        List<Diagnostic> warnings = List.of(new Diagnostic(Diagnostic.Code.DG001, "drops table x and all its rows"));
        String script = RevisionScript.render(merge, FILE, List.of(), List.of(), warnings);
        assertEquals(List.of("ae1001", "bc2002"), RevisionScript.parseHeader(PATH, script).parents());
        assertTrue(script.contains("--   (none: merge point)\n"), script);
        assertTrue(script.contains("SELECT 1 /* merge point */;\n"), script);
        assertTrue(script.contains("--   WARNING DG001: drops table x and all its rows [drop-table, data loss]\n"), script);
    }

    @Test
    void renderedScriptShape() {
        Revision r = revision("bc2002", "add nickname", "ae1001");
        String script = RevisionScript.render(r, FILE, UPGRADE, Differ.inverse(UPGRADE), List.of());
        assertEquals("""
                --liquibase formatted sql
                -- Revision: bc2002
                -- Revises: ae1001
                -- Create Date: 2024-01-02T03:04:05Z
                -- Message: add nickname
                --
                -- Changes:
                --   - add column member.nickname
                --
                -- Warnings:
                --   (none)

                --changeset diffgen:bc2002 logicalFilePath:migrations/versions/20240102_030405_ae1001_add_nickname.sql
                --comment: add nickname
                SET lock_timeout = '10s';
                SET statement_timeout = '0';
                ALTER TABLE member ADD COLUMN nickname text;
                --rollback SET lock_timeout = '10s';
                --rollback SET statement_timeout = '0';
                --rollback ALTER TABLE member DROP COLUMN nickname;
                """, script);
    }

    @Test
    void concurrentIndexesGetTheirOwnNonTransactionalChangeset() {
        Index ix = new Index("ix_member_nickname", List.of(new Index.Key("nickname", false)), false, Optional.empty(), "btree");
        List<Change> up = List.of(new Change.AddColumn("member", Column.of("nickname", "text", true)), new Change.CreateIndex("member", ix, true));
        String script = RevisionScript.render(revision("bc2002", "m", "ae1001"), FILE, up, Differ.inverse(up), List.of(),
                new RevisionScript.Timeouts("2s", "30min"), Optional.empty());
        String tail = script.substring(script.indexOf("--changeset diffgen:bc2002.2"));
        assertEquals("""
                --changeset diffgen:bc2002.2 logicalFilePath:migrations/versions/20240102_030405_ae1001_add_nickname.sql runInTransaction:false
                --comment: create index ix_member_nickname on member
                SET lock_timeout = '2s';
                SET statement_timeout = '30min';
                CREATE INDEX CONCURRENTLY ix_member_nickname ON member (nickname);
                --rollback SET lock_timeout = '2s';
                --rollback SET statement_timeout = '30min';
                --rollback DROP INDEX CONCURRENTLY ix_member_nickname;
                """, tail);
        String main = script.substring(0, script.indexOf("--changeset diffgen:bc2002.2"));
        assertFalse(main.contains("CONCURRENTLY"), main);
    }

    @Test
    void aRollbackDropsATableWithoutDroppingItsIndexesAndConstraintsFirst() {
        Index ix = new Index("ix_note_body", List.of(new Index.Key("body", false)), false, Optional.empty(), "btree");
        io.diffgen.snapshot.ForeignKey toFolder = new io.diffgen.snapshot.ForeignKey("fk_note_folder", List.of("folder_id"), "folder",
                List.of("id"), io.diffgen.snapshot.ForeignKey.Action.NO_ACTION, io.diffgen.snapshot.ForeignKey.Action.NO_ACTION);
        io.diffgen.snapshot.ForeignKey toNote = new io.diffgen.snapshot.ForeignKey("fk_folder_note", List.of("note_id"), "note",
                List.of("id"), io.diffgen.snapshot.ForeignKey.Action.NO_ACTION, io.diffgen.snapshot.ForeignKey.Action.NO_ACTION);
        io.diffgen.snapshot.Table note = new io.diffgen.snapshot.Table("note", List.of(Column.of("id", "integer", false)), Optional.empty(),
                List.of(), List.of(), List.of(), List.of(), Optional.empty());
        io.diffgen.snapshot.Table folder = new io.diffgen.snapshot.Table("folder", List.of(Column.of("id", "integer", false)), Optional.empty(),
                List.of(), List.of(), List.of(), List.of(), Optional.empty());
        List<Change> rollback = List.of(new Change.DropIndex("note", ix, false), new Change.DropForeignKey("note", toFolder, false),
                new Change.DropForeignKey("folder", toNote, false), new Change.DropTable(folder), new Change.DropTable(note));
        // note's FK to folder must go before folder does; folder's FK to note goes with folder, before note
        assertEquals(List.of(rollback.get(1), rollback.get(3), rollback.get(4)), RevisionScript.withoutDropsOfDroppedTables(rollback));
    }

    @Test
    void headerStopsAtTheFirstChangeset() {
        String script = "--liquibase formatted sql\n-- Revision: ae1001\n-- Revises: \n--changeset diffgen:ae1001\n-- Revision: evil\n-- Message: late\n";
        Revision r = RevisionScript.parseHeader(PATH, script);
        assertEquals("ae1001", r.id());
        assertEquals("", r.message());
        assertEquals(List.of(), r.parents());
        assertEquals("", r.createDate());
    }

    @Test
    void headerToleratesWindowsLineEndingsAndMissingSpaces() {
        String script = "--liquibase formatted sql\r\n-- Revision:ae1001\r\n-- Revises: a1 ,b2\r\n-- Message: hi \r\n";
        Revision r = RevisionScript.parseHeader(PATH, script);
        assertEquals("ae1001", r.id());
        assertEquals(List.of("a1", "b2"), r.parents());
        assertEquals("hi", r.message());
    }

    // ------------------------------------------------------------------ errors

    static Stream<Arguments> badHeaders() {
        String notAScript = FILE + ": not a revision script (the first line must be '--liquibase formatted sql')";
        String noRevision = FILE + ": malformed header: missing or invalid '-- Revision:' line";
        return Stream.of(
                Arguments.of("", notAScript),
                Arguments.of("-- Revision: ae1001\n-- Revises: \n", notAScript),
                Arguments.of("SELECT 1;\n--liquibase formatted sql\n", notAScript),
                Arguments.of("--liquibase formatted sql\n-- Revises: ae1001\n", noRevision),
                Arguments.of("--liquibase formatted sql\n-- Revision: \n-- Revises: \n", noRevision),
                Arguments.of("--liquibase formatted sql\n-- Revision: ../x\n-- Revises: \n", noRevision),
                Arguments.of("--liquibase formatted sql\n\n-- Revision: ae1001\n-- Revises: \n", noRevision),
                Arguments.of("--liquibase formatted sql\n-- Revision: ae1001\n-- Message: m\n", FILE + ": malformed header: missing '-- Revises:' line"),
                Arguments.of("--liquibase formatted sql\n-- Revision: ae1001\n-- Revises: ok1, ../etc\n", FILE + ": malformed header: bad parent '../etc'"),
                Arguments.of("--liquibase formatted sql\n-- Revision: ae1001\n-- Revises: a b\n", FILE + ": malformed header: bad parent 'a b'"));
    }

    @ParameterizedTest
    @MethodSource("badHeaders")
    void badHeadersNameTheFile(String content, String message) {
        RevisionException.BadScript e = assertThrows(RevisionException.BadScript.class, () -> RevisionScript.parseHeader(PATH, content));
        assertEquals(message, e.getMessage());
        assertEquals(DiffgenException.ErrorCode.REVISION, e.code());
    }

    @Test
    void logicalPath() {
        assertEquals("migrations/versions/x.sql", RevisionScript.logicalPath("x.sql"));
    }
}
