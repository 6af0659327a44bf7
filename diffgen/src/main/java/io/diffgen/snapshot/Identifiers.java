package io.diffgen.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** The identifier, double-quoted when it is not a plain lower-case name or is a keyword. */
    public static String quote(String identifier) {
        if (PLAIN.matcher(identifier).matches() && !KEYWORDS.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A string literal. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
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
