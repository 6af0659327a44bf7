package io.diffgen.cli;

import io.diffgen.command.RevisionWriter;
import io.diffgen.DiffgenException;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

@Command(name = "merge", description = "Write a merge revision (no statements) joining REVS: 'heads', or two or more revisions.")
final class MergeCommand extends DiffgenCommand {
    @Parameters(arity = "1..*", paramLabel = "REVS")
    List<String> revisions;

    @Option(names = {"-m", "--message"}, required = true)
    String message;

    @Option(names = "--rev-id")
    String revId;

    @Override
    public Integer call() {
        MigrationsDirectory migrations = parent.common.migrationsDirectory();
        var err = spec.commandLine().getErr();
        return migrations.whileWritingRevisions(() -> merge(migrations), line -> {
            err.println(line);
            err.flush();
        });
    }

    private int merge(MigrationsDirectory migrations) {
        RevisionGraph graph = migrations.graph();
        LinkedHashSet<String> parents = new LinkedHashSet<>();
        for (String r : revisions) {
            if (r.equals("heads")) parents.addAll(graph.heads());
            else parents.add(graph.resolveId(r));
        }
        if (parents.size() < 2) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "nothing to merge: " + (parents.isEmpty() ? "no revisions"
                    : "only " + String.join(", ", parents)) + " (a merge needs two or more heads)");
        }
        String text = RevisionWriter.message(message);
        String id = RevisionWriter.newId(graph, revId);
        Path written = RevisionWriter.write(migrations, id, new ArrayList<>(parents), text, List.of(), List.of(), common().scriptTimeouts());
        spec.commandLine().getOut().println("Generating " + written.toAbsolutePath() + " ...  done");
        return 0;
    }
}
