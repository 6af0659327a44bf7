package io.diffgen.runner;

import io.diffgen.snapshot.Identifiers;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Session settings given on the command line ({@code --lock-timeout}, {@code --statement-timeout}),
 * which take the place of the values a script sets with {@code SET name = value}: the script's are the
 * project's defaults when the revision was written, the command line's are today's choice.
 */
public record SettingOverrides(Map<String, String> values) {
    public static final SettingOverrides NONE = new SettingOverrides(Map.of());
    private static final Pattern SET = Pattern.compile("(?is)\\s*SET\\s+(?:SESSION\\s+|LOCAL\\s+)?([a-z_]+)\\s*(?:=|\\bTO\\b)\\s*('(?:[^']|'')*'|[^\\s;]+)\\s*;?\\s*");

    public SettingOverrides {
        values = Map.copyOf(new TreeMap<>(values));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The statement, or a SET of an overridden setting with the command line's value. */
    public String apply(String statement) {
        Matcher m = SET.matcher(statement);
        if (!m.matches()) return statement;
        String value = values.get(m.group(1).toLowerCase(Locale.ROOT));
        return value == null ? statement : "SET " + m.group(1) + " = " + Identifiers.literal(value);
    }

    /** The value {@code sql}'s last {@code SET setting} gives, as PostgreSQL reads it. */
    public static Optional<String> setIn(String sql, String setting) {
        Optional<String> found = Optional.empty();
        for (String statement : sql.split(";")) {
            Matcher m = SET.matcher(statement);
            if (m.matches() && m.group(1).equalsIgnoreCase(setting)) {
                String v = m.group(2);
                found = Optional.of(v.startsWith("'") ? v.substring(1, v.length() - 1).replace("''", "'") : v);
            }
        }
        return found;
    }
}
