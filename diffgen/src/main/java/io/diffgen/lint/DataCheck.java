package io.diffgen.lint;

import io.diffgen.diff.Change;
import io.diffgen.diff.Change.Aspect;
import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.UniqueConstraint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.diffgen.snapshot.Identifiers.quote;

/**
 * A preflight data check: the rows already in the database that a revision's new constraint, NOT NULL
 * or narrower type would reject, named by what rejects them. It runs before any statement of the
 * revision, on the tables and columns as they are then, so a revision that would fail on its data
 * fails before it changes anything, saying how many rows and how to list them.
 *
 * <p>Checks are written only where their query is certain to name what exists before the revision:
 * not on new tables or new columns (but a new NOT NULL column without a default is checked against the
 * rows of its table), and not for CHECK expressions that name a column the revision adds, renames or retypes.
 */
public record DataCheck(String name, String listQuery) {
    private static final Pattern COUNT = Pattern.compile("SELECT count\\(\\*\\) AS (\"(?:[^\"]|\"\")*\") FROM \\((.*)\\) AS violations");
    private static final Map<String, String> INTEGER_RANGES = Map.of(
            "smallint", "-32768 AND 32767", "integer", "-2147483648 AND 2147483647");

    /** One line, as a Liquibase {@code --precondition-sql-check} needs it: 0 when no row violates. */
    public String countQuery() {
        return "SELECT count(*) AS " + Identifiers.quoteAlways(name) + " FROM (" + listQuery + ") AS violations";
    }

    /** The check a {@link #countQuery()} was written from; empty for any other query. */
    public static Optional<DataCheck> parse(String countQuery) {
        Matcher m = COUNT.matcher(countQuery.strip());
        if (!m.matches()) return Optional.empty();
        return Optional.of(new DataCheck(Identifiers.unquote(m.group(1)), m.group(2)));
    }

    /** The checks of a revision's upgrade, one per constraint, in the order of the changes. */
    public static List<DataCheck> of(List<Change> upgrade) {
        return new Before(upgrade).checks();
    }

    /**
     * The names of tables and columns as they are before the revision, and what it creates; and, for each
     * kind of change, the data checks it needs (a new kind does not compile until it says).
     */
    private static final class Before implements Change.Visitor<List<DataCheck>> {
        private final List<Change> upgrade;
        private final Set<String> newTables;
        private final Set<String> newColumns = new HashSet<>();
        /** {@code table.column} the revision adds, renames (the new name) or retypes: a CHECK naming one cannot run before it */
        private final Set<String> reshaped = new HashSet<>();
        private final Map<String, String> oldTable = new HashMap<>();
        private final Map<String, String> oldColumn = new HashMap<>();
        private final Set<String> notNullHelpers = new HashSet<>();

        Before(List<Change> upgrade) {
            this.upgrade = upgrade;
            this.newTables = Change.tablesCreated(upgrade);
            for (Change c : upgrade) {
                if (c instanceof Change.RenameTable r) oldTable.put(r.to(), r.from());
                if (c instanceof Change.SetNotNullValidated s) notNullHelpers.add(s.table() + "." + s.helper().name());
            }
            for (Change c : upgrade) {
                if (c instanceof Change.AddColumn a) {
                    newColumns.add(a.table() + "." + a.column().name());
                    reshaped.add(a.table() + "." + a.column().name());
                }
                if (c instanceof Change.RenameColumn r) {
                    oldColumn.put(r.table() + "." + r.to(), r.from());
                    oldColumn.put(tableBefore(r.table()) + "." + r.to(), r.from());
                    reshaped.add(r.table() + "." + r.to());
                }
                if (c instanceof Change.AlterColumn a && a.aspects().contains(Aspect.TYPE)) reshaped.add(a.table() + "." + a.to().name());
                if (c instanceof Change.StartMove m) newColumns.add(m.move().table() + "." + m.move().newColumn());
                // a type change's move ends with the new column renamed into place: before it, the values are in the new column
                if (c instanceof Change.FinishMove f && !f.move().renames()) {
                    oldColumn.put(f.move().table() + "." + f.move().to().name(), f.move().newColumn());
                }
            }
        }

        List<DataCheck> checks() {
            Map<String, DataCheck> checks = new LinkedHashMap<>();
            for (Change c : upgrade) {
                checksOf(c).forEach(check -> checks.putIfAbsent(check.name(), check));
            }
            return List.copyOf(checks.values());
        }

        private List<DataCheck> checksOf(Change c) {
            return c.accept(this);
        }

        // the changes whose statement PostgreSQL checks against the rows already there
        public List<DataCheck> addUnique(Change.AddUnique u) { return unique(u.table(), u.constraint().asIndex(), true); }
        public List<DataCheck> createIndex(Change.CreateIndex i) { return i.index().unique() ? unique(i.table(), i.index(), true) : List.of(); }
        public List<DataCheck> addPrimaryKey(Change.AddPrimaryKey p) {
            return unique(p.table(), new UniqueConstraint(p.key().name(), p.key().columns()).asIndex(), false);
        }
        public List<DataCheck> addForeignKey(Change.AddForeignKey f) { return foreignKey(f.table(), f.key()); }
        public List<DataCheck> addCheck(Change.AddCheck a) { return check(a.table(), a.check()); }
        public List<DataCheck> setNotNullValidated(Change.SetNotNullValidated s) { return notNull(s.table(), s.column()); }
        public List<DataCheck> recreateEnum(Change.RecreateEnum r) { return r.removed().isEmpty() ? List.of() : removedLabels(r); }
        public List<DataCheck> alterColumn(Change.AlterColumn a) {
            List<DataCheck> found = new ArrayList<>();
            if (a.aspects().contains(Aspect.NULLABLE) && !a.to().nullable()) found.addAll(notNull(a.table(), a.to().name()));
            if (a.aspects().contains(Aspect.TYPE)) found.addAll(narrowing(a));
            return found;
        }

        // nothing in the rows already there can make these fail (a validation re-checks what its NOT VALID add was checked for)
        public List<DataCheck> createTable(Change.CreateTable c) { return List.of(); }
        public List<DataCheck> dropTable(Change.DropTable c) { return List.of(); }
        public List<DataCheck> renameTable(Change.RenameTable c) { return List.of(); }
        /** A NOT NULL column without a default, added to a table with rows: every row already there rejects it. */
        public List<DataCheck> addColumn(Change.AddColumn c) {
            if (!isExisting(c.table()) || !Rule.notNullWithoutDefault(c.column())) return List.of();
            return List.of(new DataCheck(Identifiers.display(c.table()) + "." + c.column().name() + " added NOT NULL without a default",
                    "SELECT * FROM " + from(c.table())));
        }
        public List<DataCheck> dropColumn(Change.DropColumn c) { return List.of(); }
        public List<DataCheck> renameColumn(Change.RenameColumn c) { return List.of(); }
        public List<DataCheck> dropPrimaryKey(Change.DropPrimaryKey c) { return List.of(); }
        public List<DataCheck> dropForeignKey(Change.DropForeignKey c) { return List.of(); }
        public List<DataCheck> dropUnique(Change.DropUnique c) { return List.of(); }
        public List<DataCheck> dropCheck(Change.DropCheck c) { return List.of(); }
        public List<DataCheck> renameConstraint(Change.RenameConstraint c) { return List.of(); }
        public List<DataCheck> dropIndex(Change.DropIndex c) { return List.of(); }
        public List<DataCheck> renameIndex(Change.RenameIndex c) { return List.of(); }
        public List<DataCheck> setTableComment(Change.SetTableComment c) { return List.of(); }
        public List<DataCheck> setStorage(Change.SetStorage c) { return List.of(); }
        public List<DataCheck> serialIdentity(Change.SerialIdentity c) { return List.of(); }
        public List<DataCheck> createComposite(Change.CreateComposite c) { return List.of(); }
        public List<DataCheck> dropComposite(Change.DropComposite c) { return List.of(); }
        public List<DataCheck> alterComposite(Change.AlterComposite c) { return List.of(); }
        public List<DataCheck> createSequence(Change.CreateSequence c) { return List.of(); }
        public List<DataCheck> dropSequence(Change.DropSequence c) { return List.of(); }
        public List<DataCheck> alterSequence(Change.AlterSequence c) { return List.of(); }
        public List<DataCheck> moveSequence(Change.MoveSequence c) { return List.of(); }
        public List<DataCheck> createEnum(Change.CreateEnum c) { return List.of(); }
        public List<DataCheck> dropEnum(Change.DropEnum c) { return List.of(); }
        public List<DataCheck> addEnumValues(Change.AddEnumValues c) { return List.of(); }
        public List<DataCheck> renameEnumValue(Change.RenameEnumValue c) { return List.of(); }
        public List<DataCheck> createSchema(Change.CreateSchema c) { return List.of(); }
        public List<DataCheck> dropSchema(Change.DropSchema c) { return List.of(); }
        public List<DataCheck> validateConstraint(Change.ValidateConstraint c) { return List.of(); }
        public List<DataCheck> dropNotNullKeepingCheck(Change.DropNotNullKeepingCheck c) { return List.of(); }
        public List<DataCheck> attachUnique(Change.AttachUnique c) { return List.of(); }
        public List<DataCheck> detachUnique(Change.DetachUnique c) { return List.of(); }
        public List<DataCheck> attachPrimaryKey(Change.AttachPrimaryKey c) { return List.of(); }
        public List<DataCheck> detachPrimaryKey(Change.DetachPrimaryKey c) { return List.of(); }
        public List<DataCheck> noChange(Change.NoChange c) { return List.of(); }
        public List<DataCheck> startMove(Change.StartMove c) { return List.of(); }
        public List<DataCheck> stopMove(Change.StopMove c) { return List.of(); }
        public List<DataCheck> backfill(Change.Backfill c) { return List.of(); }
        public List<DataCheck> finishMove(Change.FinishMove c) { return List.of(); }
        public List<DataCheck> unfinishMove(Change.UnfinishMove c) { return List.of(); }
        public List<DataCheck> createObject(Change.CreateObject c) { return List.of(); }
        public List<DataCheck> dropObject(Change.DropObject c) { return List.of(); }
        public List<DataCheck> replaceObject(Change.ReplaceObject c) { return List.of(); }

        /** Values that occur more than once; NULLs are distinct except in a primary key. */
        private List<DataCheck> unique(String table, Index index, boolean skipNulls) {
            if (!isExisting(table) || !index.keys().stream().allMatch(k -> isExistingColumn(table, k.expression()))) return List.of();
            List<String> keys = index.keys().stream().map(k -> column(table, k.expression())).toList();
            List<String> filters = new ArrayList<>();
            if (skipNulls) keys.forEach(k -> filters.add(k + " IS NOT NULL"));
            index.where().ifPresent(w -> filters.add("(" + oneLine(w) + ")"));
            String list = String.join(", ", keys);
            return List.of(new DataCheck(index.name(), "SELECT " + list + ", count(*) AS rows FROM " + from(table)
                    + (filters.isEmpty() ? "" : " WHERE " + String.join(" AND ", filters))
                    + " GROUP BY " + list + " HAVING count(*) > 1"));
        }

        private List<DataCheck> foreignKey(String table, ForeignKey key) {
            if (!isExisting(table) || !key.columns().stream().allMatch(col -> isExistingColumn(table, quote(col)))) return List.of();
            String parent = key.referencedTable();
            List<String> present = key.columns().stream().map(col -> "r." + column(table, quote(col)) + " IS NOT NULL").toList();
            String rows = "SELECT r.* FROM " + from(table) + " AS r WHERE " + String.join(" AND ", present);
            if (newTables.contains(parent)) {
                // a table the revision creates is empty: every referencing value violates
                return List.of(new DataCheck(key.name(), rows));
            }
            if (!key.referencedColumns().stream().allMatch(col -> isExistingColumn(parent, quote(col)))) return List.of();
            List<String> matches = new ArrayList<>();
            for (int i = 0; i < key.columns().size(); i++) {
                matches.add("p." + column(parent, quote(key.referencedColumns().get(i))) + " = r." + column(table, quote(key.columns().get(i))));
            }
            return List.of(new DataCheck(key.name(), rows + " AND NOT EXISTS (SELECT 1 FROM " + from(parent) + " AS p WHERE "
                    + String.join(" AND ", matches) + ")"));
        }

        private List<DataCheck> check(String table, CheckConstraint check) {
            if (!isExisting(table) || notNullHelpers.contains(table + "." + check.name())) return List.of();
            String expression = check.expression().toLowerCase(java.util.Locale.ROOT);
            boolean namesReshaped = reshaped.stream().filter(key -> key.startsWith(table + "."))
                    .map(key -> key.substring(table.length() + 1).toLowerCase(java.util.Locale.ROOT))
                    .anyMatch(col -> Pattern.compile("(?<![a-z0-9_$])" + Pattern.quote(col) + "(?![a-z0-9_$])").matcher(expression).find());
            if (namesReshaped) return List.of();
            // a CHECK passes on NULL, and so does this filter
            return List.of(new DataCheck(check.name(), "SELECT * FROM " + from(table) + " WHERE NOT (" + oneLine(check.expression()) + ")"));
        }

        private List<DataCheck> notNull(String table, String column) {
            if (!isExisting(table) || !isExistingColumn(table, quote(column))) return List.of();
            return List.of(new DataCheck(Identifiers.display(table) + "." + column + " NOT NULL",
                    "SELECT * FROM " + from(table) + " WHERE " + column(table, quote(column)) + " IS NULL"));
        }

        /** Shorter strings, smaller integers, fewer digits: the rows whose value would not fit. */
        private List<DataCheck> narrowing(Change.AlterColumn a) {
            String table = a.table();
            if (!isExisting(table) || !isExistingColumn(table, quote(a.to().name()))) return List.of();
            String from = a.from().type().toLowerCase(java.util.Locale.ROOT);
            String to = a.to().type().toLowerCase(java.util.Locale.ROOT);
            if (TypeWidening.of(from, to) != TypeWidening.NONE) return List.of();
            String col = column(table, quote(a.to().name()));
            String misfit = null;
            Matcher varchar = TypeWidening.VARCHAR.matcher(to);
            Matcher numeric = TypeWidening.NUMERIC.matcher(to);
            if (varchar.matches() && (from.startsWith("character varying") || from.equals("text"))) {
                misfit = "char_length(" + col + ") > " + varchar.group(1);
            } else if (INTEGER_RANGES.containsKey(to) && TypeWidening.INTEGERS.contains(from)) {
                misfit = col + " NOT BETWEEN " + INTEGER_RANGES.get(to);
            } else if (numeric.matches() && (from.startsWith("numeric") || TypeWidening.INTEGERS.contains(from))) {
                int precision = Integer.parseInt(numeric.group(1));
                int scale = Integer.parseInt(numeric.group(2));
                misfit = "abs(round(" + col + ", " + scale + ")) >= 10::numeric ^ " + (precision - scale);
            }
            if (misfit == null) return List.of();
            return List.of(new DataCheck(Identifiers.display(table) + "." + a.to().name() + " as " + a.to().type(),
                    "SELECT * FROM " + from(table) + " WHERE " + misfit));
        }

        private List<DataCheck> removedLabels(Change.RecreateEnum r) {
            String labels = r.removed().stream().map(Identifiers::literal).collect(Collectors.joining(", "));
            List<String> queries = new ArrayList<>();
            for (Change.TypeUse use : r.uses()) {
                // uses are the columns before the revision, or after it: then named as now only when not renamed
                boolean namedAsNow = r.beforeColumns()
                        || !oldTable.containsKey(use.table()) && !oldColumn.containsKey(use.table() + "." + use.column());
                if (namedAsNow && isExisting(use.table()) && isExistingColumn(use.table(), quote(use.column()))) {
                    String col = quote(use.column());
                    queries.add("SELECT " + Identifiers.literal(Identifiers.display(use.table()) + "." + use.column()) + " AS used_in, "
                            + col + "::text AS label FROM " + Identifiers.quoteQualified(use.table()) + " WHERE " + col + "::text IN (" + labels + ")");
                }
            }
            if (queries.isEmpty()) return List.of();
            return List.of(new DataCheck(r.from().name() + " without " + String.join(", ", r.removed()), String.join(" UNION ALL ", queries)));
        }

        private boolean isExisting(String table) {
            return !newTables.contains(table);
        }

        /** A plain column (quoted or not) that exists before the revision; expressions are not. */
        private boolean isExistingColumn(String table, String key) {
            String name = unquoted(key);
            return name != null && !newColumns.contains(table + "." + name);
        }

        private String tableBefore(String table) {
            return oldTable.getOrDefault(table, table);
        }

        private String from(String table) {
            return Identifiers.quoteQualified(tableBefore(table));
        }

        /** The column as it is named before the revision, quoted. */
        private String column(String table, String key) {
            String name = unquoted(key);
            return quote(oldColumn.getOrDefault(table + "." + name, name));
        }

        private static String unquoted(String key) {
            if (key.matches("\"(?:[^\"]|\"\")+\"")) return Identifiers.unquote(key);
            if (key.matches("[a-z_][a-z0-9_$]*")) return key;
            return null;
        }

        private static String oneLine(String sql) {
            return sql.replaceAll("\\s*\\n\\s*", " ");
        }
    }
}
