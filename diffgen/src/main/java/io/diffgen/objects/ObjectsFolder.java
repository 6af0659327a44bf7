package io.diffgen.objects;

import io.diffgen.model.ModelException;
import io.diffgen.snapshot.Identifiers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's database code: the {@code .sql} files of {@code <migrations>/objects}, run in name order,
 * each a list of {@code CREATE} statements (a function, procedure, view, materialized view, index on a
 * materialized view, trigger, extension or policy) and {@code COMMENT ON} them. Nothing here is parsed
 * beyond where each statement ends and its first words: PostgreSQL reads them, in a scratch schema.
 */
public record ObjectsFolder(Path directory, List<Statement> statements) {

    public ObjectsFolder {
        statements = List.copyOf(statements);
    }

    /**
     * One statement, where it comes from ({@code objects/updated_at.sql}, or Hibernate's export of the
     * entities), where it starts there (its first line, from 1), and the extension it creates, if it does.
     */
    public record Statement(String source, int line, String sql, Optional<String> extension) {
        /** {@code objects/updated_at.sql:3}, for messages. */
        public String where() {
            return source + ":" + line;
        }

        /** A statement of Hibernate's own export of the entities (a {@code @View}'s, an auxiliary database object's). */
        public static Statement ofHibernate(String sql) {
            Matcher ext = EXTENSION.matcher(sql);
            return new Statement("Hibernate's export of the entities (a @View, an auxiliary object, the JPA create script)", 1, sql,
                    ext.matches() ? Optional.of(Identifiers.asRead(ext.group(2))) : Optional.empty());
        }
    }

    private static final Pattern ALLOWED = Pattern.compile("(?is)\\s*(CREATE\\s+(OR\\s+REPLACE\\s+)?((CONSTRAINT\\s+)?TRIGGER|FUNCTION|PROCEDURE"
            + "|(RECURSIVE\\s+)?VIEW|MATERIALIZED\\s+VIEW|EXTENSION|POLICY|(UNIQUE\\s+)?INDEX)\\b"
            + "|COMMENT\\s+ON\\s+(FUNCTION|PROCEDURE|VIEW|MATERIALIZED\\s+VIEW|TRIGGER|POLICY|INDEX)\\b).*");
    private static final Pattern EXTENSION = Pattern.compile(
            "(?is)\\s*CREATE\\s+EXTENSION\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$-]*).*");

    /** Whether a statement creates database code (or comments on it); a create script's tables and rows are not. */
    public static boolean isDatabaseCode(String sql) {
        return ALLOWED.matcher(sql).matches();
    }

    /** The folder beside {@code versions} in {@code migrations}. */
    public static Path of(Path migrations) {
        return migrations.resolve("objects");
    }

    /** The folder's statements; empty when there is no folder. */
    public static Optional<ObjectsFolder> read(Path migrations) {
        Path directory = of(migrations);
        if (!Files.isDirectory(directory)) return Optional.empty();
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Statement> statements = new ArrayList<>();
        for (Path file : files) {
            String text;
            try {
                // as an editor on Windows may save it: PostgreSQL's catalog keeps no carriage return, nor a byte-order mark
                text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").replaceFirst("^\uFEFF", "");
            } catch (IOException e) {
                throw new ModelException(directory.getFileName() + "/" + file.getFileName() + ": cannot read: " + e.getMessage());
            }
            for (Statement s : split(directory.getFileName() + "/" + file.getFileName(), text)) {
                if (!ALLOWED.matcher(s.sql()).matches()) {
                    throw new ModelException(s.where() + ": only CREATE statements of database code (function, procedure, view, "
                            + "materialized view, index on one, trigger, extension, policy) and COMMENT ON them (but an extension) belong in "
                            + "migrations/objects, found: " + firstWords(s.sql()) + " (diffgen writes the DROP when a declaration goes)");
                }
                statements.add(s);
            }
        }
        return Optional.of(new ObjectsFolder(directory, statements));
    }

    /** The statements of a file: split at semicolons outside quotes, dollar quotes and comments; empty ones dropped. */
    static List<Statement> split(String source, String text) {
        List<Statement> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == '\'' || ch == '"') {
                boolean escapes = ch == '\'' && i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                        && (i == 1 || !Character.isLetterOrDigit(text.charAt(i - 2)) && text.charAt(i - 2) != '_');
                i = closing(text, i + 1, ch, escapes);
            } else if (ch == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                i = commentEnd(text, i);
            } else if (ch == '$' && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '_')) {
                Matcher tag = io.diffgen.revision.RevisionScript.DOLLAR_QUOTE.matcher(text).region(i, n);
                if (tag.lookingAt()) {
                    int end = text.indexOf(tag.group(), tag.end());
                    i = end < 0 ? n : end + tag.group().length();
                } else {
                    i++;
                }
            } else if (ch == ';') {
                add(source, text, start, i, out);
                start = ++i;
            } else {
                i++;
            }
        }
        add(source, text, start, n, out);
        return out;
    }

    /** The index after a block comment that starts at {@code from}: PostgreSQL's nest. */
    private static int commentEnd(String text, int from) {
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            if (text.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) return i;
            } else {
                i++;
            }
        }
        return i;
    }

    /**
     * The index after the quote that closes one opened before {@code from} (a doubled quote is part of the
     * text, and in an {@code E'...'} string so is one after a backslash).
     */
    private static int closing(String text, int from, char quote, boolean escapes) {
        int i = from;
        while (i < text.length()) {
            if (escapes && text.charAt(i) == '\\') {
                i += 2;
            } else if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) i += 2;
                else return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    private static void add(String source, String text, int start, int end, List<Statement> out) {
        String sql = text.substring(start, end);
        String code = withoutComments(sql).strip();
        if (code.isEmpty()) return;
        int offset = start + leadingNonCode(sql);
        int line = 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        Matcher ext = EXTENSION.matcher(code);
        Optional<String> extension = ext.matches() ? Optional.of(Identifiers.asRead(ext.group(2))) : Optional.empty();
        out.add(new Statement(source, line, sql.substring(leadingNonCode(sql)).stripTrailing(), extension));
    }

    /** How many characters of blank space and comments come before the statement's first word. */
    private static int leadingNonCode(String sql) {
        int i = 0;
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                i = commentEnd(sql, i);
            } else {
                break;
            }
        }
        return i;
    }

    private static String withoutComments(String sql) {
        return sql.substring(leadingNonCode(sql));
    }

    private static String firstWords(String sql) {
        String words = sql.strip().replaceAll("\\s+", " ");
        return words.length() > 40 ? words.substring(0, 40) + "..." : words;
    }
}
