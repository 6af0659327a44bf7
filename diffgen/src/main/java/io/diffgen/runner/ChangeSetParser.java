package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionScript;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A revision script's changesets, parsed by Liquibase exactly as stock Liquibase parses them (so
 * checksums and file paths are Liquibase's own), once per revision.
 */
public final class ChangeSetParser {
    /** Liquibase's own changeset line (AbstractFormattedChangeLogParser, which reads a line at a time), narrowed to diffgen's author; the id may be quoted. */
    private static final Pattern CHANGESET = Pattern.compile("(?m)^[ \\t]*--[ \\t]*(?i:changeset)[ \\t]+(\"?)" + Pattern.quote(RevisionScript.AUTHOR)
            + "\\1:[ \\t]*(\"[^\"]+\"|\\S+)");

    private final MigrationsDirectory migrations;
    private final ResourceAccessor resources;
    private final PostgresDatabase database = new PostgresDatabase();
    private final Map<String, List<ChangeSet>> parsed = new HashMap<>();

    ChangeSetParser(MigrationsDirectory migrations) {
        this.migrations = migrations;
        try {
            this.resources = new DirectoryResourceAccessor(migrations.root().toAbsolutePath().normalize());
        } catch (FileNotFoundException e) {
            throw new DiffgenException(ErrorCode.REVISION, "no migrations folder at " + migrations.root(), e);
        }
    }

    /** The parsed changesets of a revision; the first is the revision's main changeset. */
    List<ChangeSet> changeSets(Revision revision) {
        return parsed.computeIfAbsent(revision.id(), id -> parse(revision));
    }

    private List<ChangeSet> parse(Revision revision) {
        Path path = revision.path().orElseThrow(() -> new IllegalStateException("revision " + revision.id() + " has no file"));
        String relative = migrations.root().toAbsolutePath().normalize()
                .relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
        DatabaseChangeLog log;
        try {
            log = ChangeLogParserFactory.getInstance().getParser(relative, resources)
                    .parse(relative, new ChangeLogParameters(database), resources);
        } catch (LiquibaseException e) {
            throw new DiffgenException(ErrorCode.REVISION, revision.location() + ": cannot parse: " + Failures.rootMessage(e), e);
        }
        List<ChangeSet> sets = log.getChangeSets();
        if (sets.isEmpty() || !sets.get(0).getId().equals(revision.id())) {
            throw new DiffgenException(ErrorCode.REVISION, revision.location() + ": the first changeset must have id "
                    + revision.id() + " (the header's Revision)");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ChangeSet cs : sets) {
            if (!seen.add(cs.getAuthor() + ":" + cs.getId())) {
                throw new DiffgenException(ErrorCode.REVISION, revision.location() + ": changeset " + cs.getAuthor() + ":" + cs.getId()
                        + " appears twice; give each changeset of a revision its own id (" + revision.id() + ".2, ...)");
            }
            refuseSplitDollarQuotes(revision, cs);
        }
        return List.copyOf(sets);
    }

    /**
     * A function body in dollar quotes ({@code AS $$ ... ; ... $$}) in a changeset that Liquibase splits
     * at each semicolon: the online run (and stock Liquibase) would send half a statement, where psql
     * reads the {@code --sql} script whole; refused in both, with the fix, so that they agree.
     */
    private static void refuseSplitDollarQuotes(Revision revision, ChangeSet cs) {
        java.util.stream.Stream.concat(cs.getChanges().stream(), cs.getRollback().getChanges().stream())
                .filter(c -> c instanceof liquibase.change.AbstractSQLChange sql && sql.isSplitStatements()
                        && sql.getSql() != null && io.diffgen.revision.RevisionScript.DOLLAR_QUOTE.matcher(sql.getSql()).find())
                .findFirst().ifPresent(c -> {
                    throw new DiffgenException(ErrorCode.REVISION, revision.location() + ": changeset " + cs.getId()
                            + " has a dollar-quoted body ($$ ... $$), which Liquibase would split at its semicolons: add "
                            + "splitStatements:false to its --changeset line (and keep one statement per changeset there)");
                });
    }

    /** Parses every revision script, as an upgrade would; the first that Liquibase cannot read fails, naming its file. */
    public static int parseAll(MigrationsDirectory migrations, io.diffgen.revision.RevisionGraph graph) {
        ChangeSetParser parser = new ChangeSetParser(migrations);
        int changeSets = 0;
        for (Revision revision : graph.topological()) {
            changeSets += parser.changeSets(revision).size();
        }
        return changeSets;
    }

    /**
     * A script's changeset ids, read from its {@code --changeset} lines rather than parsed: {@code current},
     * {@code status} and the health checks only compare ids with DATABASECHANGELOG, and must not pay for
     * starting Liquibase's parser. Whatever runs or verifies a script parses it with {@link #changeSets}.
     */
    static List<String> ids(Revision revision) {
        List<String> ids = new ArrayList<>();
        Matcher m = CHANGESET.matcher(MigrationsDirectory.read(revision.path().orElseThrow()));
        while (m.find()) {
            ids.add(m.group(2).replaceAll("^\"(.*)\"$", "$1"));
        }
        return ids;
    }
}
