package io.diffgen.objects;

import io.diffgen.snapshot.Identifiers;

import java.util.Optional;
import java.util.Set;

/**
 * One piece of database code (a function, a view, a trigger...) as PostgreSQL prints it back from its
 * catalog: both sides of a comparison are read by the same {@link ObjectCatalog}, so two objects are the
 * same exactly when PostgreSQL prints them alike, whatever the files they came from looked like.
 *
 * @param kind       what it is
 * @param name       its name (a function's without its arguments)
 * @param arguments  a function's identity arguments, {@code (integer, text)}; empty for the other kinds
 * @param table      the relation a trigger, policy or index is on
 * @param definition the statement that creates it, in the catalog's spelling
 * @param comment    its {@code COMMENT ON}, if any
 * @param shape      what must stay the same for {@code CREATE OR REPLACE} to replace it in place: a
 *                   function's result type, a view's columns; empty where it never can
 * @param dependsOn  the tables ({@code table t}), columns ({@code column t.c}) and other objects
 *                   ({@link #key() keys}) it reads, from {@code pg_depend}
 * @param unpinnedSecurityDefiner a {@code SECURITY DEFINER} function without its own {@code search_path}
 */
public record DbObject(Kind kind, String name, String arguments, Optional<String> table, String definition, Optional<String> comment,
                       String shape, Set<String> dependsOn, boolean unpinnedSecurityDefiner) {

    public DbObject {
        dependsOn = Set.copyOf(dependsOn);
    }

    /** The kinds, in the order their creations run when nothing else orders them. */
    public enum Kind {
        EXTENSION("extension", "EXTENSION"),
        FUNCTION("function", "FUNCTION"),
        PROCEDURE("procedure", "PROCEDURE"),
        VIEW("view", "VIEW"),
        MATERIALIZED_VIEW("materialized view", "MATERIALIZED VIEW"),
        INDEX("index", "INDEX"),
        TRIGGER("trigger", "TRIGGER"),
        POLICY("policy", "POLICY");

        private final String word;
        private final String keyword;

        Kind(String word, String keyword) {
            this.word = word;
            this.keyword = keyword;
        }

        public String word() {
            return word;
        }
    }

    /** What identifies it in a schema: {@code function set_updated_at()}, {@code trigger touch on projects}. */
    public String key() {
        return kind.word + " " + Identifiers.display(name) + arguments + table.map(t -> " on " + Identifiers.display(t)).orElse("");
    }

    /** How statements name it: {@code FUNCTION set_updated_at()}, {@code TRIGGER touch ON projects}. */
    public String reference() {
        return kind.keyword + " " + Identifiers.quote(name) + arguments + (kind == Kind.INDEX ? "" : table.map(t -> " ON " + Identifiers.quote(t)).orElse(""));
    }

    public String dropStatement() {
        return "DROP " + reference();
    }

    /** Its comment set, or removed ({@code IS NULL}) when {@code replacing} had one and it has none. */
    public Optional<String> commentStatement(Optional<DbObject> replacing) {
        if (comment.isPresent()) return Optional.of("COMMENT ON " + reference() + " IS " + Identifiers.literal(comment.get()));
        return replacing.flatMap(DbObject::comment).map(c -> "COMMENT ON " + reference() + " IS NULL");
    }

    /**
     * Whether {@code CREATE OR REPLACE} turns {@code from} into this one in place (what reads it, and its
     * grants, kept), and back: the same function result type, the same view columns. (A view may gain
     * columns in place, but could not lose them again in the downgrade.)
     */
    public boolean replacesInPlace(DbObject from) {
        return key().equals(from.key()) && !shape.isEmpty() && shape.equals(from.shape);
    }

    /** Whether the two are the same object as PostgreSQL prints them. */
    public boolean sameAs(DbObject other) {
        return definition.equals(other.definition) && comment.equals(other.comment);
    }
}
