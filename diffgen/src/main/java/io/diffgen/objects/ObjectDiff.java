package io.diffgen.objects;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.diff.Change;
import io.diffgen.lint.Diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The changes that bring the database's code to the declared code, and the objects that must be dropped
 * and made again around the revision's other changes: PostgreSQL will not change the type of a column a
 * view, a policy or a trigger reads, nor drop an object others read, so those are dropped before
 * and re-created after, in dependency order ({@code pg_depend}), in the same revision.
 */
public final class ObjectDiff {
    private ObjectDiff() {
    }

    /** The object changes, and the objects left as they are on purpose (in the database, declared nowhere). */
    public record Result(List<Change> changes, List<Diagnostic> kept) {
    }

    /**
     * @param database          the database's objects
     * @param model             the declared ones
     * @param declaring         whether the project declares database code at all (has the folder): only then is an
     *                          undeclared object worth a word
     * @param createdByRevision the objects a revision created: dropped when no longer declared; any other
     *                          undeclared object is left alone
     * @param readByEntities    the relations entities are mapped on (an entity over a view declares it)
     * @param tableChanges      the revision's changes to tables
     */
    public static Result diff(Map<String, DbObject> database, Map<String, DbObject> model, boolean declaring,
                              Predicate<String> createdByRevision, Set<String> readByEntities, List<Change> tableChanges) {
        Map<String, DbObject> drops = new LinkedHashMap<>();
        Map<String, DbObject> creates = new LinkedHashMap<>();
        Map<String, DbObject[]> replaces = new LinkedHashMap<>();
        List<Diagnostic> kept = new ArrayList<>();
        Set<String> touched = tablesTouched(tableChanges);
        for (DbObject wanted : model.values()) {
            DbObject existing = database.get(wanted.key());
            if (existing == null) {
                creates.put(wanted.key(), wanted);
            } else if (!existing.sameAs(wanted)) {
                // in place only where CREATE OR REPLACE can go both ways, and the tables it reads stay as they are for the downgrade
                boolean inPlace = existing.definition().equals(wanted.definition())
                        || wanted.replacesInPlace(existing) && readsNoneOf(existing, touched) && readsNoneOf(wanted, touched);
                if (inPlace) {
                    replaces.put(wanted.key(), new DbObject[]{existing, wanted});
                } else {
                    drops.put(existing.key(), existing);
                    creates.put(wanted.key(), wanted.withGrants(existing.grants()));
                }
            }
        }
        for (DbObject existing : database.values()) {
            if (model.containsKey(existing.key())) continue;
            if (createdByRevision.test(existing.key())) {
                drops.put(existing.key(), existing);
            } else if (declaring && !readByEntities.contains(existing.name())) {
                kept.add(io.diffgen.lint.Linter.undeclared(existing));
            }
        }
        // what is dropped from here on is made way for, and made again unchanged (as declared, or as it was)
        Set<String> changed = new java.util.HashSet<>(drops.keySet());
        changed.addAll(creates.keySet());
        changed.addAll(replaces.keySet());
        aroundTableChanges(database, model, tableChanges, drops, creates);
        dependentsOfDrops(database, model, drops, creates);
        replaces.keySet().removeIf(drops::containsKey); // dropped and made again as declared: the one change
        List<Change> changes = new ArrayList<>();
        List<DbObject> dropOrder = inDependencyOrder(drops.values());
        for (int i = dropOrder.size() - 1; i >= 0; i--) {
            DbObject o = dropOrder.get(i);
            changes.add(new Change.DropObject(o, !changed.contains(o.key()) && creates.containsKey(o.key())));
        }
        // creations and replacements together, each after what it reads
        List<DbObject> made = new ArrayList<>(creates.values());
        replaces.values().forEach(pair -> made.add(pair[1]));
        for (DbObject o : inDependencyOrder(made)) {
            DbObject[] replaced = replaces.get(o.key());
            changes.add(replaced != null && !creates.containsKey(o.key()) ? new Change.ReplaceObject(replaced[0], o)
                    : new Change.CreateObject(o, !changed.contains(o.key())));
        }
        refuseLinesLiquibaseWouldRead(changes);
        return new Result(changes, kept);
    }

    /** The tables the revision changes, under their old and new names. */
    private static Set<String> tablesTouched(List<Change> tableChanges) {
        Set<String> tables = new java.util.HashSet<>();
        for (Change c : tableChanges) {
            tables.add(c.subject());
            if (c instanceof Change.RenameTable r) tables.add(r.from());
        }
        return tables;
    }

    private static boolean readsNoneOf(DbObject o, Set<String> tables) {
        return o.dependsOn().stream().noneMatch(d -> DbObject.tableRead(d).filter(tables::contains).isPresent());
    }

    /**
     * Liquibase reads each line of a script on its own: a line of a function body such as
     * {@code -- rollback the reservation} would be taken for its own rollback. Refused, naming the object.
     */
    private static void refuseLinesLiquibaseWouldRead(List<Change> changes) {
        for (Change change : changes) {
            for (DbObject o : change instanceof Change.ReplaceObject r ? List.of(r.from(), r.to())
                    : change instanceof Change.CreateObject c ? List.of(c.object())
                    : List.of(((Change.DropObject) change).object())) {
                o.definition().lines().filter(line -> LIQUIBASE_LINE.matcher(line).lookingAt()).findFirst().ifPresent(line -> {
                    throw new io.diffgen.model.ModelException(o.key() + " has the line '" + line.strip() + "', which Liquibase, reading the "
                            + "revision a line at a time, would take for one of its own: reword that line");
                });
            }
        }
    }

    private static final java.util.regex.Pattern LIQUIBASE_LINE = java.util.regex.Pattern.compile(
            "(?i)\\s*--\\s*(rollback|changeset|comment:|precondition|preconditions|ignoreLines|validCheckSum|liquibase|property|include)\\b");

    /**
     * The objects that read a column whose type changes or that goes, or a table that goes: dropped
     * before, and made again after (as declared, or as they were when nobody declares them). One that
     * nobody declares cannot be made again without a column it reads: refused, by name.
     */
    private static void aroundTableChanges(Map<String, DbObject> database, Map<String, DbObject> model, List<Change> tableChanges,
                                           Map<String, DbObject> drops, Map<String, DbObject> creates) {
        for (Change change : tableChanges) {
            Optional<String> read = Optional.empty();
            boolean gone = false;
            if (change instanceof Change.AlterColumn a && a.aspects().contains(Change.Aspect.TYPE)) {
                read = Optional.of("column " + a.table() + "." + a.from().name());
            } else if (change instanceof Change.DropColumn d) {
                read = Optional.of("column " + d.table() + "." + d.column().name());
                gone = true;
            } else if (change instanceof Change.DropTable d) {
                read = Optional.of("table " + d.table().name());
                gone = true;
            }
            if (read.isEmpty()) continue;
            String what = read.get();
            String table = DbObject.tableRead(what).orElseThrow();
            for (DbObject o : database.values()) {
                boolean reads = o.dependsOn().contains(what)
                        || change instanceof Change.DropTable && o.dependsOn().stream().anyMatch(d -> d.startsWith("column " + table + "."));
                if (!reads || drops.containsKey(o.key())) continue;
                drops.put(o.key(), o);
                boolean onTheTable = o.table().equals(Optional.of(table));
                if (change instanceof Change.DropTable && onTheTable) continue; // a trigger or policy goes with its table
                if (model.containsKey(o.key())) {
                    creates.putIfAbsent(o.key(), model.get(o.key()).withGrants(o.grants()));
                } else if (gone) {
                    throw new DiffgenException(ErrorCode.REFUSED, "cannot " + change.summary() + ": " + o.key() + " reads it, and no file in "
                            + "migrations/objects declares " + o.key() + " to make it again without it: declare it there as it should "
                            + "be after this change, or change it first in a revision of your own");
                } else {
                    creates.putIfAbsent(o.key(), o);
                }
            }
        }
    }

    /** The objects that read one that is dropped: dropped first, and made again after it (declared or as they were). */
    private static void dependentsOfDrops(Map<String, DbObject> database, Map<String, DbObject> model,
                                          Map<String, DbObject> drops, Map<String, DbObject> creates) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (DbObject o : database.values()) {
                if (drops.containsKey(o.key())) continue;
                Optional<String> dropped = o.dependsOn().stream().filter(drops::containsKey).findFirst();
                if (dropped.isEmpty()) continue;
                drops.put(o.key(), o);
                grew = true;
                if (model.containsKey(o.key())) {
                    creates.putIfAbsent(o.key(), model.get(o.key()).withGrants(o.grants()));
                } else if (creates.containsKey(dropped.get())) {
                    creates.putIfAbsent(o.key(), o);
                } else {
                    throw new DiffgenException(ErrorCode.REFUSED, "cannot drop " + dropped.get() + ": " + o.key() + " reads it, and no file in "
                            + "migrations/objects declares " + o.key() + ": declare it there, or drop it first in a revision of your own");
                }
            }
        }
    }

    /** The objects so that each comes after those it reads; otherwise by kind, then by key. */
    static List<DbObject> inDependencyOrder(java.util.Collection<DbObject> objects) {
        List<DbObject> pending = new ArrayList<>(objects);
        pending.sort(Comparator.comparing((DbObject o) -> o.kind()).thenComparing(DbObject::key));
        Set<String> keys = new LinkedHashSet<>();
        pending.forEach(o -> keys.add(o.key()));
        List<DbObject> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            DbObject next = pending.stream()
                    .filter(o -> o.dependsOn().stream().noneMatch(d -> keys.contains(d) && !placed.contains(d) && !d.equals(o.key())))
                    .findFirst().orElse(pending.get(0)); // a cycle, which PostgreSQL would not have let exist
            pending.remove(next);
            ordered.add(next);
            placed.add(next.key());
        }
        return ordered;
    }
}
