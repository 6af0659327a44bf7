package io.diffgen.api;

import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Where a database stands against the migrations, for health checks and dashboards. */
public record MigrationStatus(List<String> current, List<String> heads, List<String> pending, boolean upToDate) {
    public MigrationStatus {
        current = List.copyOf(current);
        heads = List.copyOf(heads);
        pending = List.copyOf(pending);
    }

    public static MigrationStatus of(Connection connection, MigrationsDirectory migrations) {
        RevisionGraph graph = migrations.graph();
        RevisionRunner runner = new RevisionRunner(connection, migrations, graph);
        Set<String> applied = runner.applied();
        List<String> current = runner.current();
        List<String> pending = graph.upgradePlan("heads", applied);
        return new MigrationStatus(current, graph.heads(), pending, pending.isEmpty());
    }

    /** {@code {"current":[...],"heads":[...],"pending":[...],"upToDate":true}} */
    public String toJson() {
        return "{\"current\":" + array(current) + ",\"heads\":" + array(heads) + ",\"pending\":" + array(pending)
                + ",\"upToDate\":" + upToDate + "}";
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
