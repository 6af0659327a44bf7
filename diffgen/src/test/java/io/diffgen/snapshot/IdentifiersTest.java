package io.diffgen.snapshot;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifiersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // plain lower-case names stay bare
            "customer      | customer",
            "author_id     | author_id",
            "_private      | _private",
            "price$        | price$",
            "t1            | t1",
            // keywords, reserved or not, are quoted
            "order         | \"order\"",
            "user          | \"user\"",
            "type          | \"type\"",
            "timestamp     | \"timestamp\"",
            "select        | \"select\"",
            "name          | \"name\"",
            "value         | \"value\"",
            // anything that is not a plain lower-case name is quoted
            "Foo           | \"Foo\"",
            "FOO           | \"FOO\"",
            "1abc          | \"1abc\"",
            "$x            | \"$x\"",
            "with space    | \"with space\"",
            "caf\u00e9          | \"caf\u00e9\"",
            "a-b           | \"a-b\"",
            // an embedded double quote is doubled
            "say \"hi\"    | \"say \"\"hi\"\"\"",
            "\"            | \"\"\"\"",
    })
    void quote(String identifier, String expected) {
        assertEquals(expected, Identifiers.quote(identifier));
    }

    @Test
    void unquoteUndoesQuoteAlwaysAndLeavesOtherTextAlone() {
        for (String name : new String[] {"order", "Order", "say \"hi\"", "a b", "\""}) {
            assertEquals(name, Identifiers.unquote(Identifiers.quoteAlways(name)), name);
        }
        assertEquals("Order", Identifiers.unquote("Order"));
        assertEquals("\"", Identifiers.unquote("\""), "a lone quote is not a quoted name");
    }

    @Test
    void asReadFoldsUnquotedNamesAsPostgreSqlDoes() {
        assertEquals("sales", Identifiers.asRead("Sales"));
        assertEquals("Sales", Identifiers.asRead("\"Sales\""));
        assertEquals("a\"b", Identifiers.asRead("\"a\"\"b\""));
    }

    @Test
    void literalDoublesSingleQuotesOnly() {
        assertEquals("'it''s'", Identifiers.literal("it's"));
        assertEquals("''''''", Identifiers.literal("''"));
        assertEquals("'say \"hi\"'", Identifiers.literal("say \"hi\""));
        assertEquals("'back\\slash'", Identifiers.literal("back\\slash"));
        assertEquals("''", Identifiers.literal(""));
    }

    @Test
    void isKeywordIgnoresCase() {
        assertTrue(Identifiers.isKeyword("ORDER"));
        assertTrue(Identifiers.isKeyword("Select"));
        assertTrue(Identifiers.isKeyword("abort"));
        assertFalse(Identifiers.isKeyword("customer"));
        assertFalse(Identifiers.isKeyword("#"), "comment lines of the keyword list are not keywords");
    }

    @Test
    void typesDropTheDefaultPrecision() {
        assertEquals("timestamp without time zone", Types.withoutDefaultPrecision("timestamp(6) without time zone"));
        assertEquals("timestamp with time zone", Types.withoutDefaultPrecision("timestamp(6) with time zone"));
        assertEquals("time without time zone", Types.withoutDefaultPrecision("time(6) without time zone"));
        assertEquals("interval", Types.withoutDefaultPrecision("interval(6)"));
        assertEquals("timestamp(3) without time zone", Types.withoutDefaultPrecision("timestamp(3) without time zone"));
        assertEquals("numeric(6)", Types.withoutDefaultPrecision("numeric(6)"));
    }

    /** The longest prefix of whole characters whose UTF-8 encoding fits, found by encoding every prefix. */
    @Property(tries = 2000)
    void aPrefixOfBytesIsTheLongestWholeCharacterPrefixWhoseEncodingFits(@ForAll("mixedText") String text, @ForAll @IntRange(max = 80) int max) {
        int expected = 0;
        for (int end = 0; end <= text.length(); end = end < text.length() ? text.offsetByCodePoints(end, 1) : end + 1) {
            if (text.substring(0, end).getBytes(StandardCharsets.UTF_8).length <= max) expected = end;
        }
        assertEquals(text.substring(0, expected), Identifiers.prefixOfBytes(text, max));
    }

    @Provide
    Arbitrary<String> mixedText() {
        // one-, two-, three- and four-byte characters, and surrogates that may stand alone
        return Arbitraries.strings().withCharRange('a', 'z').withChars('\u00e9', '\u07ff', '\u0800', '\u20ac', '\uffff', '\ud83d', '\ude00', '\udbff', '\udc00')
                .ofMaxLength(70);
    }
}
