package io.diffgen.lint;

/**
 * One finding about a planned change: its code (stable; scripts and CI may match on it), the message,
 * and the table or type it is about (empty where no one object is).
 */
public record Diagnostic(Code code, String message, String subject) {

    public Diagnostic(Code code, String message) {
        this(code, message, "");
    }

    /** This finding, about {@code object}. */
    public Diagnostic about(String object) {
        return new Diagnostic(code, message, object);
    }

    public enum Code {
        DG001("drop-table", "data loss"),
        DG002("drop-column", "data loss"),
        DG003("narrowing-type", "data loss"),
        DG004("not-null-without-default", "will fail on a non-empty table"),
        DG005("set-not-null", "long lock"),
        DG006("table-rewrite", "long lock"),
        DG007("index-locks-writes", "long lock"),
        DG008("likely-rename", "review"),
        DG009("downgrade-may-fail", "irreversible"),
        DG010("validates-existing-rows", "long lock"),
        DG011("enum-value-removed", "data-dependent"),
        DG012("drop-sequence", "data loss"),
        DG013("rename-breaks-clients", "review"),
        DG014("foreign-key-without-index", "slow deletes"),
        DG015("drop-index-locks", "long lock"),
        DG016("primary-key-column-order", "kept as it is");

        private final String slug;
        private final String category;

        Code(String slug, String category) {
            this.slug = slug;
            this.category = category;
        }

        public String slug() {
            return slug;
        }

        public String category() {
            return category;
        }
    }

    /** The line written into the script: {@code WARNING DG002: drops column ... [drop-column, data loss]}. */
    public String line() {
        return "WARNING " + code + ": " + message + " [" + code.slug() + ", " + code.category() + "]";
    }
}
