package io.diffgen.cli;

import io.diffgen.command.Init;
import picocli.CommandLine.Command;


@Command(name = "init", description = "Bring a database under diffgen: create it when missing and upgrade it to head; "
        + "upgrade an empty or tracked one; stamp at head one whose tables match the entities exactly; refuse any other.")
final class InitCommand extends DiffgenCommand {
    @Override
    public Integer call() {
        Init.Outcome outcome = Init.run(common().settings(), migrations(), common().targetUrl(), this::tell, line -> {
            out().println(line);
            out().flush();
        });
        if (!outcome.stamped() && outcome.upgraded().isEmpty()) {
            err().println("Already at " + outcome.head() + " (head): nothing to do");
        }
        out().println(outcome.head() + " (head)");
        return 0;
    }
}
