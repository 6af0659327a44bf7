package io.diffgen.lint;

import io.diffgen.diff.Change;
import io.diffgen.lint.Diagnostic.Code;
import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.EnumType;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.Table;
import io.diffgen.snapshot.UniqueConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinterTest {
    private static final String VARCHAR_50 = "character varying(50)";
    private static final String VARCHAR_100 = "character varying(100)";

    private static Table table(String name, Column... columns) {
        return new Table(name, List.of(columns), Optional.of(new PrimaryKey(name + "_pkey", List.of("id"))),
                List.of(), List.of(), List.of(), List.of(), Optional.empty());
    }

    private static Column id() {
        return Column.of("id", "bigint", false);
    }

    private static List<Code> codes(Change... changes) {
        return Linter.lint(List.of(changes)).stream().map(Diagnostic::code).toList();
    }

    private static List<String> lines(Change... changes) {
        return Linter.lint(List.of(changes)).stream().map(Diagnostic::line).toList();
    }

    private static Change.AlterColumn retype(String table, String column, String from, String to) {
        return new Change.AlterColumn(table, Column.of(column, from, true), Column.of(column, to, true));
    }

    @Test
    void noChangesNoDiagnostics() {
        assertEquals(List.of(), Linter.lint(List.of()));
    }

    @Test
    void eachCodeIsWrittenByExactlyOneRule() {
        assertEquals(Arrays.asList(Code.values()), Linter.RULES.stream().map(Rule::code).toList());
    }

    // ------------------------------------------------------------------ one per code

    @Test
    void dg001DropTable() {
        Change drop = new Change.DropTable(table("invoice", id()));
        assertEquals(List.of("WARNING DG001: drops table invoice and all its rows; the downgrade re-creates it empty [drop-table, data loss]"),
                lines(drop));
    }

    @Test
    void dg002DropColumn() {
        Change drop = new Change.DropColumn("account", Column.of("nickname", "text", true));
        assertEquals(List.of("WARNING DG002: drops column account.nickname and its data; the downgrade re-creates it empty [drop-column, data loss]"),
                lines(drop));
    }

    @Test
    void dg003NarrowingType() {
        List<Diagnostic> found = Linter.lint(List.of(retype("customer", "name", VARCHAR_100, VARCHAR_50)));
        assertEquals(List.of(Code.DG003, Code.DG006), found.stream().map(Diagnostic::code).toList());
        assertEquals("WARNING DG003: changes customer.name from character varying(100) to character varying(50); "
                + "values that do not fit fail the migration or are converted [narrowing-type, data loss]", found.get(0).line());
        assertEquals("WARNING DG006: changing customer.name to character varying(50) rewrites the table under an ACCESS EXCLUSIVE lock "
                + "[table-rewrite, long lock]", found.get(1).line());
    }

    @Test
    void dg004NotNullWithoutDefault() {
        Change add = new Change.AddColumn("item", Column.of("sku", "text", false));
        assertEquals(List.of("WARNING DG004: adds NOT NULL column item.sku without a default; it fails if the table has rows "
                + "(preflight counts them): give it a default (@ColumnDefault), or split the revision with --expand-contract (added "
                + "nullable; the contract sets NOT NULL once the existing rows are filled) [not-null-without-default, will fail on a non-empty table]"), lines(add));
    }

    @Test
    void dg004NotForNullableDefaultedOrIdentityColumns() {
        assertEquals(List.of(), codes(new Change.AddColumn("item", Column.of("sku", "text", true))));
        assertEquals(List.of(), codes(new Change.AddColumn("item", Column.of("qty", "integer", false).withDefault("0"))));
        // an identity is no DG004 (every row gets a value), but it rewrites the table: DG006
        assertEquals(List.of(Code.DG006), codes(new Change.AddColumn("item",
                Column.of("n", "bigint", false).withIdentity(Column.Identity.BY_DEFAULT))));
    }

    @Test
    void dg005SetNotNull() {
        Change alter = new Change.AlterColumn("contact", Column.of("email", "text", true), Column.of("email", "text", false));
        assertEquals(List.of("WARNING DG005: SET NOT NULL on contact.email scans the table under an ACCESS EXCLUSIVE lock and fails "
                + "if it holds NULLs [set-not-null, long lock]"), lines(alter));
        // dropping NOT NULL locks nothing, but the downgrade puts it back
        assertEquals(List.of("WARNING DG009: the downgrade sets contact.email NOT NULL again; it fails if NULLs were written meanwhile "
                + "[downgrade-may-fail, irreversible]"), lines(alter.inverse()));
    }

    @Test
    void dg006TableRewrite() {
        assertEquals(List.of(Code.DG006, Code.DG009), codes(retype("counter", "hits", "integer", "bigint")));
        assertEquals("WARNING DG006: changing counter.hits to bigint rewrites the table under an ACCESS EXCLUSIVE lock; unless a key or "
                + "constraint uses the column, --expand-contract copies it in batches instead [table-rewrite, long lock]",
                lines(retype("counter", "hits", "integer", "bigint")).get(0));
    }

    @Test
    void dg007IndexOnExistingTable() {
        Index index = new Index("ix_product_sku", List.of(new Index.Key("sku", false)), false, Optional.empty(), "btree");
        assertEquals(List.of("WARNING DG007: builds index ix_product_sku on existing table product, blocking writes while it builds; "
                + "leave out --single-transaction to build it CONCURRENTLY [index-locks-writes, long lock]"), lines(new Change.CreateIndex("product", index, false)));
        assertEquals(List.of(), codes(new Change.CreateIndex("product", index, true)), "concurrently does not block writes");
        assertEquals(List.of(), codes(new Change.CreateTable(table("product", id())), new Change.CreateIndex("product", index, false)),
                "an index on a table created in the same revision is harmless");
    }

    @Test
    void dg008LikelyColumnRename() {
        List<Diagnostic> found = Linter.lint(List.of(
                new Change.AddColumn("member", Column.of("nickname", VARCHAR_50, true)),
                new Change.DropColumn("member", Column.of("nick", VARCHAR_50, true))));
        assertEquals(List.of(Code.DG002, Code.DG008), found.stream().map(Diagnostic::code).toList());
        assertEquals("WARNING DG008: member.nick dropped and nickname added with the same type: if this is a rename, "
                + "declare @RenamedFrom(\"nick\") on the field to keep the data [likely-rename, review]", found.get(1).line());
    }

    @Test
    void dg008NotWhenTypesDifferOrTablesDiffer() {
        assertEquals(List.of(Code.DG002), codes(
                new Change.AddColumn("member", Column.of("nickname", "text", true)),
                new Change.DropColumn("member", Column.of("nick", VARCHAR_50, true))));
        assertEquals(List.of(Code.DG002), codes(
                new Change.AddColumn("other", Column.of("nickname", VARCHAR_50, true)),
                new Change.DropColumn("member", Column.of("nick", VARCHAR_50, true))));
    }

    @Test
    void dg008LikelyTableRename() {
        Table post = table("post", id(), Column.of("title", "text", true));
        Table article = table("article", id(), Column.of("title", "text", true));
        List<Diagnostic> found = Linter.lint(List.of(new Change.CreateTable(article), new Change.DropTable(post)));
        assertEquals(List.of(Code.DG001, Code.DG008), found.stream().map(Diagnostic::code).toList());
        assertEquals("WARNING DG008: table post dropped and article created with the same columns: if this is a rename, "
                + "declare @RenamedFrom(\"post\") on the entity to keep the data [likely-rename, review]", found.get(1).line());
        Table different = table("article", id(), Column.of("headline", "text", true));
        assertEquals(List.of(Code.DG001), codes(new Change.CreateTable(different), new Change.DropTable(post)));
    }

    @Test
    void dg009DowngradeMayFail() {
        assertEquals(List.of("WARNING DG009: the downgrade changes customer.name back to character varying(50); it fails if newer values "
                + "do not fit [downgrade-may-fail, irreversible]"), lines(retype("customer", "name", VARCHAR_50, VARCHAR_100)));
    }

    @Test
    void dg009DroppedNotNullColumnWithoutDefaultCannotComeBack() {
        Change drop = new Change.DropColumn("account", Column.of("code", "text", false));
        assertEquals(List.of(
                "WARNING DG002: drops column account.code and its data; the downgrade re-creates it empty [drop-column, data loss]",
                "WARNING DG009: the downgrade re-adds account.code NOT NULL without a default; it fails if the table has rows "
                        + "[downgrade-may-fail, irreversible]"), lines(drop));
        assertEquals(List.of(Code.DG002), codes(new Change.DropColumn("account", Column.of("code", "text", false).withDefault("''::text"))));
        assertEquals(List.of(Code.DG002), codes(new Change.DropColumn("account",
                Column.of("code", "bigint", false).withIdentity(Column.Identity.ALWAYS))));
    }

    @Test
    void dg009DroppedConstraintsMayNotComeBack() {
        assertEquals(List.of("WARNING DG009: the downgrade re-adds unique constraint uq_stock_sku; it fails if duplicates were written "
                        + "meanwhile [downgrade-may-fail, irreversible]"),
                lines(new Change.DropUnique("stock", new UniqueConstraint("uq_stock_sku", List.of("sku")))));
        assertEquals(List.of("WARNING DG009: the downgrade re-adds check constraint ck_stock_qty; it fails if rows written meanwhile "
                        + "break it [downgrade-may-fail, irreversible]"),
                lines(new Change.DropCheck("stock", new CheckConstraint("ck_stock_qty", "(qty >= 0)"))));
    }

    @Test
    void dg009NotForMembersOfADroppedTable() {
        Table stock = table("stock", id(), Column.of("code", "text", false));
        assertEquals(List.of(Code.DG001), codes(
                new Change.DropUnique("stock", new UniqueConstraint("uq_stock_sku", List.of("sku"))),
                new Change.DropCheck("stock", new CheckConstraint("ck_stock_qty", "(qty >= 0)")),
                new Change.DropTable(stock)));
        assertEquals(List.of(Code.DG002, Code.DG001), codes(
                new Change.DropColumn("stock", Column.of("code", "text", false)), new Change.DropTable(stock)));
    }

    @Test
    void dg010ValidatesExistingRows() {
        ForeignKey fk = new ForeignKey("fk_player_team", List.of("team_id"), "team", List.of("id"),
                ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION);
        assertEquals(List.of("WARNING DG010: add foreign key fk_player_team on player[team_id] -> team[id] on delete cascade "
                + "checks every existing row under lock [validates-existing-rows, long lock]"), lines(new Change.AddForeignKey("player", fk)));
        assertEquals(List.of(Code.DG010), codes(new Change.AddCheck("stock", new CheckConstraint("ck_stock_qty", "(qty >= 0)"))));
        assertEquals(List.of(Code.DG010), codes(new Change.AddUnique("stock", new UniqueConstraint("uq_stock_sku", List.of("sku")))));
    }

    @Test
    void dg010NotForTablesCreatedInTheSameRevision() {
        ForeignKey fk = new ForeignKey("fk_player_team", List.of("team_id"), "team", List.of("id"),
                ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION);
        assertEquals(List.of(), codes(new Change.CreateTable(table("player", id(), Column.of("team_id", "bigint", true))),
                new Change.AddForeignKey("player", fk)));
    }

    // ------------------------------------------------------------------ widening rules

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "character varying(50)  | character varying(100) | DG009",
            "character varying(100) | character varying(100) | ''",
            "character varying(100) | character varying(50)  | DG003 DG006",
            "character varying(50)  | text                   | DG009",
            "character varying(50)  | character varying      | DG009",
            "text                   | character varying(10)  | DG003 DG006",
            "smallint               | integer                | DG006 DG009",
            "integer                | bigint                 | DG006 DG009",
            "bigint                 | integer                | DG003 DG006",
            "integer                | numeric                | DG006 DG009",
            "numeric(10,2)          | numeric(12,2)          | DG009",
            "numeric(12,2)          | numeric(10,2)          | DG003 DG006",
            "numeric(10,2)          | numeric(12,4)          | DG006 DG009",
            "numeric(10,2)          | numeric(10,4)          | DG003 DG006",
            "numeric(10,2)          | numeric                | DG009",
            "real                   | double precision       | DG006 DG009",
            "double precision       | real                   | DG003 DG006",
            "text                   | integer                | DG003 DG006",
            // fractional seconds (Hibernate 7's secondPrecision): more digits change only the catalog
            "timestamp(0) with time zone    | timestamp(3) with time zone    | DG009",
            "timestamp(3) without time zone | timestamp without time zone    | DG009",
            "time(0) without time zone      | time without time zone         | DG009",
            "timestamp with time zone       | timestamp(3) with time zone    | DG003 DG006",
            "time without time zone         | time(0) without time zone      | DG003 DG006",
            "timestamp(3) without time zone | timestamp(3) with time zone    | DG003 DG006",
    })
    void typeChanges(String from, String to, String expected) {
        if (from.equals(to)) {
            // not a type change at all: no aspect, no finding
            assertEquals(List.of(), codes(retype("t", "c", from, to)));
            return;
        }
        List<Code> want = expected.isBlank() ? List.of() : Arrays.stream(expected.split(" ")).map(Code::valueOf).toList();
        assertEquals(want, codes(retype("t", "c", from, to)));
    }

    @Test
    void typeChangeAndSetNotNullTogether() {
        Change alter = new Change.AlterColumn("t", Column.of("c", "integer", true), Column.of("c", "bigint", false));
        assertEquals(List.of(Code.DG006, Code.DG009, Code.DG005), codes(alter));
    }

    @Test
    void defaultOrCommentChangesAreQuiet() {
        Change alter = new Change.AlterColumn("t", Column.of("c", "integer", true), Column.of("c", "integer", true).withDefault("1").withComment("x"));
        assertEquals(List.of(), codes(alter));
    }

    @Test
    void everyCodeHasAStableSlugAndCategory() {
        assertEquals(21, Code.values().length);
        assertEquals("drop-table", Code.DG001.slug());
        assertEquals("validates-existing-rows", Code.DG010.slug());
        assertEquals("enum-value-removed", Code.DG011.slug());
        assertEquals("irreversible", Code.DG009.category());
        assertEquals("undeclared-object", Code.DG021.slug());
        for (Code c : Code.values()) {
            assertTrue(c.name().matches("DG0(0[1-9]|1[0-9]|2[01])"), c.name());
        }
    }

    @Test
    void aVolatileDefaultOrAnIdentityAddedToAnExistingTableRewritesIt() {
        Column uuid = Column.of("token", "uuid", false).withDefault("gen_random_uuid()");
        Column stamped = Column.of("seen", "timestamp with time zone", false).withDefault("now()");
        Column counter = Column.of("n", "bigint", false).withIdentity(Column.Identity.ALWAYS);
        assertEquals(List.of(Code.DG006), codes(new Change.AddColumn("member", uuid)));
        assertEquals(List.of(), codes(new Change.AddColumn("member", stamped)));
        assertEquals(List.of(Code.DG006), codes(new Change.AddColumn("member", counter)));
        assertEquals(List.of(), codes(new Change.CreateTable(table("member", id())), new Change.AddColumn("member", uuid)));
    }

    @Test
    void renamesWarnThatRunningInstancesStillUseTheOldName() {
        assertEquals(List.of(Code.DG013, Code.DG013), codes(new Change.RenameTable("note", "memo", "public"),
                new Change.RenameColumn("memo", "body", "text")));
    }

    @Test
    void anIndexDroppedUnderLockWarnsUnlessConcurrentOrItsTableGoes() {
        Index ix = new Index("ix_note_body", List.of(new Index.Key("body", false)), false, Optional.empty(), "btree");
        assertEquals(List.of(Code.DG015), codes(new Change.DropIndex("note", ix, false)));
        assertEquals(List.of(), codes(new Change.DropIndex("note", ix, true)));
        assertEquals(List.of(Code.DG001), codes(new Change.DropIndex("note", ix, false), new Change.DropTable(table("note", id()))));
    }

    @Test
    void aForeignKeyWithoutAnIndexLeadingWithItsColumnsWarns() {
        ForeignKey fk = new ForeignKey("fk_note_folder", List.of("folder_id"), "folder", List.of("id"),
                ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);
        Table bare = table("note", id(), Column.of("folder_id", "bigint", true));
        Index lead = new Index("ix_note_folder", List.of(new Index.Key("folder_id", false), new Index.Key("id", false)), false, Optional.empty(), "btree");
        Index second = new Index("ix_note_id_folder", List.of(new Index.Key("id", false), new Index.Key("folder_id", false)), false, Optional.empty(), "btree");
        List<Change> add = List.of(new Change.AddForeignKey("note", fk, true));
        assertEquals(List.of(Code.DG014), Linter.lint(add, Optional.of(schema(bare))).stream().map(Diagnostic::code).toList());
        assertEquals(List.of(Code.DG014), Linter.lint(add, Optional.of(schema(withIndex(bare, second)))).stream().map(Diagnostic::code).toList());
        assertEquals(List.of(), Linter.lint(add, Optional.of(schema(withIndex(bare, lead)))).stream().map(Diagnostic::code).toList());
    }

    private static Table withIndex(Table t, Index index) {
        return new Table(t.name(), t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), List.of(index), t.comment());
    }

    private static io.diffgen.snapshot.SchemaSnapshot schema(Table t) {
        return io.diffgen.snapshot.SchemaSnapshot.of(List.of(t), List.of());
    }

    @Test
    void findingsFollowTheChangeOrderWithRenamesLast() {
        List<Code> found = codes(
                new Change.DropTable(table("invoice", id())),
                new Change.AddColumn("member", Column.of("nickname", "text", false)),
                new Change.DropColumn("member", Column.of("nick", "text", false)));
        assertEquals(List.of(Code.DG001, Code.DG004, Code.DG002, Code.DG009, Code.DG008), found);
    }

    @Test
    void removingAnEnumLabelWarnsAndAddingOneWarnsAboutTheDowngrade() {
        EnumType before = new EnumType("state", List.of("CLOSED", "OPEN", "SPAM"), true);
        EnumType after = new EnumType("state", List.of("CLOSED", "OPEN"), true);
        List<Change.TypeUse> uses = List.of(new Change.TypeUse("ticket", "state", java.util.Optional.empty()));
        List<Diagnostic> removed = Linter.lint(List.of(new Change.RecreateEnum(before, after, uses)));
        assertEquals(List.of(Code.DG011), removed.stream().map(Diagnostic::code).toList());
        assertTrue(removed.get(0).message().contains("ticket.state") && removed.get(0).message().contains("SPAM"), removed.toString());
        assertEquals(List.of(Code.DG009), codes(new Change.AddEnumValues(after, before, uses)));
        assertEquals(List.of(), codes(new Change.AddEnumValues(after, before, List.of())), "no column of the type: nothing can fail");
    }

    @Test
    void droppingASequenceWarnsThatItsValueIsLost() {
        List<Diagnostic> found = Linter.lint(List.of(new Change.DropSequence(new io.diffgen.snapshot.Sequence("sales\0order_seq", 1, 50))));
        assertEquals(List.of(Code.DG012), found.stream().map(Diagnostic::code).toList());
        assertTrue(found.get(0).message().startsWith("drops sequence sales.order_seq and its current value"), found.toString());
    }
}
