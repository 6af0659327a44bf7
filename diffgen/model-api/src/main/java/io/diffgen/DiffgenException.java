package io.diffgen;

/**
 * The one unchecked exception diffgen throws on purpose. Its message is a complete, one-line answer
 * for the user; the code decides the exit status.
 */
public class DiffgenException extends RuntimeException {

    public enum ErrorCode {
        /** Bad command-line input or configuration. */
        USAGE(2),
        /** The entity model could not be read. */
        MODEL(3),
        /** The database could not be reached or read. */
        DATABASE(4),
        /** The migrations folder or a revision script is wrong. */
        REVISION(5),
        /** Applying or rolling back a revision failed. */
        MIGRATION(6),
        /** The entities and the database differ ({@code check}). */
        DIFFERENCES(1),
        /** A command would not change a database it cannot change safely ({@code init} on a schema that differs). */
        REFUSED(7);

        private final int exitCode;

        ErrorCode(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final ErrorCode code;

    public DiffgenException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public DiffgenException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ErrorCode code() {
        return code;
    }
}
