package io.diffgen.runner;

/** What a failure says, in one line. */
public final class Failures {
    private Failures() {
    }

    /**
     * The first line of the innermost cause's message; where that says nothing, the nearest outer
     * message that does, and failing all of them the innermost exception's type.
     */
    static String rootMessage(Throwable e) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            String m = chain.get(i).getMessage();
            String first = m == null ? "" : m.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
            if (!first.isEmpty()) {
                return first;
            }
        }
        return chain.get(chain.size() - 1).getClass().getSimpleName();
    }

    /** PostgreSQL's lock_not_available (55P03): a statement gave up waiting for a lock. */
    static boolean isLockTimeout(Throwable e) {
        return hasSqlState(e, "55P03");
    }

    /** PostgreSQL's duplicate_table (42P07): a relation of that name exists. */
    static boolean isDuplicateRelation(Throwable e) {
        return hasSqlState(e, "42P07");
    }

    /** Whether an SQLException with {@code state} is in {@code e}'s chain of causes. */
    private static boolean hasSqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException s && state.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} on one line (its whitespace runs made single spaces), cut after {@code max} characters. */
    public static String oneLine(String text, int max) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() > max ? line.substring(0, max) + "..." : line;
    }
}
