package io.diffgen.diff;

import io.diffgen.diff.Change.Aspect;
import io.diffgen.model.Rename;
import io.diffgen.render.SqlRenderer;
import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.EnumType;
import io.diffgen.snapshot.CompositeType;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Sequence;
import io.diffgen.snapshot.Table;
import io.diffgen.snapshot.UniqueConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static io.diffgen.diff.Snapshots.col;
import static io.diffgen.diff.Snapshots.fk;
import static io.diffgen.diff.Snapshots.index;
import static io.diffgen.diff.Snapshots.notNull;
import static io.diffgen.diff.Snapshots.schema;
import static io.diffgen.diff.Snapshots.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DifferTest {
    private static final String V50 = "character varying(50)";
    private static final String V100 = "character varying(100)";

    private static Differ.Options renames(Rename... renames) {
        return new Differ.Options(List.of(renames), false);
    }

    /** Applies the upgrade to A and the downgrade to B, both in the PostgreSQL model, and checks both land. */
    private static void assertRunsBothWays(SchemaSnapshot a, SchemaSnapshot b, List<Change> upgrade) {
        assertEquals(SchemaSim.normalized(b), SchemaSim.normalized(SchemaSim.apply(a, upgrade)), "upgrade must reach the target");
        assertEquals(SchemaSim.normalized(a), SchemaSim.normalized(SchemaSim.apply(b, Differ.inverse(upgrade))), "downgrade must restore");
    }

    private static void assertPhasesNonDecreasing(List<Change> changes) {
        for (int i = 1; i < changes.size(); i++) {
            assertTrue(Differ.phase(changes.get(i - 1)) <= Differ.phase(changes.get(i)), "out of phase order: " + changes);
        }
    }

    // ------------------------------------------------------------------ shared fixtures

    private static Table author(String idType) {
        return table("author").id(idType).columns(col("name", "text")).build();
    }

    private static final Index IX_BOOK_AUTHOR = index("ix_book_author_id", "author_id");
    private static final ForeignKey FK_BOOK_AUTHOR = fk("fk_book_author", "author_id", "author", "id");

    private static Table book(String idType) {
        return table("book").id(idType).columns(col("author_id", idType), col("title", "text"))
                .unique("uq_book_title", "title").check("ck_book_id", "(id > 0)")
                .index(IX_BOOK_AUTHOR).fk(FK_BOOK_AUTHOR).build();
    }

    // ------------------------------------------------------------------ no change

    @Test
    void equalSnapshotsHaveNoChanges() {
        SchemaSnapshot a = schema(author("bigint"), book("bigint"));
        SchemaSnapshot sameAgain = schema(book("bigint"), author("bigint"));
        assertEquals(a, sameAgain);
        assertEquals(List.of(), Differ.diff(a, a));
        assertEquals(List.of(), Differ.diff(a, sameAgain));
        assertEquals(List.of(), Differ.diff(SchemaSnapshot.empty(), SchemaSnapshot.empty()));
    }

    @Test
    void columnOrderIsNotADifference() {
        // PostgreSQL cannot reorder columns, so the differ does not try
        Table ab = table("t").columns(col("a", "text"), col("b", "text")).build();
        Table ba = table("t").columns(col("b", "text"), col("a", "text")).build();
        assertEquals(List.of(), Differ.diff(schema(ab), schema(ba)));
    }

    // ------------------------------------------------------------------ tables

    @Test
    void createTableEmitsIndexesAndForeignKeysSeparately() {
        SchemaSnapshot a = schema(author("bigint"));
        SchemaSnapshot b = schema(author("bigint"), book("bigint"));
        List<Change> up = Differ.diff(a, b);
        Table bare = book("bigint").withoutIndexesAndForeignKeys();
        assertEquals(List.of(
                new Change.CreateTable(bare),
                new Change.CreateIndex("book", IX_BOOK_AUTHOR, false),
                new Change.AddForeignKey("book", FK_BOOK_AUTHOR)), up);
        // unique and check constraints stay inside CREATE TABLE
        assertEquals(List.of(new UniqueConstraint("uq_book_title", List.of("title"))), bare.uniques());
        assertEquals(List.of(new CheckConstraint("ck_book_id", "(id > 0)")), bare.checks());
        assertRunsBothWays(a, b, up);
    }

    @Test
    void dropTableDropsForeignKeysAndIndexesFirst() {
        SchemaSnapshot a = schema(author("bigint"), book("bigint"));
        SchemaSnapshot b = schema(author("bigint"));
        List<Change> up = Differ.diff(a, b);
        assertEquals(List.of(
                new Change.DropForeignKey("book", FK_BOOK_AUTHOR),
                new Change.DropIndex("book", IX_BOOK_AUTHOR, false),
                new Change.DropTable(book("bigint").withoutIndexesAndForeignKeys())), up);
        assertRunsBothWays(a, b, up);
    }

    @Test
    void createBothEndsOfAForeignKeyInOneRevision() {
        SchemaSnapshot b = schema(author("bigint"), book("bigint"));
        List<Change> up = Differ.diff(SchemaSnapshot.empty(), b);
        assertEquals(List.of(
                new Change.CreateTable(author("bigint")),
                new Change.CreateTable(book("bigint").withoutIndexesAndForeignKeys()),
                new Change.CreateIndex("book", IX_BOOK_AUTHOR, false),
                new Change.AddForeignKey("book", FK_BOOK_AUTHOR)), up);
        assertRunsBothWays(SchemaSnapshot.empty(), b, up);
    }

    @Test
    void foreignKeyDropsComeFirstAndAddsLast() {
        ForeignKey oldFk = fk("fk_old_note_author", "author_id", "author", "id");
        ForeignKey newFk = fk("fk_new_note_author", "author_id", "author", "id");
        Index newIx = index("ix_new_note_author_id", "author_id");
        Table oldNote = table("old_note").id("bigint").columns(col("author_id", "bigint")).fk(oldFk).build();
        Table newNote = table("new_note").id("bigint").columns(col("author_id", "bigint")).fk(newFk).index(newIx).build();
        Table authorWithBio = table("author").id("bigint").columns(col("name", "text"), col("bio", "text")).build();
        SchemaSnapshot a = schema(author("bigint"), oldNote);
        SchemaSnapshot b = schema(authorWithBio, newNote);
        List<Change> up = Differ.diff(a, b);
        assertEquals(List.of(
                new Change.DropForeignKey("old_note", oldFk),
                new Change.DropTable(oldNote.withoutIndexesAndForeignKeys()),
                new Change.CreateTable(newNote.withoutIndexesAndForeignKeys()),
                new Change.AddColumn("author", col("bio", "text")),
                new Change.CreateIndex("new_note", newIx, false),
                new Change.AddForeignKey("new_note", newFk)), up);
        assertPhasesNonDecreasing(up);
        assertRunsBothWays(a, b, up);
    }

    @Test
    void tableCommentChanges() {
        Table plain = table("t").columns(col("a", "text")).build();
        Table commented = table("t").columns(col("a", "text")).comment("It's a table").build();
        assertEquals(List.of(new Change.SetTableComment("t", Optional.empty(), Optional.of("It's a table"))),
                Differ.diff(schema(plain), schema(commented)));
        assertEquals(List.of(new Change.SetTableComment("t", Optional.of("It's a table"), Optional.empty())),
                Differ.diff(schema(commented), schema(plain)));
    }

    @Test
    void storageParametersAreSetAndResetInPlace() {
        Index ix = index("ix_t_a", "a");
        Table plain = table("t").columns(col("a", "text")).index(ix).build();
        Table tuned = table("t").columns(col("a", "text")).index(ix.withStorage(List.of("fillfactor=80"))).build()
                .withStorage(List.of("autovacuum_enabled=false", "fillfactor=70"));
        List<Change> up = Differ.diff(schema(plain), schema(tuned));
        assertEquals(List.of(new Change.SetStorage("t", Optional.of("ix_t_a"), List.of(), List.of("fillfactor=80")),
                new Change.SetStorage("t", Optional.empty(), List.of(), List.of("autovacuum_enabled=false", "fillfactor=70"))), up);
        assertRunsBothWays(schema(plain), schema(tuned), up);
        assertEquals(List.of(
                "ALTER INDEX ix_t_a SET (fillfactor=80)",
                "ALTER TABLE t SET (autovacuum_enabled=false, fillfactor=70)",
                "ALTER TABLE t RESET (autovacuum_enabled, fillfactor)",
                "ALTER INDEX ix_t_a RESET (fillfactor)"),
                java.util.stream.Stream.concat(up.stream(), Differ.inverse(up).stream()).flatMap(c -> SqlRenderer.render(c).stream()).toList());
    }

    @Test
    void aRenamedIndexGetsItsStorageParametersUnderItsNewName() {
        Table before = table("t").columns(col("a", "text")).index(index("ix_old", "a")).build();
        Table after = table("t").columns(col("a", "text")).index(index("ix_new", "a").withStorage(List.of("fillfactor=60"))).build();
        List<Change> up = Differ.diff(schema(before), schema(after));
        assertEquals(List.of(new Change.RenameIndex("t", "ix_old", "ix_new"),
                new Change.SetStorage("t", Optional.of("ix_new"), List.of(), List.of("fillfactor=60"))), up);
        assertRunsBothWays(schema(before), schema(after), up);
    }

    @Test
    void aPrimaryKeyOfTheSameColumnsInAnotherOrderIsTheSameKey() {
        Table database = table("t").columns(notNull("a", "bigint"), notNull("b", "bigint")).build();
        database = new Table("t", database.columns(), Optional.of(new PrimaryKey("t_pkey", List.of("b", "a"))), List.of(), List.of(), List.of(),
                List.of(), Optional.empty());
        Table model = new Table("t", database.columns(), Optional.of(new PrimaryKey("t_pkey", List.of("a", "b"))), List.of(), List.of(), List.of(),
                List.of(), Optional.empty());
        assertEquals(List.of(), Differ.diff(schema(database), schema(model)));
        assertEquals(1, io.diffgen.lint.Linter.kept(schema(database), schema(model)).size());
    }

    @Test
    void aTypeAColumnOfTheModelNamesIsNeverDropped() {
        Table diary = table("diary").columns(col("mood", "mood"), col("at", "point2[]")).build();
        SchemaSnapshot database = SchemaSnapshot.of(List.of(diary), List.of(), List.of(new EnumType("mood", List.of("happy"), false)))
                .withComposites(List.of(new CompositeType("point2", List.of(new CompositeType.Attribute("x", "integer")))));
        assertEquals(List.of(), Differ.diff(database, schema(diary)), "columnDefinition names them; the model does not create them");
        assertEquals(List.of(new Change.DropComposite(database.composites().get("point2")), new Change.DropEnum(database.enums().get("mood"))),
                Differ.diff(database, SchemaSnapshot.of(List.of(), List.of())).stream().filter(c -> !(c instanceof Change.DropTable)).toList());
    }

    @Test
    void compositeTypesAreCreatedAfterTheTypesTheyUseAndAlteredInPlaceWherePostgresCan() {
        CompositeType point = new CompositeType("point2", List.of(new CompositeType.Attribute("x", "double precision"),
                new CompositeType.Attribute("y", "double precision")));
        CompositeType area = new CompositeType("area", List.of(new CompositeType.Attribute("corner", "point2"),
                new CompositeType.Attribute("size", "integer")));
        Table shape = table("shape").columns(col("at", "point2")).build();
        SchemaSnapshot empty = SchemaSnapshot.empty();
        SchemaSnapshot both = schema(shape).withComposites(List.of(point, area));
        List<Change> create = Differ.diff(empty, both);
        assertEquals(List.of(new Change.CreateComposite(point), new Change.CreateComposite(area), new Change.CreateTable(shape)), create);
        assertEquals(List.of(new Change.DropTable(shape), new Change.DropComposite(area), new Change.DropComposite(point)),
                Differ.diff(both, empty));

        CompositeType appended = new CompositeType("point2", List.of(point.attributes().get(0), point.attributes().get(1),
                new CompositeType.Attribute("z", "double precision")));
        Change.AlterComposite append = (Change.AlterComposite) Differ.diff(both, both.withComposites(List.of(appended, area))).get(0);
        assertEquals(List.of(new Change.TypeUse("shape", "at", Optional.empty())), append.uses());
        assertEquals(List.of("ALTER TYPE point2 ADD ATTRIBUTE z double precision"), SqlRenderer.render(append));
        assertEquals(List.of("ALTER TYPE point2 DROP ATTRIBUTE z"), SqlRenderer.render(append.inverse()));

        CompositeType inserted = new CompositeType("point2", List.of(new CompositeType.Attribute("w", "double precision"),
                point.attributes().get(0), point.attributes().get(1)));
        Change.AlterComposite insert = new Change.AlterComposite(point, inserted, append.uses());
        assertFalse(insert.inPlace());
        assertEquals(List.of("ALTER TYPE point2 RENAME TO point2_diffgen_old",
                "CREATE TYPE point2 AS (w double precision, x double precision, y double precision)",
                "ALTER TABLE shape ALTER COLUMN \"at\" TYPE point2 USING CASE WHEN \"at\" IS NOT DISTINCT FROM NULL THEN NULL ELSE "
                        + "ROW(NULL::double precision, (\"at\").x::double precision, (\"at\").y::double precision)::point2 END",
                "DROP TYPE point2_diffgen_old"), SqlRenderer.render(insert));
        assertTrue(insert.inverse() instanceof Change.AlterComposite back && back.inPlace(), "dropping w again is in place");
    }

    // ------------------------------------------------------------------ columns

    @Test
    void addDropAndAlterColumns() {
        Column nameBefore = col("name", V50);
        Column nameAfter = Column.of("name", V100, false).withDefault("'x'::character varying");
        Column noteBefore = col("note", "text");
        Column noteAfter = col("note", "text").withComment("free text");
        Column qty = notNull("qty", "integer").withDefault("0");
        Column price = col("price", "integer");
        Table before = table("item").id("bigint").columns(nameBefore, price, noteBefore).build();
        Table after = table("item").id("bigint").columns(nameAfter, qty, noteAfter).build();
        List<Change> up = Differ.diff(schema(before), schema(after));
        assertEquals(List.of(
                new Change.AddColumn("item", qty),
                new Change.AlterColumn("item", nameBefore, nameAfter),
                new Change.AlterColumn("item", noteBefore, noteAfter),
                new Change.DropColumn("item", price)), up);
        assertEquals(EnumSet.of(Aspect.TYPE, Aspect.NULLABLE, Aspect.DEFAULT), ((Change.AlterColumn) up.get(1)).aspects());
        assertEquals(EnumSet.of(Aspect.COMMENT), ((Change.AlterColumn) up.get(2)).aspects());
        assertRunsBothWays(schema(before), schema(after), up);
    }

    @Test
    void identityAndDefaultAspects() {
        Column plain = notNull("n", "bigint");
        Column identity = plain.withIdentity(Column.Identity.BY_DEFAULT);
        Column always = plain.withIdentity(Column.Identity.ALWAYS);
        Column defaulted = plain.withDefault("42");
        assertEquals(EnumSet.of(Aspect.IDENTITY), new Change.AlterColumn("t", plain, identity).aspects());
        assertEquals(EnumSet.of(Aspect.IDENTITY), new Change.AlterColumn("t", identity, always).aspects());
        assertEquals(EnumSet.of(Aspect.DEFAULT), new Change.AlterColumn("t", plain, defaulted).aspects());
        assertEquals(EnumSet.of(Aspect.NULLABLE), new Change.AlterColumn("t", plain, plain.withNullable(true)).aspects());
        assertEquals(EnumSet.noneOf(Aspect.class), new Change.AlterColumn("t", plain, plain).aspects());
        List<Change> up = Differ.diff(schema(table("t").columns(plain).build()), schema(table("t").columns(identity).build()));
        assertEquals(List.of(new Change.AlterColumn("t", plain, identity)), up);
    }

    @Test
    void alterColumnKeepsTheName() {
        assertThrows(IllegalArgumentException.class, () -> new Change.AlterColumn("t", col("a", "text"), col("b", "text")));
    }

    // ------------------------------------------------------------------ type changes under foreign keys

    @Test
    void primaryKeyTypeChangeRebuildsTheForeignKeyAroundIt() {
        SchemaSnapshot a = schema(author("integer"), book("integer"));
        SchemaSnapshot b = schema(author("bigint"), book("bigint"));
        List<Change> up = Differ.diff(a, b);
        assertEquals(List.of(
                new Change.DropForeignKey("book", FK_BOOK_AUTHOR),
                new Change.AlterColumn("author", notNull("id", "integer"), notNull("id", "bigint")),
                new Change.AlterColumn("book", notNull("id", "integer"), notNull("id", "bigint")),
                new Change.AlterColumn("book", col("author_id", "integer"), col("author_id", "bigint")),
                new Change.AddForeignKey("book", FK_BOOK_AUTHOR)), up);
        assertRunsBothWays(a, b, up);
        // the downgrade rebuilds the key around the reverse type changes too
        List<Change> down = Differ.inverse(up);
        assertTrue(down.get(0) instanceof Change.DropForeignKey, down.toString());
        assertTrue(down.get(down.size() - 1) instanceof Change.AddForeignKey, down.toString());
    }

    @Test
    void referencingColumnTypeChangeAloneAlsoRebuildsTheForeignKey() {
        Table bookWithIntegerRef = table("book").id("bigint").columns(col("author_id", "integer"), col("title", "text"))
                .unique("uq_book_title", "title").check("ck_book_id", "(id > 0)").index(IX_BOOK_AUTHOR).fk(FK_BOOK_AUTHOR).build();
        SchemaSnapshot a = schema(author("bigint"), bookWithIntegerRef);
        SchemaSnapshot b = schema(author("bigint"), book("bigint"));
        List<Change> up = Differ.diff(a, b);
        assertEquals(List.of(
                new Change.DropForeignKey("book", FK_BOOK_AUTHOR),
                new Change.AlterColumn("book", col("author_id", "integer"), col("author_id", "bigint")),
                new Change.AddForeignKey("book", FK_BOOK_AUTHOR)), up);
        assertRunsBothWays(a, b, up);
    }

    @Test
    void typeChangeOnAColumnNoForeignKeyUsesLeavesKeysAlone() {
        Table before = table("book").id("bigint").columns(col("author_id", "bigint"), col("title", V50)).fk(FK_BOOK_AUTHOR).build();
        Table after = table("book").id("bigint").columns(col("author_id", "bigint"), col("title", V100)).fk(FK_BOOK_AUTHOR).build();
        assertEquals(List.of(new Change.AlterColumn("book", col("title", V50), col("title", V100))),
                Differ.diff(schema(author("bigint"), before), schema(author("bigint"), after)));
    }

    @Test
    void renamedForeignKeyOverARetypedColumnIsDroppedByItsCurrentName() {
        ForeignKey hibernateNamed = FK_BOOK_AUTHOR.withName("fk1a2b3c4d5e");
        Table before = table("book").id("integer").columns(col("author_id", "integer"), col("title", "text"))
                .unique("uq_book_title", "title").check("ck_book_id", "(id > 0)").index(IX_BOOK_AUTHOR).fk(hibernateNamed).build();
        SchemaSnapshot a = schema(author("integer"), before);
        SchemaSnapshot b = schema(author("bigint"), book("bigint"));
        List<Change> up = Differ.diff(a, b);
        assertRunsBothWays(a, b, up);
    }

    // ------------------------------------------------------------------ structural renames

    @Test
    void sameShapeUnderANewNameIsARename() {
        Table parent = table("parent").id("bigint").build();
        Table before = table("child").id("bigint").columns(col("parent_id", "bigint"), col("code", "text"), col("label", "text"))
                .fk(fk("FK7abc", "parent_id", "parent", "id"))
                .unique("UK_9xyz", "code").check("ck_old", "(id > 0)").index(index("IDX_old", "label")).build();
        Table after = table("child").columns(notNull("id", "bigint"), col("parent_id", "bigint"), col("code", "text"), col("label", "text"))
                .pk("pk_child", "id")
                .fk(fk("fk_child_parent_id", "parent_id", "parent", "id"))
                .unique("uq_child_code", "code").check("ck_child_id", "(id > 0)").index(index("ix_child_label", "label")).build();
        SchemaSnapshot a = schema(parent, before);
        SchemaSnapshot b = schema(parent, after);
        List<Change> up = Differ.diff(a, b);
        assertEquals(List.of(
                new Change.RenameConstraint("child", "child_pkey", "pk_child"),
                new Change.RenameConstraint("child", "FK7abc", "fk_child_parent_id"),
                new Change.RenameConstraint("child", "UK_9xyz", "uq_child_code"),
                new Change.RenameConstraint("child", "ck_old", "ck_child_id"),
                new Change.RenameIndex("child", "IDX_old", "ix_child_label")), up);
        assertRunsBothWays(a, b, up);
    }

    @Test
    void sameNameButAnotherShapeIsADropAndAnAdd() {
        Table before = table("t").columns(col("a", "text"), col("b", "text")).index(index("ix_t", "a")).check("ck_t", "(a <> '')").build();
        Table after = table("t").columns(col("a", "text"), col("b", "text")).index(index("ix_t", "b")).check("ck_t", "(b <> '')").build();
        List<Change> up = Differ.diff(schema(before), schema(after));
        assertEquals(List.of(
                new Change.DropIndex("t", index("ix_t", "a"), false),
                new Change.DropCheck("t", new CheckConstraint("ck_t", "(a <> '')")),
                new Change.AddCheck("t", new CheckConstraint("ck_t", "(b <> '')")),
                new Change.CreateIndex("t", index("ix_t", "b"), false)), up);
        assertRunsBothWays(schema(before), schema(after), up);
    }

    @Test
    void indexShapeIncludesOrderUniquenessPredicateAndMethod() {
        Index base = index("ix", "a");
        Index desc = new Index("ix2", List.of(new Index.Key("a", true)), false, Optional.empty(), "btree");
        Index unique = new Index("ix2", List.of(new Index.Key("a", false)), true, Optional.empty(), "btree");
        Index partial = new Index("ix2", List.of(new Index.Key("a", false)), false, Optional.of("(a IS NOT NULL)"), "btree");
        Index hash = new Index("ix2", List.of(new Index.Key("a", false)), false, Optional.empty(), "hash");
        for (Index other : List.of(desc, unique, partial, hash)) {
            List<Change> up = Differ.diff(schema(table("t").columns(col("a", "text")).index(base).build()),
                    schema(table("t").columns(col("a", "text")).index(other).build()));
            assertEquals(List.of(new Change.DropIndex("t", base, false), new Change.CreateIndex("t", other, false)), up);
        }
        assertEquals(List.of(new Change.RenameIndex("t", "ix", "ix2")),
                Differ.diff(schema(table("t").columns(col("a", "text")).index(base).build()),
                        schema(table("t").columns(col("a", "text")).index(base.withName("ix2")).build())));
    }

    @Test
    void concurrentIndexesOption() {
        Table before = table("t").columns(col("a", "text")).index(index("ix_old", "a")).build();
        Table after = table("t").columns(col("a", "text")).index(index("ix_new", "a").withName("ix_new")).index(
                new Index("ix_more", List.of(new Index.Key("a", true)), false, Optional.empty(), "btree")).build();
        List<Change> up = Differ.diff(schema(before), schema(after), new Differ.Options(List.of(), true));
        assertEquals(List.of(new Change.RenameIndex("t", "ix_old", "ix_new"),
                new Change.CreateIndex("t", new Index("ix_more", List.of(new Index.Key("a", true)), false, Optional.empty(), "btree"), true)), up);
    }

    @Test
    void aPrimaryKeyOnAnExistingTableIsBuiltConcurrentlyUnlessANewForeignKeyNeedsIt() {
        Column a = Column.of("a", "integer", false);
        Table before = table("t").columns(a).build();
        Table after = table("t").columns(a).pk("t_pkey", "a").build();
        List<Change> up = Differ.diff(schema(before), schema(after), new Differ.Options(List.of(), true));
        Change.AttachPrimaryKey attach = new Change.AttachPrimaryKey("t", new PrimaryKey("t_pkey", List.of("a")));
        assertEquals(List.of(new Change.CreateIndex("t", attach.index(), true, true), attach), up);
        assertRunsBothWays(schema(before), schema(after), up);

        ForeignKey toT = new ForeignKey("fk_u_t", List.of("t_a"), "t", List.of("a"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);
        Table u = table("u").columns(Column.of("t_a", "integer", true)).build();
        List<Change> withFk = Differ.diff(schema(before, u), schema(after, table("u").columns(Column.of("t_a", "integer", true)).fk(toT).build()),
                new Differ.Options(List.of(), true));
        assertTrue(withFk.contains(new Change.AddPrimaryKey("t", new PrimaryKey("t_pkey", List.of("a")))), withFk.toString());
    }

    @Test
    void swappedIndexNamesDoNotCollide() {
        Table before = table("t").columns(col("a", "text"), col("b", "text")).index(index("ix_a", "a")).index(index("ix_b", "b")).build();
        Table after = table("t").columns(col("a", "text"), col("b", "text")).index(index("ix_a", "b")).index(index("ix_b", "a")).build();
        List<Change> up = Differ.diff(schema(before), schema(after));
        assertRunsBothWays(schema(before), schema(after), up);
    }

    @Test
    void swappedConstraintNamesDoNotCollide() {
        Table before = table("t").columns(col("a", "integer")).check("ck_1", "(a > 0)").check("ck_2", "(a < 10)").build();
        Table after = table("t").columns(col("a", "integer")).check("ck_1", "(a < 10)").check("ck_2", "(a > 0)").build();
        List<Change> up = Differ.diff(schema(before), schema(after));
        assertRunsBothWays(schema(before), schema(after), up);
    }

    // ------------------------------------------------------------------ declared renames

    private static Table member(String column) {
        return table("member").id("bigint").columns(notNull(column, V50))
                .unique("uq_member_nick", column).check("ck_member_nick", "(length((" + column + ")::text) > 0)")
                .index(index("ix_member_nick", column)).build();
    }

    private static Table badge(String referencedColumn) {
        return table("badge").id("bigint").columns(col("member_nick", V50))
                .fk(fk("fk_badge_member", "member_nick", "member", referencedColumn)).build();
    }

    @Test
    void declaredColumnRenameIsARenameAndNothingElse() {
        SchemaSnapshot a = schema(member("nick"), badge("nick"));
        SchemaSnapshot b = schema(member("nickname"), badge("nickname"));
        List<Change> up = Differ.diff(a, b, renames(new Rename.OfColumn("member", "nick", "nickname")));
        assertEquals(List.of(new Change.RenameColumn("member", "nick", "nickname")), up);
        assertRunsBothWays(a, b, up);
    }

    @Test
    void undeclaredColumnRenameDropsAndAdds() {
        SchemaSnapshot a = schema(member("nick"), badge("nick"));
        SchemaSnapshot b = schema(member("nickname"), badge("nickname"));
        List<Change> up = Differ.diff(a, b);
        assertTrue(up.contains(new Change.DropColumn("member", notNull("nick", V50))), up.toString());
        assertTrue(up.contains(new Change.AddColumn("member", notNull("nickname", V50))), up.toString());
        assertFalse(up.stream().anyMatch(c -> c instanceof Change.RenameColumn), up.toString());
        assertRunsBothWays(a, b, up);
    }

    @Test
    void declaredColumnRenameThatDoesNotFitIsIgnored() {
        SchemaSnapshot a = schema(member("nick"), badge("nick"));
        // the target has no column 'nickname': nothing to rename to
        assertEquals(List.of(), Differ.diff(a, a, renames(new Rename.OfColumn("member", "nick", "nickname"))));
        assertEquals(List.of(), Differ.diff(a, a, renames(new Rename.OfTable("member", "person"))));
    }

    private static Table post(String name, String titleColumn) {
        return table(name).columns(notNull("id", "bigint"), col(titleColumn, "text")).pk("post_pkey", "id").build();
    }

    private static Table reply(String referencedTable) {
        return table("reply").id("bigint").columns(col("post_id", "bigint"))
                .fk(fk("fk_reply_post", "post_id", referencedTable, "id")).index(index("ix_reply_post_id", "post_id")).build();
    }

    @Test
    void declaredTableRenameIsARenameAndNothingElse() {
        SchemaSnapshot a = schema(post("post", "title"), reply("post"));
        SchemaSnapshot b = schema(post("article", "title"), reply("article"));
        List<Change> up = Differ.diff(a, b, renames(new Rename.OfTable("post", "article")));
        assertEquals(List.of(new Change.RenameTable("post", "article")), up);
        assertRunsBothWays(a, b, up);
    }

    @Test
    void declaredTableAndColumnRenameTogether() {
        SchemaSnapshot a = schema(post("post", "title"), reply("post"));
        SchemaSnapshot b = schema(post("article", "headline"), reply("article"));
        List<Change> up = Differ.diff(a, b, renames(new Rename.OfColumn("article", "title", "headline"), new Rename.OfTable("post", "article")));
        assertEquals(List.of(new Change.RenameTable("post", "article"), new Change.RenameColumn("article", "title", "headline")), up);
        assertRunsBothWays(a, b, up);
    }

    @Test
    void undeclaredTableRenameDropsAndCreates() {
        SchemaSnapshot a = schema(post("post", "title"), reply("post"));
        SchemaSnapshot b = schema(post("article", "title"), reply("article"));
        List<Change> up = Differ.diff(a, b);
        assertTrue(up.contains(new Change.DropTable(post("post", "title"))), up.toString());
        assertTrue(up.contains(new Change.CreateTable(post("article", "title"))), up.toString());
        assertRunsBothWays(a, b, up);
    }

    // ------------------------------------------------------------------ sequences

    @Test
    void sequences() {
        Sequence s1 = new Sequence("seq_one", 1, 1);
        Sequence s1b = new Sequence("seq_one", 1, 50);
        Sequence s2 = new Sequence("seq_two", 100, 1);
        SchemaSnapshot a = schema(List.of(), List.of(s1, s2));
        SchemaSnapshot b = schema(List.of(), List.of(s1b, new Sequence("seq_three", 1, 1)));
        List<Change> up = Differ.diff(a, b);
        // sequences by name; creations and alterations share a phase, drops come last
        assertEquals(List.of(new Change.AlterSequence(s1, s1b), new Change.CreateSequence(new Sequence("seq_three", 1, 1)),
                new Change.DropSequence(s2)), up);
        assertRunsBothWays(a, b, up);
        assertThrows(IllegalArgumentException.class, () -> new Change.AlterSequence(s1, s2));
    }

    /** Another tool's start value is kept; diffgen's own (named in a revision) follows the model, and so does any increment. */
    @Test
    void aStartValueOnlyFollowsTheModelOnASequenceARevisionWrote() {
        SchemaSnapshot adopted = schema(List.of(), List.of(new Sequence("sequence_generator", 1050, 50)));
        SchemaSnapshot model = schema(List.of(), List.of(new Sequence("sequence_generator", 1, 50)));
        Differ.Options noRevisionNamesIt = new Differ.Options(List.of(), false, Set.of(), null, Set.of("other_seq")::contains);
        Differ.Options aRevisionNamesIt = new Differ.Options(List.of(), false, Set.of(), null, Set.of("sequence_generator")::contains);
        assertEquals(List.of(), Differ.diff(adopted, model, noRevisionNamesIt));
        assertEquals(List.of(new Change.AlterSequence(adopted.sequences().get("sequence_generator"), model.sequences().get("sequence_generator"))),
                Differ.diff(adopted, model, aRevisionNamesIt));
        SchemaSnapshot otherIncrement = schema(List.of(), List.of(new Sequence("sequence_generator", 1, 1)));
        assertEquals(1, Differ.diff(adopted, otherIncrement, noRevisionNamesIt).size(), "the increment is what Hibernate's pooled ids rely on");
    }

    // ------------------------------------------------------------------ inverse

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("create", schema(author("bigint")), schema(author("bigint"), book("bigint")), Differ.Options.defaults()));
        all.add(Arguments.of("drop", schema(author("bigint"), book("bigint")), schema(author("bigint")), Differ.Options.defaults()));
        all.add(Arguments.of("retype", schema(author("integer"), book("integer")), schema(author("bigint"), book("bigint")),
                Differ.Options.defaults()));
        all.add(Arguments.of("column rename", schema(member("nick"), badge("nick")), schema(member("nickname"), badge("nickname")),
                renames(new Rename.OfColumn("member", "nick", "nickname"))));
        all.add(Arguments.of("table rename", schema(post("post", "title"), reply("post")), schema(post("article", "title"), reply("article")),
                renames(new Rename.OfTable("post", "article"))));
        all.add(Arguments.of("everything", schema(List.of(author("integer"), member("nick")), List.of(new Sequence("s", 1, 1))),
                schema(List.of(author("bigint"), book("bigint"), post("post", "x")), List.of(new Sequence("s2", 1, 1))),
                new Differ.Options(List.of(), true)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void inverseOfInverseIsTheUpgrade(String name, SchemaSnapshot a, SchemaSnapshot b, Differ.Options options) {
        List<Change> up = Differ.diff(a, b, options);
        assertFalse(up.isEmpty());
        assertEquals(up, Differ.inverse(Differ.inverse(up)));
        List<Change> down = Differ.inverse(up);
        assertEquals(up.size(), down.size());
        for (int i = 0; i < up.size(); i++) {
            Change c = up.get(i);
            assertEquals(c, c.inverse().inverse());
            assertEquals(c.inverse(), down.get(up.size() - 1 - i));
        }
        assertRunsBothWays(a, b, up);
    }

    @Test
    void everyKindOfChangeInvertsExactly() {
        Table t = book("bigint");
        Column c = col("c", "text");
        Index i = index("ix", "c");
        List<Change> all = List.of(
                new Change.CreateTable(t), new Change.DropTable(t), new Change.RenameTable("a", "b"),
                new Change.AddColumn("t", c), new Change.DropColumn("t", c), new Change.RenameColumn("t", "a", "b"),
                new Change.AlterColumn("t", c, c.withType("integer")),
                new Change.AddPrimaryKey("t", new PrimaryKey("pk", List.of("c"))), new Change.DropPrimaryKey("t", new PrimaryKey("pk", List.of("c"))),
                new Change.AddForeignKey("t", FK_BOOK_AUTHOR), new Change.DropForeignKey("t", FK_BOOK_AUTHOR),
                new Change.AddUnique("t", new UniqueConstraint("uq", List.of("c"))), new Change.DropUnique("t", new UniqueConstraint("uq", List.of("c"))),
                new Change.AddCheck("t", new CheckConstraint("ck", "(c <> '')")), new Change.DropCheck("t", new CheckConstraint("ck", "(c <> '')")),
                new Change.RenameConstraint("t", "a", "b"), new Change.CreateIndex("t", i, true), new Change.DropIndex("t", i, false),
                new Change.RenameIndex("t", "a", "b"), new Change.SetTableComment("t", Optional.empty(), Optional.of("x")),
                new Change.SetStorage("t", Optional.of("ix"), List.of(), List.of("fillfactor=70")),
                new Change.SerialIdentity("t", "id", new io.diffgen.snapshot.OwnedSequence("id", new Sequence("t_id_seq", 1, 1), "bigint"),
                        "nextval('t_id_seq'::regclass)", Column.Identity.BY_DEFAULT, true),
                new Change.CreateComposite(new CompositeType("p", List.of(new CompositeType.Attribute("x", "integer")))),
                new Change.AlterComposite(new CompositeType("p", List.of()), new CompositeType("p", List.of(new CompositeType.Attribute("x", "integer"))),
                        List.of()),
                new Change.CreateSequence(new Sequence("s", 1, 1)), new Change.DropSequence(new Sequence("s", 1, 1)),
                new Change.AlterSequence(new Sequence("s", 1, 1), new Sequence("s", 5, 2)));
        for (Change change : all) {
            assertEquals(change, change.inverse().inverse(), change.summary());
            assertNotEquals(change, change.inverse(), change.summary());
            Differ.phase(change); // every kind has a phase
        }
        assertEquals(new Change.DropIndex("t", i, true), new Change.CreateIndex("t", i, true).inverse(), "concurrency carries over");
        assertEquals(new Change.DropIndex("t", i, true, true), new Change.CreateIndex("t", i, true, true).inverse(),
                "an index built for a constraint is dropped IF EXISTS, the constraint's drop having taken it");
        assertEquals(all, Differ.inverse(Differ.inverse(all)));
    }
}
