package io.diffgen.objects;

import io.diffgen.snapshot.Identifiers;

import java.util.List;
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
 * @param grants     the statements that give it its privileges, when they are not the default: not part of
 *                   what is compared (nothing declares them), but made again with it when it is dropped and made again
 */
public record DbObject(Kind kind, String name, String arguments, Optional<String> table, String definition, Optional<String> comment,
                       String shape, Set<String> dependsOn, boolean unpinnedSecurityDefiner, List<String> grants) {

    public DbObject {
        dependsOn = Set.copyOf(dependsOn);
        grants = List.copyOf(grants);
    }

    public DbObject(Kind kind, String name, String arguments, Optional<String> table, String definition, Optional<String> comment,
                    String shape, Set<String> dependsOn, boolean unpinnedSecurityDefiner) {
        this(kind, name, arguments, table, definition, comment, shape, dependsOn, unpinnedSecurityDefiner, List.of());
    }

    public DbObject withDependsOn(Set<String> reads) {
        return new DbObject(kind, name, arguments, table, definition, comment, shape, reads, unpinnedSecurityDefiner, grants);
    }

    /**
     * This object with the privileges {@code grants} gives ({@code REVOKE ALL ... FROM PUBLIC}, then a
     * {@code GRANT} each): those of the object it takes the place of, which a {@code DROP} would lose.
     */
    public DbObject withGrants(List<String> statements) {
        return new DbObject(kind, name, arguments, table, definition, comment, shape, dependsOn, unpinnedSecurityDefiner, statements);
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

    /** The table a {@link #dependsOn} entry reads ({@code table t}, or {@code column t.c}); empty for another object. */
    public static Optional<String> tableRead(String dependency) {
        if (dependency.startsWith("table ")) return Optional.of(dependency.substring("table ".length()));
        if (dependency.startsWith("column ")) return Optional.of(dependency.substring("column ".length(), dependency.lastIndexOf('.')));
        return Optional.empty();
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

    /** How a GRANT names it: {@code TABLE v} for a view, {@code FUNCTION f(integer)}. */
    public String grantTarget() {
        return (kind == Kind.VIEW || kind == Kind.MATERIALIZED_VIEW ? "TABLE" : kind.keyword) + " " + Identifiers.quote(name) + arguments;
    }

    /** Whether the two are the same object as PostgreSQL prints them (grants aside). */
    public boolean sameAs(DbObject other) {
        return definition.equals(other.definition) && comment.equals(other.comment);
    }
}
