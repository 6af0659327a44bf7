package io.diffgen.revision;

import io.diffgen.diff.Change;
import io.diffgen.lint.Diagnostic;
import io.diffgen.render.SqlRenderer;

import java.nio.file.Path;
import java.util.ArrayList;
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
 * locks while they read the table).
 */
public final class RevisionScript {
    public static final String AUTHOR = "diffgen";
    private static final Pattern HEADER = Pattern.compile("^-- (Revision|Revises|Create Date|Message): ?(.*)$");

    private RevisionScript() {
    }

    /** The complete text of a revision script. */
    public static String render(Revision revision, String fileName, List<Change> upgrade, List<Change> downgrade,
                                List<Diagnostic> warnings) {
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
        if (transactional.isEmpty()) {
            out.append("SELECT 1 /* ").append(revision.isMerge() ? "merge point" : "no schema change").append(" */;\n");
        }
        for (Change c : transactional) {
            for (String sql : SqlRenderer.render(c)) {
                out.append(sql).append(";\n");
            }
        }
        if (transactionalDown.isEmpty()) {
            out.append("--rollback SELECT 1;\n");
        }
        for (Change c : transactionalDown) {
            for (String sql : SqlRenderer.render(c)) {
                for (String line : (sql + ";").split("\n")) {
                    out.append("--rollback ").append(line).append('\n');
                }
            }
        }
        int n = 2;
        for (Change c : later) {
            out.append('\n').append("--changeset ").append(AUTHOR).append(':').append(revision.id()).append('.').append(n++)
                    .append(logical).append(isConcurrent(c) ? " runInTransaction:false" : "").append('\n');
            out.append("--comment: ").append(c.summary()).append('\n');
            for (String sql : SqlRenderer.render(c)) {
                out.append(sql).append(";\n");
            }
            List<String> undo = SqlRenderer.render(c.inverse());
            if (undo.isEmpty()) {
                out.append("--rollback SELECT 1 /* nothing to undo */;\n");
            }
            for (String sql : undo) {
                out.append("--rollback ").append(sql).append(";\n");
            }
        }
        return out.toString();
    }

    /** The path recorded in DATABASECHANGELOG, the same whichever tool runs the file. */
    public static String logicalPath(String fileName) {
        return "migrations/versions/" + fileName;
    }

    /** Changes that run after the main changeset, each in a changeset of its own. */
    private static boolean isLater(Change c) {
        return isConcurrent(c) || c instanceof Change.ValidateConstraint || c instanceof Change.SetNotNullValidated
                || c instanceof Change.AttachUnique;
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
