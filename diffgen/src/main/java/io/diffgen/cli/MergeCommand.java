package io.diffgen.cli;

import io.diffgen.DiffgenException;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.revision.RevisionScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

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
        String text = message.strip().replaceAll("\\s+", " ");
        String id = revId != null ? MigrationsDirectory.checkedNewRevisionId(revId, graph) : MigrationsDirectory.newRevisionId(graph);
        Instant now = Instant.now();
        Revision merge = new Revision(id, new ArrayList<>(parents), text, MigrationsDirectory.createDate(now), Optional.empty());
        String fileName = migrations.fileName(now, id, text);
        Path written = migrations.write(fileName, RevisionScript.render(merge, fileName, List.of(), List.of(), List.of()));
        spec.commandLine().getOut().println("Generating " + written.toAbsolutePath() + " ...  done");
        return 0;
    }
}
