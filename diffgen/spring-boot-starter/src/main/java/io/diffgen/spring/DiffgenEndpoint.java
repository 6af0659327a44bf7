package io.diffgen.spring;

import io.diffgen.api.MigrationStatus;
import io.diffgen.runner.RevisionRunner;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Map;

/**
 * {@code /actuator/diffgen}, in the shape of {@code /actuator/flyway}: for the application context,
 * each migration bean with its revisions (state, when applied, checksum), oldest first, and where the
 * database stands against the heads.
 */
@Endpoint(id = "diffgen")
public class DiffgenEndpoint {
    private final ApplicationContext context;

    public DiffgenEndpoint(ApplicationContext context) {
        this.context = context;
    }

    public record Report(Map<String, ContextReport> contexts) {
    }

    public record ContextReport(Map<String, BeanReport> diffgenBeans, String parentId) {
    }

    public record BeanReport(List<String> current, List<String> heads, List<String> pending, boolean upToDate, List<String> ahead,
                             List<String> contractPending, List<RevisionReport> revisions) {
    }

    public record RevisionReport(String revision, List<String> parents, String description, String script, String state,
                                 String installedOn, String checksum) {
    }

    @ReadOperation
    public Report diffgen() {
        Map<String, BeanReport> beans = new java.util.TreeMap<>();
        context.getBeansOfType(DiffgenMigration.class).forEach((name, migration) -> {
            MigrationStatus status = migration.status();
            List<RevisionReport> revisions = migration.revisions().stream().map(DiffgenEndpoint::report).toList();
            beans.put(name, new BeanReport(status.current(), status.heads(), status.pending(), status.upToDate(), status.ahead(),
                    status.contractPending(), revisions));
        });
        return new Report(Map.of(context.getId(), new ContextReport(beans,
                context.getParent() == null ? null : context.getParent().getId())));
    }

    private static RevisionReport report(RevisionRunner.RevisionState s) {
        return new RevisionReport(s.revision(), s.parents(), s.message(), s.script(), s.state(),
                s.installedOn().map(Object::toString).orElse(null), s.checksum().orElse(null));
    }
}
