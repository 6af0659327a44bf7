package io.diffgen.cli;

import io.diffgen.command.Erd;
import io.diffgen.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "erd", description = "A Mermaid entity-relationship diagram of the whole schema at REV (default: head), read from a "
        + "throwaway PostgreSQL that replays the migrations; 'show REV --erd' draws only what a revision changes.")
final class ErdCommand extends DiffgenCommand {
    @Parameters(arity = "0..1", defaultValue = "head", paramLabel = "REV")
    String reference;

    @Option(names = "--raw", description = "The diagram alone, without the ```mermaid fence.")
    boolean raw;

    @Override
    public Integer call() {
        var migrations = migrations();
        RevisionGraph graph = migrations.graph();
        String id = graph.resolve(reference, "'erd head'");
        String diagram = Erd.of(migrations, graph, graph.get(id), true);
        out().print(raw ? diagram : fenced(diagram));
        return 0;
    }

    /** As GitHub renders it in a comment or a markdown file. */
    static String fenced(String diagram) {
        return "```mermaid\n" + diagram + "```\n";
    }
}
