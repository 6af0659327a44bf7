package io.diffgen.revision;

import io.diffgen.diff.Change;
import io.diffgen.lint.DataCheck;
import io.diffgen.lint.Diagnostic;
import io.diffgen.render.SqlRenderer;

import java.nio.file.Path;
import io.diffgen.snapshot.Identifiers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A revision script: Liquibase formatted SQL, so stock Liquibase and Spring Boot can run it, with an
 * Alembic-style header a reviewer reads first. The main changeset holds the upgrade in one
 * transaction; the second halves of the online forms get changesets of their own after it:
 * {@code CREATE INDEX CONCURRENTLY} (which PostgreSQL cannot run inside a transaction), and the
 * validations, SET NOT NULL and UNIQUE ... USING INDEX (which must not hold the main transaction's
 * locks while they read the table). Every changeset that runs statements, and every rollback, starts
 * by setting {@code lock_timeout} and {@code statement_timeout}, so whichever tool runs the file, no
 * statement queues the table's readers and writers behind it for longer than that. The main changeset
 * carries the revision's {@link DataCheck}s as Liquibase preconditions: counts of the existing rows that
 * a new constraint would reject, all run before anything changes.
 */
public final class RevisionScript {
    public static final String AUTHOR = "diffgen";
    private static final Pattern HEADER = Pattern.compile("^-- (Revision|Revises|Create Date|Message): ?(.*)$");

    private RevisionScript() {
    }

    /**
     * The session settings a script writes at the top of each changeset and rollback: PostgreSQL
     * durations such as {@code 10s}; {@code 0} waits (or runs) without limit.
     */
    public record Timeouts(String lockTimeout, String statementTimeout) {
        public static final Timeouts DEFAULTS = new Timeouts("10s", "0");

        List<String> statements() {
            return List.of("SET lock_timeout = " + Identifiers.literal(lockTimeout),
                    "SET statement_timeout = " + Identifiers.literal(statementTimeout));
        }
    }

    /** The complete text of a revision script, with the default timeouts. */
    public static String render(Revision revision, String fileName, List<Change> upgrade, List<Change> downgrade,
                                List<Diagnostic> warnings) {
        return render(revision, fileName, upgrade, downgrade, warnings, Timeouts.DEFAULTS);
    }

    /** The complete text of a revision script. */
    public static String render(Revision revision, String fileName, List<Change> upgrade, List<Change> downgrade,
                                List<Diagnostic> warnings, Timeouts timeouts) {
        StringBuilder out = new StringBuilder();
        out.append("--liquibase formatted sql\n");
        out.append("-- Revision: ").append(revision.id()).append('\n');
        out.append("-- Revises: ").append(String.join(", ", revision.parents())).append('\n');
        out.append("-- Create Date: ").append(revision.createDate()).append('\n');
        out.append("-- Message: ").append(revision.message()).append('\n');
        out.append("--\n");
        out.append("-- Changes:\n");
        if (upgrade.isEmpty()) {
            out.append("--   (none").append(revision.isMerge() ? ": merge point" : "").append(")\n");
        }
        for (Change c : upgrade) {
            out.append("--   - ").append(c.summary()).append('\n');
        }
        out.append("--\n");
        out.append("-- Warnings:\n");
        if (warnings.isEmpty()) {
            out.append("--   (none)\n");
        }
        for (Diagnostic d : warnings) {
            out.append("--   ").append(d.line()).append('\n');
        }

        List<Change> transactional = upgrade.stream().filter(c -> !isLater(c)).toList();
        List<Change> later = upgrade.stream().filter(RevisionScript::isLater).toList();
        // the inverses of the later changes are those changesets' own rollbacks
        List<Change> transactionalDown = downgrade.stream()
                .filter(c -> !isLater(c) && !isLater(c.inverse())).toList();

        String logical = " logicalFilePath:" + logicalPath(fileName);
        out.append('\n').append("--changeset ").append(AUTHOR).append(':').append(revision.id()).append(logical).append('\n');
        out.append("--comment: ").append(revision.message()).append('\n');
        List<DataCheck> checks = DataCheck.of(upgrade);
        if (!checks.isEmpty()) {
            // WARN on error: a check that cannot run leaves the data to PostgreSQL's own check in the statement
            out.append("--preconditions onFail:HALT onError:WARN\n");
            for (DataCheck check : checks) {
                out.append("--precondition-sql-check expectedResult:0 ").append(check.countQuery()).append('\n');
            }
        }
        List<String> statements = statements(withoutDropsOfDroppedTables(transactional), timeouts);
        if (statements.isEmpty()) {
            out.append("SELECT 1 /* ").append(revision.isMerge() ? "merge point" : "no schema change").append(" */;\n");
        }
        statements.forEach(sql -> out.append(sql).append(";\n"));
        List<String> rollback = statements(withoutDropsOfDroppedTables(transactionalDown), timeouts);
        if (rollback.isEmpty()) {
            out.append("--rollback SELECT 1;\n");
        }
        for (String sql : rollback) {
            for (String line : (sql + ";").split("\n")) {
                out.append("--rollback ").append(line).append('\n');
            }
        }
        int n = 2;
        for (Change c : later) {
            out.append('\n').append("--changeset ").append(AUTHOR).append(':').append(revision.id()).append('.').append(n++)
                    .append(logical).append(isConcurrent(c) ? " runInTransaction:false" : "").append('\n');
            out.append("--comment: ").append(c.summary()).append('\n');
            statements(List.of(c), timeouts).forEach(sql -> out.append(sql).append(";\n"));
            List<String> undo = statements(List.of(c.inverse()), timeouts);
            if (undo.isEmpty()) {
                out.append("--rollback SELECT 1 /* nothing to undo */;\n");
            }
            for (String sql : undo) {
                out.append("--rollback ").append(sql).append(";\n");
            }
        }
        return out.toString();
    }

    /** The changes' SQL, after the timeouts when there is any. */
    private static List<String> statements(List<Change> changes, Timeouts timeouts) {
        List<String> sql = changes.stream().flatMap(c -> SqlRenderer.render(c).stream()).toList();
        if (sql.isEmpty()) {
            return sql;
        }
        List<String> all = new ArrayList<>(timeouts.statements());
        all.addAll(sql);
        return all;
    }

    /**
     * Changes without the index and constraint drops that a later DROP TABLE among them does anyway. An FK
     * drop stays when the table it references is dropped first, which the FK would otherwise block.
     */
    static List<Change> withoutDropsOfDroppedTables(List<Change> changes) {
        Map<String, Integer> droppedAt = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i) instanceof Change.DropTable d) droppedAt.put(d.table().name(), i);
        }
        List<Change> kept = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            Integer tableDropped = droppedAt.get(tableOfDrop(c));
            boolean redundant = tableDropped != null && tableDropped > i;
            if (redundant && c instanceof Change.DropForeignKey fk) {
                Integer referencedDropped = droppedAt.get(fk.key().referencedTable());
                redundant = referencedDropped == null || referencedDropped >= tableDropped;
            }
            if (!redundant) kept.add(c);
        }
        return kept;
    }

    /** The table an index or constraint drop is on; null for other changes. */
    private static String tableOfDrop(Change c) {
        if (c instanceof Change.DropIndex d) return d.table();
        if (c instanceof Change.DropForeignKey d) return d.table();
        if (c instanceof Change.DropUnique d) return d.table();
        if (c instanceof Change.DropCheck d) return d.table();
        if (c instanceof Change.DropPrimaryKey d) return d.table();
        return null;
    }

    /** The path recorded in DATABASECHANGELOG, the same whichever tool runs the file. */
    public static String logicalPath(String fileName) {
        return "migrations/versions/" + fileName;
    }

    /** Changes that run after the main changeset, each in a changeset of its own. */
    private static boolean isLater(Change c) {
        return isConcurrent(c) || c instanceof Change.ValidateConstraint || c instanceof Change.SetNotNullValidated
                || c instanceof Change.AttachUnique || c instanceof Change.AttachPrimaryKey;
    }

    private static boolean isConcurrent(Change c) {
        return c instanceof Change.CreateIndex i && i.concurrently() || c instanceof Change.DropIndex d && d.concurrently();
    }

    /** Reads the header of a script. */
    public static Revision parseHeader(Path path, String content) {
        String id = null;
        String revises = null;
        String date = "";
        String message = null;
        List<String> lines = content.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("--liquibase formatted sql")) {
            throw new RevisionException.BadScript(path.getFileName() + ": not a revision script (the first line must be '--liquibase formatted sql')");
        }
        for (String line : lines.subList(1, lines.size())) {
            if (!line.startsWith("--") || line.startsWith("--changeset")) {
                break;
            }
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                String value = m.group(2).strip();
                switch (m.group(1)) {
                    case "Revision" -> id = value;
                    case "Revises" -> revises = value;
                    case "Create Date" -> date = value;
                    case "Message" -> message = value;
                    default -> throw new IllegalStateException();
                }
            }
        }
        if (id == null || id.isEmpty() || !id.matches("[A-Za-z0-9_]+")) {
            throw new RevisionException.BadScript(path.getFileName() + ": malformed header: missing or invalid '-- Revision:' line");
        }
        if (revises == null) {
            throw new RevisionException.BadScript(path.getFileName() + ": malformed header: missing '-- Revises:' line");
        }
        List<String> parents = new ArrayList<>();
        for (String p : revises.split(",")) {
            if (!p.isBlank()) {
                if (!p.strip().matches("[A-Za-z0-9_]+")) {
                    throw new RevisionException.BadScript(path.getFileName() + ": malformed header: bad parent '" + p.strip() + "'");
                }
                parents.add(p.strip());
            }
        }
        return new Revision(id, parents, message == null ? "" : message, date, Optional.of(path));
    }
}
