package io.diffgen.cli;

import io.diffgen.DiffgenException;
import io.diffgen.report.Finding;
import io.diffgen.report.Format;
import io.diffgen.report.Report;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

@Command(name = "preflight", description = "Run the data checks of the revisions an upgrade to TARGET (default head) would apply: "
        + "the rows already in the database that a new UNIQUE, FK, NOT NULL (or NOT NULL column without a default), CHECK or narrower type would reject. "
        + "Changes nothing; exit 1 when a check fails.")
final class PreflightCommand extends DiffgenCommand {
    @Parameters(arity = "0..1", defaultValue = "head", paramLabel = "TARGET")
    String target;

    @Mixin
    FormatOption format;

    /** The contracts that upgrade leaves for after the deploy, which this preflight did not check. */
    private static String heldContracts(RevisionGraph graph, java.util.Set<String> applied, List<RevisionRunner.DataReport> reports) {
        java.util.Set<String> checked = new java.util.HashSet<>(applied);
        reports.forEach(r -> checked.add(r.revision().id()));
        List<String> held = graph.topological().stream().filter(r -> r.isContract() && !checked.contains(r.id())).map(Revision::id).toList();
        return held.isEmpty() ? "" : "; contract " + String.join(", ", held) + " comes after the deploy, and 'diffgen contract' checks its "
                + "data before it changes anything";
    }

    @Override
    public Integer call() throws Exception {
        Format f = format.format();
        return reporting(f, "preflight", () -> preflight(f));
    }

    private Integer preflight(Format f) throws java.sql.SQLException {
        MigrationsDirectory migrations = migrations();
        RevisionGraph graph = migrations.graph();
        List<RevisionRunner.DataReport> reports;
        java.util.Set<String> applied;
        try (Connection c = common().connect()) {
            RevisionRunner runner = common().runner(c, migrations, graph, spec);
            reports = runner.preflight(target);
            applied = runner.applied();
        }
        List<Finding> findings = new ArrayList<>();
        int failed = 0;
        for (RevisionRunner.DataReport r : reports) {
            String id = r.revision().id();
            Optional<Path> file = r.revision().path();
            for (RevisionRunner.DataReport.Failed v : r.violations()) {
                findings.add(at(file, Finding.of(Finding.Kind.DATA_CHECK, v.check(), Finding.Severity.ERROR, id + ": " + v.line()),
                        "--precondition-sql-check", "AS \"" + v.check().replace("\"", "\"\"") + "\""));
                failed++;
            }
            for (String line : r.unfinished()) {
                findings.add(at(file, Finding.of(Finding.Kind.DATA_CHECK, id, Finding.Severity.ERROR,
                        id + ": did not finish within the timeouts: " + line), "--precondition-sql-check", ""));
                failed++;
            }
            for (String line : r.notRun()) {
                findings.add(at(file, Finding.of(Finding.Kind.DATA_CHECK, id, Finding.Severity.NOTE,
                        id + ": not run (it may need an earlier pending revision): " + line), "--precondition-sql-check", ""));
            }
        }
        String summary = failed > 0 ? failed + " data check(s) failed: an upgrade would stop before changing anything"
                : (reports.isEmpty() ? "Nothing to upgrade: no data check to run" : "Data checks passed for " + reports.size() + " pending revision(s)")
                        + heldContracts(graph, applied, reports);
        if (f != Format.TEXT) {
            print(new Report("preflight", failed == 0, summary, findings), f);
        } else {
            findings.forEach(x -> out().println(x.message()));
            out().println(summary);
        }
        if (failed > 0) {
            DiffgenException differ = new DiffgenException(DiffgenException.ErrorCode.DIFFERENCES, failed + " data check(s) failed");
            throw f == Format.TEXT ? differ : new Reported(differ);
        }
        return 0;
    }

    /** The finding on the revision's line that carries the check: the first precondition line holding {@code name}. */
    private static Finding at(Optional<Path> file, Finding finding, String prefix, String name) {
        return file.map(p -> finding.at(shown(p), lineOf(p, l -> l.startsWith(prefix) && l.contains(name)))).orElse(finding);
    }
}
