package io.diffgen.cli;

import io.diffgen.postgres.LocalPostgres;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;


@Command(name = "db", description = "The project's local PostgreSQL (used when no --url or DATABASE_URL is given): start, stop, status, url.")
final class DbCommand extends DiffgenCommand {
    /** Lower case, as typed. */
    enum Action { start, stop, status, url }

    @Parameters(arity = "1", paramLabel = "ACTION", description = "${COMPLETION-CANDIDATES}")
    Action action;

    @Override
    public Integer call() {
        LocalPostgres local = LocalPostgres.forProject(common().migrations);
        switch (action) {
            case start, url -> out().println(local.ensureRunning());
            case stop -> err().println(local.stop() ? "stopped" : "not running");
            case status -> {
                LocalPostgres.Status status = local.status();
                if (!status.running()) {
                    out().println("not running");
                    return 1;
                }
                out().println("running (pid " + status.pid().orElseThrow() + ")"
                        + status.port().map(p -> ", " + local.url(p)).orElse(", not answering yet"));
            }
        }
        return 0;
    }
}
