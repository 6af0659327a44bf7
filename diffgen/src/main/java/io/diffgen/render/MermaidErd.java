package io.diffgen.render;

import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Mermaid entity-relationship diagram ({@code erDiagram}) of a schema, as GitHub renders it in a
 * pull request: each table with its columns (type, PK, FK, UK), each FK as a relationship. Between two
 * schemas, the tables a revision adds, changes or drops are marked (classes {@code added},
 * {@code changed}, {@code dropped}, and a comment on each such column), and only they and their FK
 * neighbours (with just their key columns) are drawn unless the whole schema is asked for.
 */
public final class MermaidErd {
    private MermaidErd() {
    }

    /** The diagram of {@code after}; {@code before}'s differences from it marked; all tables, or only the touched ones and their neighbours. */
    public static String render(SchemaSnapshot before, SchemaSnapshot after, boolean whole) {
        Set<String> added = new TreeSet<>(), dropped = new TreeSet<>(), changed = new TreeSet<>();
        for (String name : after.tables().keySet()) {
            Table old = before.tables().get(name);
            if (old == null) added.add(name);
            else if (!old.equals(after.tables().get(name))) changed.add(name);
        }
        for (String name : before.tables().keySet()) {
            if (!after.tables().containsKey(name)) dropped.add(name);
        }
        Set<String> touched = new TreeSet<>(added);
        touched.addAll(changed);
        touched.addAll(dropped);
        Set<String> shown = new TreeSet<>();
        if (whole) {
            shown.addAll(after.tables().keySet());
            shown.addAll(dropped);
        } else {
            shown.addAll(touched);
            for (String name : touched) shown.addAll(neighbours(name, before, after));
        }
        Map<String, String> ids = ids(shown);
        StringBuilder out = new StringBuilder("erDiagram\n");
        for (String name : shown) {
            Table table = after.tables().getOrDefault(name, before.tables().get(name));
            Optional<Table> old = Optional.ofNullable(before.tables().get(name)).filter(t -> !added.contains(name));
            String mark = added.contains(name) ? "added" : dropped.contains(name) ? "dropped" : changed.contains(name) ? "changed" : "";
            out.append("    ").append(ids.get(name));
            if (!ids.get(name).equals(name)) out.append("[\"").append(label(name)).append("\"]");
            if (!mark.isEmpty()) out.append(":::").append(mark);
            out.append(" {\n");
            boolean neighbour = !whole && mark.isEmpty();
            for (Column c : table.columns()) {
                if (neighbour && !isKey(table, c)) continue; // a neighbour shows only the keys that link it
                String note = dropped.contains(name) || added.contains(name) ? ""
                        : old.flatMap(t -> t.column(c.name())).map(was -> was.equals(c) ? "" : "changed" + (was.type().equals(c.type()) ? ""
                        : " from " + was.type())).orElse("added");
                out.append(attribute(table, c, note));
            }
            if (!dropped.contains(name)) {
                for (Column gone : old.map(Table::columns).orElse(List.of())) {
                    if (table.column(gone.name()).isEmpty()) out.append(attribute(old.get(), gone, "dropped"));
                }
            }
            out.append("    }\n");
        }
        Set<String> relations = new LinkedHashSet<>();
        for (String name : shown) {
            Table table = after.tables().getOrDefault(name, before.tables().get(name));
            for (ForeignKey fk : table.foreignKeys()) {
                if (!ids.containsKey(fk.referencedTable())) continue;
                boolean optional = fk.columns().stream().anyMatch(col -> table.column(col).map(Column::nullable).orElse(true));
                relations.add("    " + ids.get(name) + " }o--" + (optional ? "o|" : "||") + " " + ids.get(fk.referencedTable()) + " : "
                        + word(fk.name()) + "\n");
            }
        }
        relations.forEach(out::append);
        if (!added.isEmpty()) out.append("    classDef added fill:#dafbe1,stroke:#1a7f37\n");
        if (!changed.isEmpty()) out.append("    classDef changed fill:#fff8c5,stroke:#9a6700\n");
        if (!dropped.isEmpty()) out.append("    classDef dropped fill:#ffebe9,stroke:#cf222e\n");
        return out.toString();
    }

    /** Tables an FK leads to from {@code name}, or from which one leads to it, in either schema. */
    private static Set<String> neighbours(String name, SchemaSnapshot before, SchemaSnapshot after) {
        Set<String> found = new TreeSet<>();
        for (SchemaSnapshot s : List.of(before, after)) {
            for (Table t : s.tables().values()) {
                for (ForeignKey fk : t.foreignKeys()) {
                    if (t.name().equals(name)) found.add(fk.referencedTable());
                    if (fk.referencedTable().equals(name)) found.add(t.name());
                }
            }
        }
        found.removeIf(n -> !before.tables().containsKey(n) && !after.tables().containsKey(n));
        return found;
    }

    private static boolean isKey(Table table, Column c) {
        return table.primaryKey().map(pk -> pk.columns().contains(c.name())).orElse(false)
                || table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(c.name()));
    }

    private static String attribute(Table table, Column c, String note) {
        List<String> keys = new java.util.ArrayList<>();
        if (table.primaryKey().map(pk -> pk.columns().contains(c.name())).orElse(false)) keys.add("PK");
        if (table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(c.name()))) keys.add("FK");
        if (table.uniques().stream().anyMatch(u -> u.columns().equals(List.of(c.name())))) keys.add("UK");
        return "        " + type(c.type()) + " " + word(c.name()) + (keys.isEmpty() ? "" : " " + String.join(", ", keys))
                + (note.isEmpty() ? "" : " \"" + note.replace("\"", "'") + "\"") + "\n";
    }

    /** PostgreSQL's long type names and their short ones, a longer name before any it starts with. */
    private static final List<Map.Entry<String, String>> SHORT = List.of(Map.entry("character varying", "varchar"),
            Map.entry("character", "char"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("time with time zone", "timetz"),
            Map.entry("time without time zone", "time"), Map.entry("double precision", "float8"), Map.entry("bit varying", "varbit"));

    /** A type as Mermaid takes it: one word of letters, digits, {@code _-()[],.}; PostgreSQL's long names shortened. */
    static String type(String sql) {
        String t = sql.strip();
        for (Map.Entry<String, String> e : SHORT) {
            if (t.toLowerCase(Locale.ROOT).startsWith(e.getKey())) {
                t = e.getValue() + t.substring(e.getKey().length());
                break;
            }
        }
        String word = t.replace(' ', '_').replaceAll("[^A-Za-z0-9_\\-()\\[\\],.]", "_");
        return Character.isLetter(word.isEmpty() ? '0' : word.charAt(0)) ? word : "t_" + word;
    }

    /** A column or relationship name as one Mermaid word. */
    static String word(String name) {
        String word = name.replaceAll("[^A-Za-z0-9_\\-]", "_");
        return Character.isLetter(word.isEmpty() ? '0' : word.charAt(0)) ? word : "c_" + word;
    }

    private static String label(String name) {
        return name.replace("\"", "'").replace("%", "pct");
    }

    /** Each table's entity id: its name where that is one word, otherwise a unique word made from it. */
    private static Map<String, String> ids(Set<String> tables) {
        Map<String, String> ids = new HashMap<>();
        Set<String> used = new java.util.HashSet<>();
        for (String name : tables) {
            String id = name.replaceAll("[^A-Za-z0-9_]", "_");
            if (id.isEmpty() || !Character.isLetter(id.charAt(0))) id = "t_" + id;
            String unique = id;
            for (int n = 2; !used.add(unique); n++) unique = id + "_" + n;
            ids.put(name, unique);
        }
        return ids;
    }
}
