package io.diffgen.cli;

import io.diffgen.command.RevisionWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
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
        Path written = RevisionWriter.merge(migrations(), revisions, message, revId, common().scriptTimeouts(), this::tell);
        out().println("Generating " + written.toAbsolutePath() + " ...  done");
        return 0;
    }
}
