package io.diffgen.config;

import io.diffgen.DiffgenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseUrlTest {
    private static final String SECRET = "Sup3rS3cretPw";

    /** The password the URL carries; it has no accessor, by design. */
    private static String password(DatabaseUrl url) {
        try {
            Field f = DatabaseUrl.class.getDeclaredField("password");
            f.setAccessible(true);
            return (String) f.get(url);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** url, expected jdbcUrl, expected user, expected password, expected toString */
    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("postgresql://alice:" + SECRET + "@db.example.com:5432/shop",
                        "jdbc:postgresql://db.example.com:5432/shop", "alice", SECRET, "postgresql://alice@db.example.com:5432/shop"),
                Arguments.of("postgres://alice:" + SECRET + "@db.example.com/shop",
                        "jdbc:postgresql://db.example.com/shop", "alice", SECRET, "postgresql://alice@db.example.com/shop"),
                Arguments.of("postgresql+psycopg2://alice:" + SECRET + "@localhost:6543/shop",
                        "jdbc:postgresql://localhost:6543/shop", "alice", SECRET, "postgresql://alice@localhost:6543/shop"),
                Arguments.of("postgresql+psycopg://alice:" + SECRET + "@h/shop",
                        "jdbc:postgresql://h/shop", "alice", SECRET, "postgresql://alice@h/shop"),
                Arguments.of("postgresql+pg8000://alice:" + SECRET + "@h/shop",
                        "jdbc:postgresql://h/shop", "alice", SECRET, "postgresql://alice@h/shop"),
                Arguments.of("postgresql+asyncpg://alice:" + SECRET + "@db:5432/shop?ssl=require",
                        "jdbc:postgresql://db:5432/shop?sslmode=require", "alice", SECRET, "postgresql://alice@db:5432/shop"),
                Arguments.of("postgresql+asyncpg://alice:" + SECRET + "@db/shop?ssl=require&connect_timeout=5",
                        "jdbc:postgresql://db/shop?sslmode=require&connect_timeout=5", "alice", SECRET, "postgresql://alice@db/shop"),
                Arguments.of("jdbc:postgresql://db:5432/shop?user=alice&password=" + SECRET,
                        "jdbc:postgresql://db:5432/shop", "alice", SECRET, "postgresql://alice@db:5432/shop"),
                Arguments.of("jdbc:postgresql://db:5432/shop?user=alice&password=" + SECRET + "&sslmode=require&ApplicationName=x",
                        "jdbc:postgresql://db:5432/shop?sslmode=require&ApplicationName=x", "alice", SECRET, "postgresql://alice@db:5432/shop"),
                Arguments.of("jdbc:postgresql://db/shop?password=" + SECRET,
                        "jdbc:postgresql://db/shop", null, SECRET, "postgresql://db/shop"),
                Arguments.of("jdbc:postgresql://db/shop",
                        "jdbc:postgresql://db/shop", null, null, "postgresql://db/shop"),
                // percent-encoded user and password
                Arguments.of("postgresql://al%40ice:p%40ss%2Fw%3Ard@h:5432/db",
                        "jdbc:postgresql://h:5432/db", "al@ice", "p@ss/w:rd", "postgresql://al@ice@h:5432/db"),
                Arguments.of("postgresql://bob:p%40ss@h/db", "jdbc:postgresql://h/db", "bob", "p@ss", "postgresql://bob@h/db"),
                Arguments.of("jdbc:postgresql://h/db?user=b%C3%B6b&password=p%40ss",
                        "jdbc:postgresql://h/db", "b\u00f6b", "p@ss", "postgresql://b\u00f6b@h/db"),
                // a literal + in a password is a plus, not a space
                Arguments.of("postgresql://bob:a+b" + SECRET + "@h/db", "jdbc:postgresql://h/db", "bob", "a+b" + SECRET, "postgresql://bob@h/db"),
                // IPv6
                Arguments.of("postgresql://u:" + SECRET + "@[::1]:5433/db", "jdbc:postgresql://[::1]:5433/db", "u", SECRET, "postgresql://u@[::1]:5433/db"),
                Arguments.of("postgresql://u:" + SECRET + "@[2001:db8::7]/db", "jdbc:postgresql://[2001:db8::7]/db", "u", SECRET,
                        "postgresql://u@[2001:db8::7]/db"),
                // default host
                Arguments.of("postgresql:///db", "jdbc:postgresql://localhost/db", null, null, "postgresql://localhost/db"),
                Arguments.of("postgresql://alice@/db", "jdbc:postgresql://localhost/db", "alice", null, "postgresql://alice@localhost/db"),
                Arguments.of("postgresql://alice:" + SECRET + "@:6000/db", "jdbc:postgresql://localhost:6000/db", "alice", SECRET,
                        "postgresql://alice@localhost:6000/db"),
                // query parameters are kept
                Arguments.of("postgresql://u:" + SECRET + "@h/db?sslmode=verify-full&application_name=app",
                        "jdbc:postgresql://h/db?sslmode=verify-full&application_name=app", "u", SECRET, "postgresql://u@h/db"),
                // database names are percent-encoded for JDBC
                Arguments.of("postgresql://u@h/my%20db", "jdbc:postgresql://h/my%20db", "u", null, "postgresql://u@h/my db"),
                // surrounding white space (a trailing newline from a secrets file) is ignored
                Arguments.of("  postgresql://u:" + SECRET + "@h/db\n", "jdbc:postgresql://h/db", "u", SECRET, "postgresql://u@h/db"));
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @MethodSource("accepted")
    void parsesAcceptedForms(String url, String jdbc, String user, String password, String display) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        assertEquals(jdbc, parsed.jdbcUrl());
        assertEquals(user, parsed.user());
        assertEquals(password, password(parsed));
        assertEquals(display, parsed.toString());
        if (password != null) {
            assertFalse(parsed.toString().contains(password), "toString must not show the password: " + parsed);
        }
        assertFalse(parsed.toString().contains(SECRET), "toString must not show the password: " + parsed);
    }

    @Test
    void userWithoutPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://alice@h/db");
        assertEquals("alice", url.user());
        assertNull(password(url));
    }

    @Test
    void emptyPasswordIsEmptyNotMissing() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://alice:@h/db");
        assertEquals("alice", url.user());
        assertEquals("", password(url));
        assertEquals("postgresql://alice@h/db", url.toString());
    }

    // ------------------------------------------------------------------ malformed

    /** url, expected message */
    static Stream<Arguments> rejected() {
        String noDbPy = " (expected postgresql://user:pass@host:port/dbname)";
        String noDbJdbc = " (expected jdbc:postgresql://host:port/dbname)";
        String unsupported = " (expected postgresql://user:pass@host:port/db or jdbc:postgresql://host:port/db; in a password, "
                + "percent-encode '/' as %2F, ':' as %3A and '@' as %40)";
        return Stream.of(
                Arguments.of("", "the database URL is empty"),
                Arguments.of("   ", "the database URL is empty"),
                Arguments.of("mysql://u:" + SECRET + "@h/db", "unsupported database URL mysql://u:***@h/db" + unsupported),
                Arguments.of("mysql://u:p@h/db", "unsupported database URL mysql://u:***@h/db" + unsupported),
                Arguments.of("postgresql://u:" + SECRET + "@host:99999/db", "bad port 99999 in database URL postgresql://u:***@host:99999/db"),
                Arguments.of("postgresql://u:" + SECRET + "@host:0/db", "bad port 0 in database URL postgresql://u:***@host:0/db"),
                Arguments.of("postgresql://u:" + SECRET + "@host:123456/db", "unsupported database URL postgresql://u:***@host:123456/db" + unsupported),
                Arguments.of("postgresql://u:" + SECRET + "@host:5432", "no database name in database URL postgresql://u:***@host:5432" + noDbPy),
                Arguments.of("postgresql://u:" + SECRET + "@host/", "no database name in database URL postgresql://u:***@host/" + noDbPy),
                Arguments.of("postgres://u:" + SECRET + "@host", "no database name in database URL postgres://u:***@host" + noDbPy),
                Arguments.of("postgresql+psycopg2://u:" + SECRET + "@host:5432/",
                        "no database name in database URL postgresql+psycopg2://u:***@host:5432/" + noDbPy),
                Arguments.of("postgresql+psycopg://u:" + SECRET + "@host",
                        "no database name in database URL postgresql+psycopg://u:***@host" + noDbPy),
                Arguments.of("postgresql+pg8000://u:" + SECRET + "@host:5432/",
                        "no database name in database URL postgresql+pg8000://u:***@host:5432/" + noDbPy),
                Arguments.of("postgresql+asyncpg://u:" + SECRET + "@host?ssl=require",
                        "no database name in database URL postgresql+asyncpg://u:***@host?ssl=require" + noDbPy),
                Arguments.of("jdbc:postgresql://host:5432/?user=u&password=" + SECRET,
                        "no database name in database URL jdbc:postgresql://host:5432/?user=u&password=***" + noDbJdbc),
                Arguments.of("jdbc:postgresql://host:5432?user=u&password=" + SECRET,
                        "no database name in database URL jdbc:postgresql://host:5432?user=u&password=***" + noDbJdbc),
                Arguments.of("jdbc:postgresql:", "unsupported database URL jdbc:postgresql:" + unsupported),
                Arguments.of("jdbc:postgresql:db?password=" + SECRET, "unsupported database URL jdbc:postgresql:db?password=***" + unsupported),
                Arguments.of("jdbc:mysql://h/db?password=" + SECRET, "unsupported database URL jdbc:mysql://h/db?password=***" + unsupported),
                Arguments.of("postgresql://u:%zz@h/db", "bad percent-encoding in the database URL's password"),
                Arguments.of("postgresql://u:%zz" + SECRET + "@h/db", "bad percent-encoding in the database URL's password"),
                Arguments.of("postgresql://%zz:" + SECRET + "@h/db", "bad percent-encoding in the database URL's user name"),
                Arguments.of("postgresql://u:" + SECRET + "@h/d%zzb", "bad percent-encoding in the database URL's database name"),
                Arguments.of("jdbc:postgresql://h/db?user=u&password=%zz" + SECRET, "bad percent-encoding in the database URL's password"),
                Arguments.of("host=h dbname=db password=" + SECRET, "unsupported database URL host=h dbname=db password=***" + unsupported),
                Arguments.of("postgresql://u:" + SECRET + "/x@h:5/db", "unsupported database URL postgresql://u:***@h:5/db" + unsupported),
                Arguments.of("postgresql:///db?host=/run/pg", "unix-socket connections (host=/run/pg) are not supported: the PostgreSQL "
                        + "JDBC driver speaks TCP only; use a host name or 127.0.0.1 in postgresql:///db?host=/run/pg"));
    }

    @ParameterizedTest(name = "[{index}] <{0}>")
    @MethodSource("rejected")
    void rejectsMalformedWithAOneLineUsageErrorWithoutThePassword(String url, String message) {
        DiffgenException e = assertThrows(DiffgenException.class, () -> DatabaseUrl.parse(url));
        assertEquals(DiffgenException.ErrorCode.USAGE, e.code());
        assertEquals(message, e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.getMessage().contains("%zz" + SECRET), e.getMessage());
    }

    @Test
    void nullIsEmpty() {
        DiffgenException e = assertThrows(DiffgenException.class, () -> DatabaseUrl.parse(null));
        assertEquals(DiffgenException.ErrorCode.USAGE, e.code());
        assertEquals("the database URL is empty", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://u:Sup3r@S3cretPw@h/db",          // an '@' left unencoded in the password
            "postgres://u:Sup3r@S3cretPw@h:5432/db",
    })
    void unencodedAtInPasswordIsNotPartlyPrinted(String url) {
        DiffgenException e = assertThrows(DiffgenException.class, () -> DatabaseUrl.parse(url));
        assertEquals(DiffgenException.ErrorCode.USAGE, e.code());
        assertFalse(e.getMessage().contains("S3cretPw"), e.getMessage());
    }

    @Test
    void jdbcUrlWithUserInfoNeverShowsThePassword() {
        String url = "jdbc:postgresql://alice:" + SECRET + "@db:5432/shop";
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(url);
        } catch (DiffgenException e) {
            // rejecting the form is fine, as long as the message hides the password
            assertEquals(DiffgenException.ErrorCode.USAGE, e.code());
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
            return;
        }
        assertFalse(parsed.toString().contains(SECRET), "toString shows the password: " + parsed);
    }

    /**
     * A raw '/' (or ':') in a JDBC URL's password: the user info runs to the last '@', so the password
     * is neither taken for the host and database (and printed as them) nor passed on to the driver.
     */
    @Test
    void aRawSlashInAJdbcPasswordStaysInThePassword() {
        DatabaseUrl parsed = DatabaseUrl.parse("jdbc:postgresql://u1:zz/y:y@127.0.0.1:55640/dgtest?sslmode=disable");
        assertEquals("jdbc:postgresql://127.0.0.1:55640/dgtest?sslmode=disable", parsed.jdbcUrl());
        assertEquals("u1", parsed.user());
        assertEquals("postgresql://u1@127.0.0.1:55640/dgtest", parsed.toString());
        assertFalse(parsed.toString().contains("zz"), parsed.toString());
    }

    // ------------------------------------------------------------------ mask

    @Test
    void maskHidesPasswordsInEveryForm() {
        assertEquals("postgresql://u:***@h/db", DatabaseUrl.mask("postgresql://u:" + SECRET + "@h/db"));
        assertEquals("postgresql+asyncpg://u:***@h:5432/db?ssl=require",
                DatabaseUrl.mask("postgresql+asyncpg://u:" + SECRET + "@h:5432/db?ssl=require"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***&sslmode=require",
                DatabaseUrl.mask("jdbc:postgresql://h/db?user=u&password=" + SECRET + "&sslmode=require"));
        assertEquals("jdbc:postgresql://h/db?PASSWORD=***", DatabaseUrl.mask("jdbc:postgresql://h/db?PASSWORD=" + SECRET));
        assertEquals("postgresql://:***@h/db", DatabaseUrl.mask("postgresql://:" + SECRET + "@h/db"));
        // a libpq key/value string, spaced around '=' or quoted
        assertEquals("host=h dbname=db user=u password = ***", DatabaseUrl.mask("host=h dbname=db user=u password = " + SECRET));
        assertEquals("host=h password=*** dbname=db", DatabaseUrl.mask("host=h password='" + SECRET + " x' dbname=db"));
    }

    @Test
    void maskLeavesUrlsWithoutPasswordAlone() {
        assertEquals("postgresql://u@h/db", DatabaseUrl.mask("postgresql://u@h/db"));
        assertEquals("postgresql://h:5432/db", DatabaseUrl.mask("postgresql://h:5432/db"));
        assertEquals("jdbc:postgresql://h:5432/db?user=u", DatabaseUrl.mask("jdbc:postgresql://h:5432/db?user=u"));
        assertEquals("postgresql://[::1]:5432/db", DatabaseUrl.mask("postgresql://[::1]:5432/db"));
    }
}
