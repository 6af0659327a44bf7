package io.diffgen.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quoting of PostgreSQL identifiers and literals. */
public final class Identifiers {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** Every keyword PostgreSQL knows, reserved or not: quoting an unreserved one is harmless and reads safer. */
    private static final Set<String> KEYWORDS = loadKeywords();

    private Identifiers() {
    }

    /**
     * Tables and sequences in the connection's own schema are named by their name alone; those in
     * another schema by {@code schema + NUL + name}, NUL being the one character no PostgreSQL
     * identifier can hold. Such a key is rendered with {@link #quoteQualified} and shown with {@link #display}.
     */
    private static final char SCHEMA_SEPARATOR = '\0';

    /** The key of {@code name} in {@code schema}; {@code null} or empty for the connection's own schema. */
    public static String qualified(String schema, String name) {
        return schema == null || schema.isEmpty() ? name : schema + SCHEMA_SEPARATOR + name;
    }

    /** The schema a key names, if not the connection's own. */
    public static java.util.Optional<String> schemaOf(String key) {
        int at = key.indexOf(SCHEMA_SEPARATOR);
        return at < 0 ? java.util.Optional.empty() : java.util.Optional.of(key.substring(0, at));
    }

    /** The object's own name, without its schema. */
    public static String nameOf(String key) {
        return key.substring(key.indexOf(SCHEMA_SEPARATOR) + 1);
    }

    /** Another object in the same schema as {@code key} (an index beside its table, a renamed table). */
    public static String sibling(String key, String name) {
        return qualified(schemaOf(key).orElse(null), name);
    }

    /** The key as the connection whose own schema is {@code schema} names it: unqualified if it is in that schema. */
    public static String relativeTo(String key, String schema) {
        String prefix = schema + SCHEMA_SEPARATOR;
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    /** A key as SQL names it: {@code schema.name}, each part quoted as needed. */
    public static String quoteQualified(String key) {
        return schemaOf(key).map(schema -> quote(schema) + ".").orElse("") + quote(nameOf(key));
    }

    /** A key as messages show it: {@code schema.name}, or the name alone. */
    public static String display(String key) {
        return key.replace(SCHEMA_SEPARATOR, '.');
    }

    /** Always double-quoted, as a column alias that must keep its exact spelling. */
    public static String quoteAlways(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Whether the identifier is written double-quoted. */
    public static boolean isQuoted(String identifier) {
        return identifier.length() > 1 && identifier.startsWith("\"") && identifier.endsWith("\"");
    }

    /** The inverse of {@link #quoteAlways}: the name inside the double quotes, doubled quotes undone; any other text as it is. */
    public static String unquote(String identifier) {
        return isQuoted(identifier) ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"") : identifier;
    }

    /** The name PostgreSQL reads: double-quoted, as written; otherwise folded to lower case. */
    public static String asRead(String identifier) {
        return isQuoted(identifier) ? unquote(identifier) : identifier.toLowerCase(java.util.Locale.ROOT);
    }

    /** The identifier, double-quoted when it is not a plain lower-case name or is a keyword. */
    private static final java.util.regex.Pattern SPELLED = java.util.regex.Pattern.compile("\"((?:[^\"]|\"\")*)\"|[A-Za-z_][A-Za-z0-9_$]*");

    /** Every identifier {@code sql} spells, as PostgreSQL stores it (a quoted one as written, any other folded to lower case). */
    public static java.util.Set<String> spelledIn(String sql) {
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.regex.Matcher m = SPELLED.matcher(sql);
        while (m.find()) names.add(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group().toLowerCase(java.util.Locale.ROOT));
        return names;
    }

    public static String quote(String identifier) {
        if (PLAIN.matcher(identifier).matches() && !KEYWORDS.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are cut to this many bytes. */
    public static final int MAX_BYTES = 63;

    /** An identifier as PostgreSQL stores it: cut to 63 bytes, on a character boundary (its {@code truncate_identifier}). */
    public static String truncate(String identifier) {
        return prefixOfBytes(identifier, MAX_BYTES);
    }

    /**
     * The name PostgreSQL itself gives an unnamed constraint or index ({@code makeObjectName}):
     * {@code name1_name2_label}, the longer of the two names shortened first until it fits in 63 bytes.
     */
    public static String objectName(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        int available = MAX_BYTES - overhead;
        int chars1 = bytes(name1);
        int chars2 = name2 == null ? 0 : bytes(name2);
        while (chars1 + chars2 > available) {
            if (chars1 > chars2) chars1--;
            else chars2--;
        }
        String result = prefixOfBytes(name1, chars1);
        if (name2 != null) result += "_" + prefixOfBytes(name2, chars2);
        return result + "_" + label;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of whole characters within {@code max} UTF-8 bytes ({@code pg_mbcliplen}). */
    public static String prefixOfBytes(String text, int max) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = utf8Bytes(cp);
            if (used + size > max) break;
            used += size;
            end += Character.charCount(cp);
        }
        return end == text.length() ? text : text.substring(0, end);
    }

    /** A code point's length in UTF-8; a lone surrogate is one byte, as Java's encoder writes it ('?'). */
    private static int utf8Bytes(int codePoint) {
        if (codePoint < 0x80 || codePoint >= 0xD800 && codePoint <= 0xDFFF) return 1;
        if (codePoint < 0x800) return 2;
        return codePoint < 0x10000 ? 3 : 4;
    }

    /** A string literal. */
    /**
     * A string literal. Text with a line break or another control character is written as an escape
     * string ({@code E'a\\nb'}), so a script keeps one literal on one line: a line of a formatted SQL
     * script that starts with {@code --changeset} would start a changeset, even inside a literal.
     */
    public static String literal(String text) {
        if (!NEEDS_ESCAPES.matcher(text).find()) {
            return "'" + text.replace("'", "''") + "'";
        }
        StringBuilder escaped = new StringBuilder("E'");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\'' -> escaped.append("''");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) escaped.append(String.format("\\u%04X", c));
                    else escaped.appendCodePoint(c);
                }
            }
        });
        return escaped.append('\'').toString();
    }

    private static final Pattern NEEDS_ESCAPES = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

    /** Why a name cannot be written into a revision script, if it cannot: a line break or another control character. */
    public static Optional<String> unwritable(String name) {
        return NEEDS_ESCAPES.matcher(name).find()
                ? Optional.of("contains a line break or another control character, which a revision script cannot carry in a name")
                : Optional.empty();
    }

    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toLowerCase());
    }

    private static Set<String> loadKeywords() {
        try (InputStream in = Identifiers.class.getResourceAsStream("postgresql-keywords.txt")) {
            if (in == null) {
                throw new IllegalStateException("postgresql-keywords.txt missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
