package io.diffgen.snapshot;

import java.util.regex.Pattern;

/** Type spellings that PostgreSQL treats as the same type. */
public final class Types {
    /** Precision 6 is the maximum and the default for timestamp, time and interval: (6) says nothing. */
    private static final Pattern DEFAULT_PRECISION = Pattern.compile("^(timestamp|time|interval)\\(6\\)");

    private Types() {
    }

    public static String withoutDefaultPrecision(String type) {
        return DEFAULT_PRECISION.matcher(type).replaceFirst("$1");
    }
}
