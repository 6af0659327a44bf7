package io.diffgen.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** One database on the embedded server, with what a client needs to reach it. */
public record TestDatabase(String name, String host, int port, String user, String password) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** The URL in the form the diffgen CLI and Python tools accept. */
    public String url() {
        return "postgresql://" + user + ":" + password + "@" + host + ":" + port + "/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** Runs SQL statements, each in its own autocommit transaction. */
    public void execute(String... statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A new empty database on the same server. */
    public TestDatabase sibling(String hint) {
        return PostgresServer.createDatabase(hint);
    }
}
