package io.diffgen.render;

import io.diffgen.diff.Change;
import io.diffgen.diff.Change.Aspect;
import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.CompositeType;
import io.diffgen.snapshot.EnumType;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.OwnedSequence;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.Sequence;
import io.diffgen.snapshot.Table;
import io.diffgen.snapshot.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.diffgen.snapshot.Identifiers.literal;
import static io.diffgen.snapshot.Identifiers.nameOf;
import static io.diffgen.snapshot.Identifiers.quote;
import static io.diffgen.snapshot.Identifiers.quoteQualified;
import static io.diffgen.snapshot.Identifiers.sibling;

/** PostgreSQL statements for typed changes. Pure: no connection, no I/O. */
public final class SqlRenderer {

    private SqlRenderer() {
    }

    /** The statements for one change, without trailing semicolons. */
    public static List<String> render(Change change) {
        return change.accept(STATEMENTS);
    }

    private static final Change.Visitor<List<String>> STATEMENTS = new Change.Visitor<>() {
        public List<String> createTable(Change.CreateTable c) {
            return SqlRenderer.createTable(c.table());
        }

        public List<String> dropTable(Change.DropTable c) {
            return List.of("DROP TABLE " + quoteQualified(c.table().name()));
        }

        public List<String> renameTable(Change.RenameTable c) {
            Optional<String> fromSchema = Identifiers.schemaOf(c.from());
            Optional<String> toSchema = Identifiers.schemaOf(c.to());
            if (fromSchema.equals(toSchema)) {
                return List.of("ALTER TABLE " + quoteQualified(c.from()) + " RENAME TO " + quote(nameOf(c.to())));
            }
            List<String> statements = new ArrayList<>();
            statements.add("ALTER TABLE " + quoteQualified(c.from()) + " SET SCHEMA " + quote(schemaToMoveInto(c.to(), c.ownSchema())));
            String moved = Identifiers.qualified(toSchema.orElse(null), nameOf(c.from()));
            if (!nameOf(c.from()).equals(nameOf(c.to()))) {
                statements.add("ALTER TABLE " + quoteQualified(moved) + " RENAME TO " + quote(nameOf(c.to())));
            }
            return statements;
        }

        public List<String> addColumn(Change.AddColumn c) {
            return SqlRenderer.addColumn(c.table(), c.column());
        }

        public List<String> dropColumn(Change.DropColumn c) {
            return List.of(alter(c.table()) + "DROP COLUMN " + quote(c.column().name()));
        }

        public List<String> renameColumn(Change.RenameColumn c) {
            return List.of(alter(c.table()) + "RENAME COLUMN " + quote(c.from()) + " TO " + quote(c.to()));
        }

        public List<String> alterColumn(Change.AlterColumn c) {
            return SqlRenderer.alterColumn(c);
        }

        public List<String> addPrimaryKey(Change.AddPrimaryKey c) {
            return List.of(alter(c.table()) + "ADD " + primaryKey(c.key()));
        }

        public List<String> dropPrimaryKey(Change.DropPrimaryKey c) {
            return List.of(dropConstraint(c.table(), c.key().name()));
        }

        public List<String> addForeignKey(Change.AddForeignKey c) {
            return List.of(alter(c.table()) + "ADD " + foreignKey(c.key()) + (c.notValid() ? " NOT VALID" : ""));
        }

        public List<String> dropForeignKey(Change.DropForeignKey c) {
            return List.of(dropConstraint(c.table(), c.key().name()));
        }

        public List<String> addUnique(Change.AddUnique c) {
            return List.of(alter(c.table()) + "ADD " + unique(c.constraint()));
        }

        public List<String> dropUnique(Change.DropUnique c) {
            return List.of(dropConstraint(c.table(), c.constraint().name()));
        }

        public List<String> addCheck(Change.AddCheck c) {
            return List.of(alter(c.table()) + "ADD " + check(c.check()) + (c.notValid() ? " NOT VALID" : ""));
        }

        public List<String> dropCheck(Change.DropCheck c) {
            return List.of(dropConstraint(c.table(), c.check().name()));
        }

        public List<String> renameConstraint(Change.RenameConstraint c) {
            return List.of(alter(c.table()) + "RENAME CONSTRAINT " + quote(c.from()) + " TO " + quote(c.to()));
        }

        public List<String> createIndex(Change.CreateIndex c) {
            return List.of(SqlRenderer.createIndex(c.table(), c.index(), c.concurrently()));
        }

        public List<String> dropIndex(Change.DropIndex c) {
            return List.of("DROP INDEX " + (c.concurrently() ? "CONCURRENTLY " : "") + (c.forConstraint() ? "IF EXISTS " : "")
                    + quoteQualified(sibling(c.table(), c.index().name())));
        }

        public List<String> renameIndex(Change.RenameIndex c) {
            return List.of("ALTER INDEX " + quoteQualified(sibling(c.table(), c.from())) + " RENAME TO " + quote(c.to()));
        }

        public List<String> setTableComment(Change.SetTableComment c) {
            return List.of(tableComment(c.table(), c.to()));
        }

        public List<String> setStorage(Change.SetStorage c) {
            String target = c.index().map(i -> "ALTER INDEX " + quoteQualified(sibling(c.table(), i))).orElse("ALTER TABLE " + quoteQualified(c.table()));
            List<String> statements = new ArrayList<>();
            List<String> set = c.to().stream().filter(p -> !c.from().contains(p)).toList();
            List<String> reset = c.from().stream().map(SqlRenderer::parameterName)
                    .filter(name -> c.to().stream().noneMatch(p -> parameterName(p).equals(name))).toList();
            if (!set.isEmpty()) statements.add(target + " SET " + storage(set));
            if (!reset.isEmpty()) statements.add(target + " RESET (" + String.join(", ", reset) + ")");
            return statements;
        }

        public List<String> serialIdentity(Change.SerialIdentity c) {
            return SqlRenderer.serialIdentity(c);
        }

        public List<String> createSequence(Change.CreateSequence c) {
            return List.of(SqlRenderer.createSequence(c.sequence()));
        }

        public List<String> dropSequence(Change.DropSequence c) {
            return List.of("DROP SEQUENCE " + quoteQualified(c.sequence().name()));
        }

        public List<String> alterSequence(Change.AlterSequence c) {
            return List.of("ALTER SEQUENCE " + quoteQualified(c.to().name()) + " INCREMENT BY " + c.to().increment()
                    + " START WITH " + c.to().start());
        }

        public List<String> createEnum(Change.CreateEnum c) {
            return SqlRenderer.createEnum(c.type());
        }

        public List<String> dropEnum(Change.DropEnum c) {
            return SqlRenderer.dropEnum(c.type());
        }

        public List<String> addEnumValues(Change.AddEnumValues c) {
            return SqlRenderer.addEnumValues(c);
        }

        public List<String> recreateEnum(Change.RecreateEnum c) {
            return SqlRenderer.recreateEnum(c);
        }

        public List<String> createComposite(Change.CreateComposite c) {
            return List.of(createCompositeType(quote(c.type().name()), c.type()));
        }

        public List<String> dropComposite(Change.DropComposite c) {
            return List.of("DROP TYPE " + quote(c.type().name()));
        }

        public List<String> alterComposite(Change.AlterComposite c) {
            return SqlRenderer.alterComposite(c);
        }

        public List<String> moveSequence(Change.MoveSequence c) {
            return List.of("ALTER SEQUENCE " + quoteQualified(c.from().name()) + " SET SCHEMA "
                    + quote(schemaToMoveInto(c.to().name(), c.ownSchema())));
        }

        public List<String> setNotNullValidated(Change.SetNotNullValidated c) {
            return List.of(alter(c.table()) + "VALIDATE CONSTRAINT " + quote(c.helper().name()),
                    alter(c.table()) + "ALTER COLUMN " + quote(c.column()) + " SET NOT NULL",
                    dropConstraint(c.table(), c.helper().name()));
        }

        public List<String> dropNotNullKeepingCheck(Change.DropNotNullKeepingCheck c) {
            return List.of(alter(c.table()) + "ALTER COLUMN " + quote(c.column()) + " DROP NOT NULL",
                    alter(c.table()) + "ADD " + check(c.helper()) + " NOT VALID");
        }

        public List<String> attachUnique(Change.AttachUnique c) {
            return List.of(alter(c.table()) + "ADD CONSTRAINT " + quote(c.constraint().name()) + " UNIQUE USING INDEX "
                    + quote(c.constraint().name()));
        }

        public List<String> detachUnique(Change.DetachUnique c) {
            return List.of(dropConstraint(c.table(), c.constraint().name()));
        }

        public List<String> attachPrimaryKey(Change.AttachPrimaryKey c) {
            return List.of(alter(c.table()) + "ADD CONSTRAINT " + quote(c.key().name()) + " PRIMARY KEY USING INDEX " + quote(c.key().name()));
        }

        public List<String> detachPrimaryKey(Change.DetachPrimaryKey c) {
            return List.of(dropConstraint(c.table(), c.key().name()));
        }

        public List<String> validateConstraint(Change.ValidateConstraint c) {
            return List.of(alter(c.table()) + "VALIDATE CONSTRAINT " + quote(c.name()));
        }

        public List<String> noChange(Change.NoChange c) {
            return List.of();
        }

        public List<String> startMove(Change.StartMove c) {
            return MoveStatements.start(c.move());
        }

        public List<String> stopMove(Change.StopMove c) {
            return MoveStatements.stop(c.move());
        }

        public List<String> backfill(Change.Backfill c) {
            return MoveStatements.backfill(c);
        }

        public List<String> finishMove(Change.FinishMove c) {
            return MoveStatements.finish(c.move());
        }

        public List<String> unfinishMove(Change.UnfinishMove c) {
            return MoveStatements.unfinish(c.move());
        }

        public List<String> createSchema(Change.CreateSchema c) {
            return List.of("CREATE SCHEMA " + quote(c.schema()));
        }

        public List<String> dropSchema(Change.DropSchema c) {
            return List.of("DROP SCHEMA " + quote(c.schema()));
        }

        public List<String> renameEnumValue(Change.RenameEnumValue c) {
            return List.of("ALTER TYPE " + quote(c.type()) + " RENAME VALUE " + literal(c.from()) + " TO " + literal(c.to()));
        }

        public List<String> createObject(Change.CreateObject c) {
            return withComment(c.object(), Optional.empty());
        }

        public List<String> dropObject(Change.DropObject c) {
            return List.of(c.object().dropStatement());
        }

        public List<String> replaceObject(Change.ReplaceObject c) {
            if (c.from().definition().equals(c.to().definition())) {
                return c.to().commentStatement(Optional.of(c.from())).map(List::of).orElse(List.of());
            }
            return withComment(c.to(), Optional.of(c.from()));
        }
    };

    /** The object's definition as the catalog prints it, then its comment (or the one it replaces removed), then its grants. */
    private static List<String> withComment(io.diffgen.objects.DbObject object, Optional<io.diffgen.objects.DbObject> replacing) {
        List<String> statements = new ArrayList<>(List.of(object.definition()));
        object.commentStatement(replacing).ifPresent(statements::add);
        if (replacing.isEmpty()) statements.addAll(object.grants()); // a replacement in place keeps its own
        return statements;
    }

    /** The schema SET SCHEMA names for a move to {@code key}: its own, or the database's own, whose keys do not name it. */
    private static String schemaToMoveInto(String key, String ownSchema) {
        return Identifiers.schemaOf(key).or(() -> Optional.ofNullable(ownSchema))
                .orElseThrow(() -> new IllegalStateException("a move into the database's own schema needs its name"));
    }

    /** The type, and Hibernate's two implicit casts from and to varchar where the type has them. */
    private static List<String> createEnum(EnumType type) {
        List<String> statements = new ArrayList<>();
        statements.add(createEnumType(quote(type.name()), type.values()));
        if (type.varcharCasts()) {
            statements.add("CREATE CAST (character varying AS " + quote(type.name()) + ") WITH INOUT AS IMPLICIT");
            statements.add("CREATE CAST (" + quote(type.name()) + " AS character varying) WITH INOUT AS IMPLICIT");
        }
        return statements;
    }

    /** {@code CREATE TYPE name AS ENUM (...)}; {@code name} as given, so a caller may qualify it. */
    public static String createEnumType(String quotedName, List<String> values) {
        return "CREATE TYPE " + quotedName + " AS ENUM (" + values.stream().map(Identifiers::literal).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Serial to identity: the column's sequence is detached and stepped aside, the identity added (its
     * sequence takes the freed name), set to continue from the old one, which is then dropped. Back:
     * the old sequence re-created aside and set from the identity's, the identity dropped, the
     * sequence given its name, the default and its owner again.
     */
    private static List<String> serialIdentity(Change.SerialIdentity c) {
        String table = c.table();
        String column = alter(table) + "ALTER COLUMN " + quote(c.column()) + " ";
        Sequence sequence = c.serial().sequence();
        String name = quoteQualified(sibling(table, sequence.name()));
        String asideName = Identifiers.truncate(sequence.name() + "_diffgen_old");
        String aside = quoteQualified(sibling(table, asideName));
        String identitySequence = "pg_get_serial_sequence(" + literal(quoteQualified(table)) + ", " + literal(c.column()) + ")";
        List<String> statements = new ArrayList<>();
        if (c.toIdentity()) {
            statements.add(column + "DROP DEFAULT");
            statements.add("ALTER SEQUENCE " + name + " OWNED BY NONE");
            statements.add("ALTER SEQUENCE " + name + " RENAME TO " + quote(asideName));
            statements.add(column + "ADD " + c.identity().sql());
            statements.add(continueFrom(identitySequence, literal(aside) + "::regclass", sequence.start()));
            statements.add("DROP SEQUENCE " + aside);
        } else {
            statements.add("CREATE SEQUENCE " + aside + " AS " + c.serial().dataType() + " START WITH " + sequence.start()
                    + " INCREMENT BY " + sequence.increment());
            statements.add(continueFrom(literal(aside), identitySequence + "::regclass", sequence.start()));
            statements.add(column + "DROP IDENTITY");
            statements.add("ALTER SEQUENCE " + aside + " RENAME TO " + quote(sequence.name()));
            statements.add(column + "SET DEFAULT " + c.serialDefault());
            statements.add("ALTER SEQUENCE " + name + " OWNED BY " + quoteQualified(table) + "." + quote(c.column()));
        }
        return statements;
    }

    /** {@code setval} of {@code target} to where {@code source} stands: its last value, or unused at {@code start}. */
    private static String continueFrom(String target, String source, long start) {
        return "SELECT setval(" + target + ", coalesce(pg_sequence_last_value(" + source + "), " + start + "), pg_sequence_last_value("
                + source + ") IS NOT NULL)";
    }

    /** {@code CREATE TYPE name AS (attribute type, ...)}; {@code name} as given, so a caller may qualify it. */
    public static String createCompositeType(String quotedName, CompositeType type) {
        return "CREATE TYPE " + quotedName + " AS (" + type.attributes().stream().map(a -> quote(a.name()) + " " + a.type())
                .collect(Collectors.joining(", ")) + ")";
    }

    /**
     * In place where DROP and ADD ATTRIBUTE reach the new list; otherwise the old type steps aside, the
     * new one takes its name, and each column of it is rebuilt from the old value's attributes (a
     * NULL stays NULL, a new attribute starts NULL), as {@link #recreateEnum} does for labels.
     */
    private static List<String> alterComposite(Change.AlterComposite c) {
        String name = c.to().name();
        List<String> statements = new ArrayList<>();
        if (c.inPlace()) {
            c.dropped().forEach(a -> statements.add("ALTER TYPE " + quote(name) + " DROP ATTRIBUTE " + quote(a.name())));
            c.added().forEach(a -> statements.add("ALTER TYPE " + quote(name) + " ADD ATTRIBUTE " + quote(a.name()) + " " + a.type()));
            return statements;
        }
        String old = quote(Identifiers.truncate(name + "_diffgen_old"));
        statements.add("ALTER TYPE " + quote(name) + " RENAME TO " + old);
        statements.add(createCompositeType(quote(name), c.to()));
        for (Change.TypeUse use : c.uses()) {
            String column = alter(use.table()) + "ALTER COLUMN " + quote(use.column());
            String value = quote(use.column());
            String attributes = c.to().attributes().stream()
                    .map(a -> c.from().attribute(a.name()).map(was -> "(" + value + ")." + quote(a.name()) + "::" + a.type()).orElse("NULL::" + a.type()))
                    .collect(Collectors.joining(", "));
            use.defaultExpression().ifPresent(d -> statements.add(column + " DROP DEFAULT"));
            statements.add(column + " TYPE " + quote(name) + " USING CASE WHEN " + value + " IS NOT DISTINCT FROM NULL THEN NULL ELSE ROW("
                    + attributes + ")::" + quote(name) + " END");
            use.defaultExpression().ifPresent(d -> statements.add(column + " SET DEFAULT " + d));
        }
        statements.add("DROP TYPE " + old);
        return statements;
    }

    private static List<String> dropEnum(EnumType type) {
        List<String> statements = new ArrayList<>(dropCasts(type.varcharCasts(), quote(type.name())));
        statements.add("DROP TYPE " + quote(type.name()));
        return statements;
    }

    private static List<String> dropCasts(boolean casts, String quotedType) {
        return casts ? List.of("DROP CAST (character varying AS " + quotedType + ")", "DROP CAST (" + quotedType + " AS character varying)")
                : List.of();
    }

    /** Each new label at its place: before the next old label, or after the last one. */
    private static List<String> addEnumValues(Change.AddEnumValues c) {
        List<String> statements = new ArrayList<>();
        List<String> values = c.to().values();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (c.from().values().contains(value)) continue;
            Optional<String> next = values.subList(i + 1, values.size()).stream().filter(c.from().values()::contains).findFirst();
            statements.add("ALTER TYPE " + quote(c.to().name()) + " ADD VALUE " + literal(value)
                    + next.map(n -> " BEFORE " + literal(n)).orElse(""));
        }
        return statements;
    }

    /**
     * PostgreSQL cannot remove a label: the old type steps aside under another name, the new one takes
     * its name, every column of it is converted through text (its default dropped and set again
     * around the conversion), and the old type is dropped.
     */
    private static List<String> recreateEnum(Change.RecreateEnum c) {
        String name = c.to().name();
        String old = quote(Identifiers.truncate(name + "_diffgen_old"));
        List<String> statements = new ArrayList<>();
        statements.add("ALTER TYPE " + quote(name) + " RENAME TO " + old);
        statements.addAll(dropCasts(c.from().varcharCasts(), old));
        statements.addAll(createEnum(c.to()));
        for (Change.TypeUse use : c.uses()) {
            String column = alter(use.table()) + "ALTER COLUMN " + quote(use.column());
            use.defaultExpression().ifPresent(d -> statements.add(column + " DROP DEFAULT"));
            statements.add(column + " TYPE " + quote(name) + " USING " + quote(use.column()) + "::text::" + quote(name));
            use.defaultExpression().ifPresent(d -> statements.add(column + " SET DEFAULT " + d));
        }
        statements.add("DROP TYPE " + old);
        return statements;
    }

    public static List<String> createTable(Table table) {
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            parts.add(columnDefinition(column));
        }
        table.primaryKey().ifPresent(pk -> parts.add(primaryKey(pk)));
        table.uniques().forEach(u -> parts.add(unique(u)));
        table.checks().forEach(c -> parts.add(check(c)));
        List<String> statements = new ArrayList<>();
        for (OwnedSequence owned : table.ownedSequences()) {
            Sequence s = owned.sequence();
            statements.add("CREATE SEQUENCE " + quoteQualified(sibling(table.name(), s.name())) + " AS " + owned.dataType() + " START WITH " + s.start()
                    + " INCREMENT BY " + s.increment());
        }
        statements.add("CREATE TABLE " + quoteQualified(table.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)"
                + (table.storage().isEmpty() ? "" : " WITH " + storage(table.storage())));
        for (OwnedSequence owned : table.ownedSequences()) {
            statements.add("ALTER SEQUENCE " + quoteQualified(sibling(table.name(), owned.sequence().name())) + " OWNED BY "
                    + quoteQualified(table.name()) + "." + quote(owned.column()));
        }
        table.comment().ifPresent(text -> statements.add(tableComment(table.name(), Optional.of(text))));
        for (Column column : table.columns()) {
            column.comment().ifPresent(text -> statements.add(columnComment(table.name(), column.name(), Optional.of(text))));
        }
        return statements;
    }

    private static List<String> addColumn(String table, Column column) {
        List<String> statements = new ArrayList<>();
        statements.add(alter(table) + "ADD COLUMN " + columnDefinition(column));
        column.comment().ifPresent(text -> statements.add(columnComment(table, column.name(), Optional.of(text))));
        return statements;
    }

    static String columnDefinition(Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type());
        column.defaultExpression().ifPresent(d -> sql.append(" DEFAULT ").append(d));
        if (column.identity() != Column.Identity.NONE) {
            sql.append(' ').append(column.identity().sql());
        }
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    private static List<String> alterColumn(Change.AlterColumn change) {
        Set<Aspect> aspects = change.aspects();
        Column from = change.from();
        Column to = change.to();
        String column = alter(change.table()) + "ALTER COLUMN " + quote(to.name()) + " ";
        List<String> statements = new ArrayList<>();
        boolean defaultChanges = aspects.contains(Aspect.DEFAULT);
        if (aspects.contains(Aspect.IDENTITY) && from.identity() != Column.Identity.NONE && to.identity() == Column.Identity.NONE) {
            statements.add(column + "DROP IDENTITY");
        }
        boolean retyped = aspects.contains(Aspect.TYPE);
        // the old default may not cast to the new type, so it goes before the type changes
        if (defaultChanges && from.defaultExpression().isPresent() && (retyped || to.defaultExpression().isEmpty())) {
            statements.add(column + "DROP DEFAULT");
        }
        if (aspects.contains(Aspect.TYPE)) {
            statements.add(column + "TYPE " + to.type() + " USING " + quote(to.name()) + "::" + to.type());
        }
        if (aspects.contains(Aspect.NULLABLE)) {
            statements.add(column + (to.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (defaultChanges && to.defaultExpression().isPresent()) {
            statements.add(column + "SET DEFAULT " + to.defaultExpression().get());
        }
        if (aspects.contains(Aspect.IDENTITY) && to.identity() != Column.Identity.NONE) {
            statements.add(column + (from.identity() == Column.Identity.NONE
                    ? "ADD " + to.identity().sql()
                    : "SET GENERATED " + (to.identity() == Column.Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT")));
        }
        if (aspects.contains(Aspect.COMMENT)) {
            statements.add(columnComment(change.table(), to.name(), to.comment()));
        }
        return statements;
    }

    private static String primaryKey(PrimaryKey pk) {
        return "CONSTRAINT " + quote(pk.name()) + " PRIMARY KEY (" + columns(pk.columns()) + ")";
    }

    private static String unique(UniqueConstraint u) {
        return "CONSTRAINT " + quote(u.name()) + " UNIQUE (" + columns(u.columns()) + ")";
    }

    private static String check(CheckConstraint c) {
        return "CONSTRAINT " + quote(c.name()) + " CHECK (" + c.expression() + ")";
    }

    private static String foreignKey(ForeignKey fk) {
        StringBuilder sql = new StringBuilder("CONSTRAINT ").append(quote(fk.name()))
                .append(" FOREIGN KEY (").append(columns(fk.columns())).append(") REFERENCES ")
                .append(quoteQualified(fk.referencedTable())).append(" (").append(columns(fk.referencedColumns())).append(')');
        if (fk.onDelete() != ForeignKey.Action.NO_ACTION) {
            sql.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != ForeignKey.Action.NO_ACTION) {
            sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        return sql.toString();
    }

    public static String createIndex(String table, Index index, boolean concurrently) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (index.unique()) sql.append("UNIQUE ");
        sql.append("INDEX ");
        if (concurrently) sql.append("CONCURRENTLY ");
        sql.append(quote(index.name())).append(" ON ").append(quoteQualified(table));
        if (!"btree".equals(index.method())) {
            sql.append(" USING ").append(index.method());
        }
        sql.append(" (").append(index.keys().stream().map(Index.Key::sql).collect(Collectors.joining(", "))).append(')');
        if (!index.include().isEmpty()) {
            sql.append(" INCLUDE (").append(index.include().stream().map(Identifiers::quote).collect(Collectors.joining(", "))).append(')');
        }
        if (!index.storage().isEmpty()) {
            sql.append(" WITH ").append(storage(index.storage()));
        }
        index.where().ifPresent(w -> sql.append(" WHERE ").append(w));
        return sql.toString();
    }

    /** {@code (name=value, ...)}, each as {@code pg_class.reloptions} spells it; a value that is not a plain word or number quoted. */
    private static String storage(List<String> parameters) {
        return parameters.stream().map(p -> {
            String value = p.substring(p.indexOf('=') + 1);
            return parameterName(p) + "=" + (value.matches("[A-Za-z0-9_.+-]+") ? value : literal(value));
        }).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String parameterName(String parameter) {
        return parameter.substring(0, parameter.indexOf('='));
    }

    private static String tableComment(String table, Optional<String> text) {
        return "COMMENT ON TABLE " + quoteQualified(table) + " IS " + text.map(t -> literal(t)).orElse("NULL");
    }

    private static String columnComment(String table, String column, Optional<String> text) {
        return "COMMENT ON COLUMN " + quoteQualified(table) + "." + quote(column) + " IS " + text.map(t -> literal(t)).orElse("NULL");
    }

    private static String createSequence(Sequence s) {
        return "CREATE SEQUENCE " + quoteQualified(s.name()) + " START WITH " + s.start() + " INCREMENT BY " + s.increment();
    }

    private static String alter(String table) {
        return "ALTER TABLE " + quoteQualified(table) + " ";
    }

    private static String dropConstraint(String table, String name) {
        return alter(table) + "DROP CONSTRAINT " + quote(name);
    }

    private static String columns(List<String> names) {
        return names.stream().map(n -> quote(n)).collect(Collectors.joining(", "));
    }
}
