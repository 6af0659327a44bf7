package io.diffgen.runner;

import io.diffgen.lint.DataCheck;
import liquibase.changelog.ChangeSet;
import liquibase.precondition.Precondition;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.precondition.core.SqlPrecondition;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A revision's data checks, the {@code --precondition-sql-check}s of its changesets, run on the
 * database as it is before the revision: read-only, in a transaction of their own that is rolled back.
 */
final class Preflight {

    /** One SQL precondition: diffgen's own carry the {@link DataCheck} they were written from, hand-written ones only their SQL. */
    record Check(String sql, String expected, boolean halts, Optional<DataCheck> written) {
        Check(String sql, String expected, boolean halts) {
            this(sql, expected, halts, DataCheck.parse(sql));
        }

        String name() {
            return written.map(DataCheck::name).orElse(sql);
        }

        /** How the rows can be listed, when diffgen wrote the check. */
        String listing() {
            return written.map(c -> "; list them: " + c.listQuery()).orElse("");
        }
    }

    /** A check whose result was not the expected one. */
    record Violation(Check check, String found) {
        String line() {
            return check.name() + ": " + (check.expected().equals("0") && found.matches("\\d+")
                    ? found + " existing row" + (found.equals("1") ? "" : "s") + " would violate it"
                    : "expected " + check.expected() + ", found " + found) + check.listing();
        }
    }

    /**
     * What the checks found: violations; checks that could not run (a table an earlier revision
     * creates, say); and checks that did not finish, cancelled by the statement or lock timeout, which
     * stop the revision as a violation does, since nothing then says its rows are fine.
     */
    record Result(List<Violation> violations, List<String> notRun, List<String> unfinished) {
        boolean passed() {
            return unfinished.isEmpty() && violations.stream().noneMatch(v -> v.check().halts());
        }
    }

    /** PostgreSQL's codes for a statement cancelled by statement_timeout (or a cancel) and by lock_timeout. */
    private static final java.util.Set<String> CANCELLED = java.util.Set.of("57014", "55P03");

    private Preflight() {
    }

    static List<Check> checksOf(List<ChangeSet> changeSets) {
        List<Check> checks = new ArrayList<>();
        for (ChangeSet cs : changeSets) {
            PreconditionContainer container = cs.getPreconditions();
            if (container == null) continue;
            boolean halts = container.getOnFail() == null || container.getOnFail() == PreconditionContainer.FailOption.HALT;
            collect(container.getNestedPreconditions(), halts, checks);
        }
        return checks;
    }

    private static void collect(List<Precondition> nested, boolean halts, List<Check> into) {
        for (Precondition p : nested) {
            if (p instanceof SqlPrecondition sql) {
                into.add(new Check(sql.getSql().strip(), Objects.requireNonNullElse(sql.getExpectedResult(), "").strip(), halts));
            } else if (p instanceof PreconditionContainer inner) {
                collect(inner.getNestedPreconditions(), halts, into);
            }
        }
    }

    static Result run(Connection connection, List<Check> checks) throws SQLException {
        List<Violation> violations = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        if (checks.isEmpty()) {
            return new Result(violations, notRun, unfinished);
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (Check check : checks) {
                try (var s = connection.createStatement()) {
                    s.execute("SAVEPOINT diffgen_check");
                    try (var rs = s.executeQuery(check.sql())) {
                        String found = rs.next() ? Objects.toString(rs.getString(1), "NULL") : "no row";
                        if (!found.equals(check.expected())) {
                            violations.add(new Violation(check, found));
                        }
                    } catch (SQLException e) {
                        s.execute("ROLLBACK TO SAVEPOINT diffgen_check");
                        (CANCELLED.contains(e.getSQLState()) ? unfinished : notRun).add(check.name() + ": " + Failures.oneLine(e.getMessage(), 200));
                    }
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return new Result(violations, notRun, unfinished);
    }
}
