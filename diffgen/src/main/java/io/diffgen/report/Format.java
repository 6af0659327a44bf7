package io.diffgen.report;

import java.util.Locale;

/**
 * The output formats of {@code check}, {@code revision}, {@code preflight}, {@code validate} and
 * {@code status}: the terminal's text, versioned JSON, GitHub Actions workflow commands (annotations on
 * the revision's lines), and SARIF 2.1.0 for code scanning.
 */
public enum Format {
    TEXT, JSON, GITHUB, SARIF;

    /** The report in this format; not for {@link #TEXT}, which each command writes as it always has. */
    public String render(Report report, String version) {
        return switch (this) {
            case TEXT -> throw new IllegalStateException("text is written by the command itself");
            case JSON -> JsonReport.render(report, version);
            case GITHUB -> GithubReport.render(report);
            case SARIF -> SarifReport.render(report, version);
        };
    }

    public static Format parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new io.diffgen.DiffgenException(io.diffgen.DiffgenException.ErrorCode.USAGE,
                    "bad --format '" + value + "': expected text, json, github or sarif");
        }
    }
}
