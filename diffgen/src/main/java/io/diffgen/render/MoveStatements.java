package io.diffgen.render;

import static io.diffgen.snapshot.Identifiers.literal;
import static io.diffgen.snapshot.Identifiers.quote;
import static io.diffgen.snapshot.Identifiers.quoteQualified;
import static io.diffgen.snapshot.Identifiers.sibling;

import io.diffgen.diff.Change;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.Optional;

/**
 * The statements of a column move (expand/contract): the trigger that keeps the old and the new column
 * in step, and the batched backfill. Pure, like {@link SqlRenderer}.
 */
final class MoveStatements {
    /** The dollar quote of the trigger function and the backfill: not one a column name can close. */
    private static final String QUOTE = "$diffgen$";

    private MoveStatements() {
    }

    static List<String> start(Change.Move m) {
        List<String> sql = new ArrayList<>();
        sql.add(alter(m) + "ADD COLUMN " + SqlRenderer.columnDefinition(m.added()));
        sql.addAll(sync(m));
        return sql;
    }

    static List<String> stop(Change.Move m) {
        List<String> sql = new ArrayList<>(unsync(m));
        sql.add(alter(m) + "DROP COLUMN " + quote(m.newColumn()));
        return sql;
    }

    static List<String> finish(Change.Move m) {
        List<String> sql = new ArrayList<>(unsync(m));
        sql.add(alter(m) + "DROP COLUMN " + quote(m.from().name()));
        if (!m.renames()) {
            sql.add(alter(m) + "RENAME COLUMN " + quote(m.newColumn()) + " TO " + quote(m.to().name()));
        }
        m.to().defaultExpression().ifPresent(d -> sql.add(alter(m) + "ALTER COLUMN " + quote(m.to().name()) + " SET DEFAULT " + d));
        m.to().comment().ifPresent(text -> sql.add("COMMENT ON COLUMN " + quoteQualified(m.table()) + "." + quote(m.to().name()) + " IS "
                + literal(text)));
        return sql;
    }

    static List<String> unfinish(Change.Move m) {
        List<String> sql = new ArrayList<>();
        if (m.to().comment().isPresent()) {
            sql.add("COMMENT ON COLUMN " + quoteQualified(m.table()) + "." + quote(m.to().name()) + " IS NULL");
        }
        if (m.to().defaultExpression().isPresent()) {
            sql.add(alter(m) + "ALTER COLUMN " + quote(m.to().name()) + " DROP DEFAULT");
        }
        if (!m.renames()) {
            sql.add(alter(m) + "RENAME COLUMN " + quote(m.to().name()) + " TO " + quote(m.newColumn()));
        }
        sql.add(alter(m) + "ADD COLUMN " + SqlRenderer.columnDefinition(new Column(m.from().name(), m.from().type(), true, Optional.empty(),
                Column.Identity.NONE, Optional.empty())));
        m.from().comment().ifPresent(text -> sql.add("COMMENT ON COLUMN " + quoteQualified(m.table()) + "." + quote(m.from().name()) + " IS "
                + literal(text)));
        sql.addAll(sync(m));
        return sql;
    }

    /**
     * The trigger function: for a type change only the old column is written (by both versions, since the new
     * version maps the same name), so the new one follows it; for a rename the old version writes the old
     * column and the new version the new one, so a row follows whichever column the statement changed. An
     * UPDATE that changes neither copies nothing: while a downgrade refills the old column, a row not yet
     * refilled has it empty, and copying it would empty the new one.
     */
    private static List<String> sync(Change.Move m) {
        String oldColumn = "NEW." + quote(m.from().name());
        String newColumn = "NEW." + quote(m.newColumn());
        String body;
        if (m.renames()) {
            body = "  IF TG_OP = 'INSERT' THEN\n"
                    + "    IF " + newColumn + " IS NULL THEN " + newColumn + " := " + cast(oldColumn, m.from(), m.to()) + "; ELSE "
                    + oldColumn + " := " + cast(newColumn, m.to(), m.from()) + "; END IF;\n"
                    + "  ELSIF " + newColumn + " IS DISTINCT FROM OLD." + quote(m.newColumn()) + " THEN\n"
                    + "    " + oldColumn + " := " + cast(newColumn, m.to(), m.from()) + ";\n"
                    + "  ELSIF " + oldColumn + " IS DISTINCT FROM OLD." + quote(m.from().name()) + " THEN\n"
                    + "    " + newColumn + " := " + cast(oldColumn, m.from(), m.to()) + ";\n"
                    + "  END IF;\n";
        } else {
            body = "  IF TG_OP = 'INSERT' THEN\n"
                    + "    " + newColumn + " := " + cast(oldColumn, m.from(), m.to()) + ";\n"
                    + "  ELSIF " + oldColumn + " IS DISTINCT FROM OLD." + quote(m.from().name()) + " THEN\n"
                    + "    " + newColumn + " := " + cast(oldColumn, m.from(), m.to()) + ";\n"
                    + "  END IF;\n";
        }
        return List.of("CREATE FUNCTION " + function(m) + " RETURNS trigger LANGUAGE plpgsql AS " + QUOTE + "\nBEGIN\n" + body
                        + "  RETURN NEW;\nEND\n" + QUOTE,
                "CREATE TRIGGER " + quote(m.trigger()) + " BEFORE INSERT OR UPDATE ON " + quoteQualified(m.table())
                        + " FOR EACH ROW EXECUTE FUNCTION " + function(m));
    }

    private static List<String> unsync(Change.Move m) {
        return List.of("DROP TRIGGER " + quote(m.trigger()) + " ON " + quoteQualified(m.table()), "DROP FUNCTION " + function(m));
    }

    /**
     * One statement that fills the rows not yet in step ({@code target} NULL where {@code source} is not; the
     * trigger keeps every row written since the expand in step), walking the primary key in batches, each
     * committed on its own, with a pause between them and a NOTICE of the rows done so far. The walk ends at
     * the highest key there was when it started: every row written later went through the trigger, and
     * the application's inserts would otherwise give it a new tail to chase at every pause.
     */
    /** Where a batch's lower bound on the key goes, once past the first batch: a mark no identifier spells. */
    private static final String LOWER_BOUND = "\u0000lower bound\u0000";

    static List<String> backfill(Change.Backfill b) {
        Change.Move first = b.first();
        String table = quoteQualified(first.table());
        String key = quote(first.key());
        String what = b.moves().stream().map(m -> Identifiers.display(m.table()) + "." + b.target(m)).collect(Collectors.joining(", "));
        List<String> sets = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        for (Change.Move m : b.moves()) {
            String source = quote(b.source(m));
            String target = quote(b.target(m));
            String value = b.back() ? cast(source, m.to(), m.from()) : cast(source, m.from(), m.to());
            sets.add(target + " = " + (b.moves().size() == 1 ? value : "coalesce(" + target + ", " + value + ")"));
            behind.add(target + " IS NULL AND " + source + " IS NOT NULL");
        }
        String fill = "UPDATE " + table + " SET " + String.join(", ", sets) + " WHERE " + LOWER_BOUND + key + " <= upto AND "
                + (behind.size() == 1 ? behind.get(0) : "(" + String.join(" OR ", behind.stream().map(c -> "(" + c + ")").toList()) + ")");
        String batch = "SELECT max(" + key + "), count(*) INTO upto, batch FROM (SELECT " + key + " FROM " + table + " WHERE " + LOWER_BOUND + key
                + " <= last_key_at_start ORDER BY " + key + " LIMIT " + first.batchRows() + ") AS next_rows";
        String pause = String.format(Locale.ROOT, "%.3f", first.pauseMillis() / 1000.0);
        return List.of("DO " + QUOTE + "\n"
                + "DECLARE\n"
                + "  total bigint;\n"
                + "  done bigint := 0;\n"
                + "  copied bigint := 0;\n"
                + "  batch bigint;\n"
                + "  changed bigint;\n"
                + "  last_key " + table + "." + key + "%TYPE;\n"
                + "  upto " + table + "." + key + "%TYPE;\n"
                + "  last_key_at_start " + table + "." + key + "%TYPE;\n"
                + "BEGIN\n"
                + "  SELECT count(*), max(" + key + ") INTO total, last_key_at_start FROM " + table + ";\n"
                + "  LOOP\n"
                + "    IF last_key IS NULL THEN\n"
                + "      " + batch.replace(LOWER_BOUND, "") + ";\n"
                + "      EXIT WHEN batch = 0;\n"
                + "      " + fill.replace(LOWER_BOUND, "") + ";\n"
                + "    ELSE\n"
                + "      " + batch.replace(LOWER_BOUND, key + " > last_key AND ") + ";\n"
                + "      EXIT WHEN batch = 0;\n"
                + "      " + fill.replace(LOWER_BOUND, key + " > last_key AND ") + ";\n"
                + "    END IF;\n"
                + "    GET DIAGNOSTICS changed = ROW_COUNT;\n"
                + "    done := done + batch;\n"
                + "    copied := copied + changed;\n"
                + "    last_key := upto;\n"
                + "    COMMIT;\n"
                + "    RAISE NOTICE 'backfill " + escapeForRaise(what) + ": % of % rows (%), % copied', done, total, "
                + "(CASE WHEN total = 0 THEN 100 ELSE least(100, done * 100 / total) END) || '%', copied;\n"
                + "    PERFORM pg_sleep(" + pause + ");\n"
                + "  END LOOP;\n"
                + "END\n"
                + QUOTE);
    }

    /** A literal inside RAISE's format: its quotes doubled, its percent signs too. */
    private static String escapeForRaise(String text) {
        return text.replace("'", "''").replace("%", "%%");
    }

    private static String cast(String value, Column from, Column to) {
        return from.type().equals(to.type()) ? value : value + "::" + to.type();
    }

    private static String function(Change.Move m) {
        return quoteQualified(sibling(m.table(), m.trigger())) + "()";
    }

    private static String alter(Change.Move m) {
        return "ALTER TABLE " + quoteQualified(m.table()) + " ";
    }
}
