package io.diffgen.report;

import java.util.List;
import java.util.Optional;

/**
 * What a command reports in a machine-readable format: whether it passed (as its exit code says), a
 * one-line summary, its findings, and for {@code status} the status itself.
 */
public record Report(String command, boolean ok, String summary, List<Finding> findings, Optional<Object> status) {
    public Report {
        findings = List.copyOf(findings);
    }

    public Report(String command, boolean ok, String summary, List<Finding> findings) {
        this(command, ok, summary, findings, Optional.empty());
    }
}
