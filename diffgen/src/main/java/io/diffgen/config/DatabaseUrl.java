package io.diffgen.config;

import io.diffgen.DiffgenException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL connection target, parsed from the URL forms teams already use. The password is kept
 * apart from everything that is ever printed.
 */
public final class DatabaseUrl {
    private static final Pattern PYTHON_STYLE = Pattern.compile(
            "^(postgresql|postgres|postgresql\\+psycopg2|postgresql\\+psycopg|postgresql\\+asyncpg|postgresql\\+pg8000)://"
                    + "(?:([^:@/?#]*)(?::([^@/?#]*))?@)?"
                    + "(\\[[0-9A-Fa-f:.]+\\]|[^:/?#\\[\\]@]+)?(?::(\\d{1,5}))?"
                    + "(?:/([^?#]*))?(?:\\?([^#]*))?$");
    /** libpq's socket form: {@code host=/path} in the query, or a percent-encoded path as the host. */
    private static final Pattern UNIX_SOCKET = Pattern.compile("[?&]host=((?:/|%2[Ff])[^&]*)|://(?:[^@/]*@)?(%2[Ff][^/:?]*)");
    private static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://([^/?#]*)(?:/([^?#]*))?(?:\\?([^#]*))?$");
    /** {@code user:password@} in a JDBC URL: up to the last '@' before the query, so a raw '/' or ':' in the password stays in it. */
    private static final Pattern JDBC_USER_INFO = Pattern.compile("^jdbc:postgresql://([^?#]*)@([^@?#]*(?:[?#].*)?)$");

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String display;

    private DatabaseUrl(String jdbcUrl, String user, String password, String display) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.display = display;
    }

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw bad("the database URL is empty");
        }
        String trimmed = url.strip();
        Matcher socket = UNIX_SOCKET.matcher(trimmed);
        if (socket.find()) {
            throw bad("unix-socket connections (host=" + (socket.group(1) != null ? socket.group(1) : socket.group(2)) + ") are not supported: the PostgreSQL JDBC driver "
                    + "speaks TCP only; use a host name or 127.0.0.1 in " + mask(trimmed));
        }
        Matcher m = PYTHON_STYLE.matcher(trimmed);
        if (m.matches()) {
            String user = decode(m.group(2), "user name");
            String password = decode(m.group(3), "password");
            String host = m.group(4) == null ? "localhost" : m.group(4);
            String port = m.group(5);
            String db = decode(m.group(6), "database name");
            if (port != null && (Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535)) {
                throw bad("bad port " + port + " in database URL " + mask(trimmed));
            }
            if (db == null || db.isEmpty()) {
                throw bad("no database name in database URL " + mask(trimmed) + " (expected postgresql://user:pass@host:port/dbname)");
            }
            List<String> params = new ArrayList<>();
            if (m.group(7) != null && !m.group(7).isEmpty()) {
                for (String p : m.group(7).split("&")) {
                    // asyncpg spells sslmode as ssl
                    params.add(p.startsWith("ssl=") ? "sslmode=" + p.substring(4) : p);
                }
            }
            String jdbc = "jdbc:postgresql://" + host + (port == null ? "" : ":" + port) + "/"
                    + java.net.URLEncoder.encode(db, StandardCharsets.UTF_8).replace("+", "%20")
                    + (params.isEmpty() ? "" : "?" + String.join("&", params));
            return new DatabaseUrl(jdbc, user, password, display(host, port, db, user));
        }
        // pgjdbc has no user:password@ in its URLs; accept it the way libpq URLs say it
        String userInfo = null;
        Matcher withUser = JDBC_USER_INFO.matcher(trimmed);
        String jdbcWithoutUser = trimmed;
        if (withUser.matches()) {
            userInfo = withUser.group(1);
            jdbcWithoutUser = "jdbc:postgresql://" + withUser.group(2);
        }
        Matcher j = JDBC.matcher(jdbcWithoutUser);
        if (j.matches()) {
            String hostPort = j.group(1);
            String db = j.group(2);
            if (db == null || db.isEmpty()) {
                throw bad("no database name in database URL " + mask(trimmed) + " (expected jdbc:postgresql://host:port/dbname)");
            }
            String user = null;
            String password = null;
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
                password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");
            }
            if (hostPort.isEmpty()) {
                throw bad("no host in database URL " + mask(trimmed));
            }
            List<String> params = new ArrayList<>();
            if (j.group(3) != null && !j.group(3).isEmpty()) {
                for (String p : j.group(3).split("&")) {
                    if (p.startsWith("user=")) user = decode(p.substring(5), "user name");
                    else if (p.startsWith("password=")) password = decode(p.substring(9), "password");
                    else params.add(p);
                }
            }
            String jdbc = "jdbc:postgresql://" + hostPort + "/" + db + (params.isEmpty() ? "" : "?" + String.join("&", params));
            return new DatabaseUrl(jdbc, user, password, display(hostPort, null, db, user));
        }
        throw bad("unsupported database URL " + mask(trimmed)
                + " (expected postgresql://user:pass@host:port/db or jdbc:postgresql://host:port/db; in a password, "
                + "percent-encode '/' as %2F, ':' as %3A and '@' as %40)");
    }

    private static String display(String host, String port, String db, String user) {
        return "postgresql://" + (user == null ? "" : user + "@") + host + (port == null ? "" : ":" + port) + "/" + db;
    }

    private static String decode(String text, String what) {
        if (text == null) return null;
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad("bad percent-encoding in the database URL's " + what);
        }
    }

    /** The URL with any password replaced, for messages. */
    public static String mask(String url) {
        // the password runs to the last '@': a raw '@', '/' or ':' inside it must not leak any of it
        return url.replaceAll("(://[^:@/]*:).*@", "$1***@").replaceAll("(?i)(password\\s*=\\s*)('[^']*'|[^&\\s]*)", "$1***");
    }

    private static DiffgenException bad(String message) {
        return new DiffgenException(DiffgenException.ErrorCode.USAGE, message);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    private static final Pattern JDBC_DATABASE = Pattern.compile("^(jdbc:postgresql://[^/?#]*/)([^?#]*)(.*)$");

    /** The database this URL names. */
    public String databaseName() {
        Matcher m = JDBC_DATABASE.matcher(jdbcUrl);
        return m.matches() ? java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8) : "";
    }

    /** The same server, user and options, another database (for {@code CREATE DATABASE} from {@code postgres}). */
    public DatabaseUrl withDatabase(String name) {
        Matcher m = JDBC_DATABASE.matcher(jdbcUrl);
        if (!m.matches()) {
            throw bad("cannot tell the database name in " + display);
        }
        String encoded = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        String otherDisplay = display.substring(0, display.lastIndexOf('/') + 1) + name;
        return new DatabaseUrl(m.group(1) + encoded + m.group(3), user, password, otherDisplay);
    }

    public String user() {
        return user;
    }

    /** A DataSource on this URL, with another user or password where given (a separate migration user). */
    public javax.sql.DataSource dataSource(String otherUser, String otherPassword) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl(jdbcUrl);
        String u = otherUser != null ? otherUser : user;
        String p = otherPassword != null ? otherPassword : password;
        if (u != null) ds.setUser(u);
        if (p != null) ds.setPassword(p);
        ds.setApplicationName("diffgen");
        return ds;
    }

    /** For printing: no password, ever. */
    @Override
    public String toString() {
        return display;
    }

    public Connection connect() {
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        props.setProperty("ApplicationName", "diffgen");
        props.setProperty("connectTimeout", "10");
        // a server that accepts the connection and then never answers must not hang the command
        props.setProperty("loginTimeout", "20");
        try {
            return DriverManager.getConnection(jdbcUrl, props);
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (password != null && password.length() >= 4) { // a shorter one would mangle ordinary words
                message = message.replace(password, "***");
            }
            throw new DiffgenException(DiffgenException.ErrorCode.DATABASE,
                    "cannot connect to " + display + ": " + message.lines().findFirst().orElse(message), e);
        }
    }
}
