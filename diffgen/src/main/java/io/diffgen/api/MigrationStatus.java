package io.diffgen.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;

import java.sql.Connection;
import java.util.List;

/**
 * Where a database stands against the migrations, for health checks and dashboards. {@code ahead}:
 * revisions a newer version of the migrations applied after all of these (a rolling deploy, an
 * application rolled back), oldest first; then {@code current} is the newest of them, nothing is
 * pending, and the database counts as up to date for this version. {@code contractPending}: the
 * contracts of expand/contract pairs whose expand has run, which {@code diffgen contract} runs after
 * the deploy; they are pending, but the new version already works with the database, so it counts as
 * up to date.
 */
public record MigrationStatus(List<String> current, List<String> heads, List<String> pending, boolean upToDate, List<String> ahead,
                              List<String> contractPending) {
    public MigrationStatus {
        current = List.copyOf(current);
        heads = List.copyOf(heads);
        pending = List.copyOf(pending);
        ahead = List.copyOf(ahead);
        contractPending = List.copyOf(contractPending);
    }

    public static MigrationStatus of(Connection connection, MigrationsDirectory migrations) {
        RevisionGraph graph = migrations.graph();
        RevisionRunner.Standing standing = new RevisionRunner(connection, migrations, graph).standing();
        List<String> newer = standing.newer();
        if (!newer.isEmpty()) {
            return new MigrationStatus(List.of(newer.get(newer.size() - 1)), graph.heads(), List.of(), true, newer, List.of());
        }
        List<String> pending = graph.upgradePlan("heads", standing.applied());
        List<String> contracts = graph.contractsReady(standing.applied());
        return new MigrationStatus(standing.current(), graph.heads(), pending, graph.onlyContractsPending(standing.applied()), List.of(), contracts);
    }

    /** {@code {"current":[...],"heads":[...],"pending":[...],"upToDate":true,"ahead":[],"contractPending":[]}} */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson writes a record's components in declaration order, which is the documented shape. */
    private static final ObjectMapper JSON = new ObjectMapper();
}
