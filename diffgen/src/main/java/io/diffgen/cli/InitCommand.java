package io.diffgen.cli;

import io.diffgen.command.Init;
import picocli.CommandLine.Command;


@Command(name = "init", description = "Bring a database under diffgen: create it when missing and upgrade it to head; "
        + "upgrade an empty or tracked one; stamp at head one whose tables match the entities exactly; refuse any other.")
final class InitCommand extends DiffgenCommand {
    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        Init.Outcome outcome = Init.run(parent.common.settings(), parent.common.migrationsDirectory(), parent.common.targetUrl(), err::println);
        if (!outcome.stamped() && outcome.upgraded().isEmpty()) {
            err.println("Already at " + outcome.head() + " (head): nothing to do");
        }
        spec.commandLine().getOut().println(outcome.head() + " (head)");
        return 0;
    }
}
