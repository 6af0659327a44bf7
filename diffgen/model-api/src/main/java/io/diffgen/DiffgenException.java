package io.diffgen;

/**
 * The one unchecked exception diffgen throws on purpose. Its message is a complete, one-line answer
 * for the user; the code decides the exit status.
 */
public class DiffgenException extends RuntimeException {

    public enum ErrorCode {
        /** Bad command-line input or configuration. */
        USAGE(2, "bad command-line input or configuration"),
        /** The entity model could not be read. */
        MODEL(3, "the entities could not be read (a mapping error, a class missing from the model classpath)"),
        /** The database could not be reached or read. */
        DATABASE(4, "the database could not be reached or read"),
        /** The migrations folder or a revision script is wrong. */
        REVISION(5, "the migrations folder or a revision is wrong (edited after it ran, missing, several heads)"),
        /** Applying or rolling back a revision failed. */
        MIGRATION(6, "applying or rolling back a revision failed (the error says where the database stands), or a data check found rows it would reject"),
        /** The entities and the database differ ({@code check}). */
        DIFFERENCES(1, "check: the entities and the migrations (or the database) differ; preflight: a data check found rows"),
        /** A command would not change a database it cannot change safely ({@code init} on a schema that differs). */
        REFUSED(7, "refused: the command would change a database it cannot change safely (init on a schema that differs)");

        private final int exitCode;
        private final String meaning;

        ErrorCode(int exitCode, String meaning) {
            this.exitCode = exitCode;
            this.meaning = meaning;
        }

        /** What the exit code tells a script, for --help and the README. */
        public String meaning() {
            return meaning;
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
