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
        DG016("primary-key-column-order", "kept as it is"),
        DG017("trigger-locks-writes", "short lock"),
        DG018("security-definer-search-path", "security"),
        DG019("drop-materialized-view", "data loss"),
        DG020("drop-extension", "data loss"),
        DG021("undeclared-object", "kept as it is");

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

    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("WARNING (DG\\d{3}): (.*) \\[[a-z-]+, [^]]*\\]");

    /** A {@link #line()} read back (from a revision's header), about {@code subject}; empty for any other text or an unknown code. */
    public static java.util.Optional<Diagnostic> fromLine(String line, String subject) {
        java.util.regex.Matcher m = LINE.matcher(line);
        if (!m.matches()) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(new Diagnostic(Code.valueOf(m.group(1)), m.group(2), subject));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty(); // a code a later version added
        }
    }

    /** The line written into the script: {@code WARNING DG002: drops column ... [drop-column, data loss]}. */
    public String line() {
        return "WARNING " + code + ": " + message + " [" + code.slug() + ", " + code.category() + "]";
    }
}
