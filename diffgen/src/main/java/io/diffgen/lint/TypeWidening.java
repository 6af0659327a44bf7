package io.diffgen.lint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether every value of one column type fits another, and whether PostgreSQL must rewrite the table to change it. */
public enum TypeWidening {
    /** Some values may not fit. */
    NONE,
    /** Every value fits, but the table is rewritten. */
    REWRITE,
    /** Every value fits and only the catalog changes. */
    NO_REWRITE;

    static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
    static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
    /** {@code timestamp(3) with time zone}, {@code time without time zone} (precision 6): the base type and its fractional digits. */
    static final Pattern TEMPORAL = Pattern.compile("(timestamp|time)(?:\\((\\d)\\))? (with|without) time zone");

    public static TypeWidening of(String from, String to) {
        String f = from.toLowerCase(Locale.ROOT);
        String t = to.toLowerCase(Locale.ROOT);
        Optional<Integer> fromLength = length(f);
        if (fromLength.isPresent()) {
            if (t.equals("text") || t.equals("character varying")) return NO_REWRITE;
            Optional<Integer> toLength = length(t);
            if (toLength.isPresent() && toLength.get() >= fromLength.get()) return NO_REWRITE;
            return NONE;
        }
        if ((f.equals("character varying") && t.equals("text")) || (f.equals("text") && t.equals("character varying"))) {
            return NO_REWRITE;
        }
        int fi = INTEGERS.indexOf(f);
        int ti = INTEGERS.indexOf(t);
        if (fi >= 0 && ti >= 0) return ti > fi ? REWRITE : NONE;
        if (fi >= 0 && t.equals("numeric")) return REWRITE;
        Matcher fn = NUMERIC.matcher(f);
        Matcher tn = NUMERIC.matcher(t);
        if (fn.matches() && tn.matches()) {
            int fp = Integer.parseInt(fn.group(1)), fs = Integer.parseInt(fn.group(2));
            int tp = Integer.parseInt(tn.group(1)), ts = Integer.parseInt(tn.group(2));
            if (ts == fs && tp >= fp) return NO_REWRITE;
            if (ts >= fs && tp - ts >= fp - fs) return REWRITE;
            return NONE;
        }
        if (fn.matches() && t.equals("numeric")) return NO_REWRITE;
        Matcher ft = TEMPORAL.matcher(f);
        Matcher tt = TEMPORAL.matcher(t);
        if (ft.matches() && tt.matches() && ft.group(1).equals(tt.group(1)) && ft.group(3).equals(tt.group(3))) {
            // more fractional digits: PostgreSQL changes only the catalog; fewer rounds every value and rewrites
            return precision(tt) >= precision(ft) ? NO_REWRITE : NONE;
        }
        if (f.equals("real") && t.equals("double precision")) return REWRITE;
        return NONE;
    }

    private static int precision(Matcher temporal) {
        return temporal.group(2) == null ? 6 : Integer.parseInt(temporal.group(2));
    }

    private static Optional<Integer> length(String type) {
        Matcher m = VARCHAR.matcher(type);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
