package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;

import java.sql.Connection;

/** Liquibase on one connection, started when first needed: its Database and its DATABASECHANGELOG service. */
final class LiquibaseSession {
    private final Connection connection;
    private Database database;

    LiquibaseSession(Connection connection) {
        this.connection = connection;
    }

    Database database() {
        if (database == null) {
            try {
                database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            } catch (LiquibaseException e) {
                throw new DiffgenException(ErrorCode.DATABASE, "cannot open the database for migrations: " + e.getMessage(), e);
            }
        }
        return database;
    }

    ChangeLogHistoryService history() {
        return liquibase.Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(database());
    }

    /** Liquibase creates DATABASECHANGELOG when it is missing, or upgrades its columns. */
    void initHistory() {
        try {
            history().init();
            database().commit();
        } catch (LiquibaseException e) {
            rollbackQuietly();
            throw new DiffgenException(ErrorCode.DATABASE, "cannot create or update the tracking table DATABASECHANGELOG: "
                    + Failures.rootMessage(e) + " (the user needs CREATE on the schema the first time)", e);
        }
    }

    /**
     * Ends a transaction the caller opened: whatever it did not commit is rolled back first (turning
     * autocommit on would commit it, half done if a failure stopped it), then autocommit is on again.
     */
    void endTransaction() {
        rollbackQuietly();
        try {
            database().setAutoCommit(true);
        } catch (LiquibaseException ignored) {
            // the connection is broken; the caller's next use reports it
        }
    }

    void rollbackQuietly() {
        try {
            database().rollback();
        } catch (LiquibaseException ignored) {
            // nothing else to undo
        }
    }
}
