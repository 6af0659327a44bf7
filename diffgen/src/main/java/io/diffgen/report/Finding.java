package io.diffgen.report;

import io.diffgen.lint.Diagnostic;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One thing a command found, in the shape every output format carries: what kind of finding, the
 * object it is about (a table, a constraint, a revision), its DG code where it has one, how serious it
 * is, the message, and the revision file and line it points at where there is one.
 */
public record Finding(Kind kind, String object, Optional<Diagnostic.Code> code, Severity severity, String message,
                      Optional<String> file, OptionalInt line) {

    public enum Kind {
        /** A difference between the entities and the database ({@code check}). */
        DIFFERENCE,
        /** A lint warning on a change ({@code check}, {@code revision --autogenerate}). */
        WARNING,
        /** A data check that rows already in the database fail ({@code preflight}). */
        DATA_CHECK,
        /** A revision not applied yet ({@code status}). */
        PENDING,
        /** What stopped the command. */
        ERROR
    }

    public enum Severity { ERROR, WARNING, NOTE }

    public Finding {
        java.util.Objects.requireNonNull(kind);
        java.util.Objects.requireNonNull(object);
        java.util.Objects.requireNonNull(severity);
        java.util.Objects.requireNonNull(message);
    }

    /** A lint warning, where {@code file} and {@code line} say where the revision shows it. */
    public static Finding of(Diagnostic d, String object, Optional<String> file, OptionalInt line) {
        return new Finding(Kind.WARNING, object, Optional.of(d.code()), Severity.WARNING, d.message(), file, line);
    }

    /** A finding about no file. */
    public static Finding of(Kind kind, String object, Severity severity, String message) {
        return new Finding(kind, object, Optional.empty(), severity, message, Optional.empty(), OptionalInt.empty());
    }

    public Finding at(String file, OptionalInt line) {
        return new Finding(kind, object, code, severity, message, Optional.of(file), line);
    }
}
