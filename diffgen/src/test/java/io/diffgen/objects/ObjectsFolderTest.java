package io.diffgen.objects;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a file's statements end: at a semicolon outside what PostgreSQL reads as one token or comment. */
class ObjectsFolderTest {
    private static List<String> split(String text) {
        return ObjectsFolder.split("objects/x.sql", text).stream().map(s -> s.line() + ": " + s.sql()).toList();
    }

    @Test
    void semicolonsInQuotesDollarQuotesAndCommentsDoNotEndAStatement() {
        assertEquals(List.of("2: CREATE VIEW a AS SELECT 'x;y' AS \"c;d\"", "4: CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$"),
                split("-- first; a comment\nCREATE VIEW a AS SELECT 'x;y' AS \"c;d\";\n/* second; */\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$;\n"));
    }

    @Test
    void anEscapeStringKeepsItsEscapedQuote() {
        assertEquals(List.of("1: CREATE VIEW a AS SELECT E'it\\'s; fine' AS t", "1: COMMENT ON VIEW a IS 'it''s'"),
                split("CREATE VIEW a AS SELECT E'it\\'s; fine' AS t; COMMENT ON VIEW a IS 'it''s';"));
    }

    @Test
    void blockCommentsNest() {
        assertEquals(List.of("1: CREATE VIEW a AS SELECT 1 /* outer /* inner; */ still; */ AS one"),
                split("CREATE VIEW a AS SELECT 1 /* outer /* inner; */ still; */ AS one;"));
    }
}
