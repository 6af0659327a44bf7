package io.diffgen.cli;

import io.diffgen.report.Format;
import picocli.CommandLine.Option;

/** {@code --format}, for the commands whose findings CI reads. */
final class FormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default); json (versioned, one object); github (workflow commands that annotate the revision's "
                    + "lines in a pull request); sarif (SARIF 2.1.0, for code scanning).")
    String value;

    Format format() {
        return Format.parse(value);
    }
}
