package io.diffgen.snapshot;

import java.util.List;

/** A foreign key; {@code sameShape} compares everything but the name. */
public record ForeignKey(
        String name,
        List<String> columns,
        String referencedTable,
        List<String> referencedColumns,
        Action onDelete,
        Action onUpdate) {

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    public enum Action {
        NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }

        /** From {@code pg_constraint.confdeltype}/{@code confupdtype}. */
        public static Action fromCatalogCode(char code) {
            return switch (code) {
                case 'a' -> NO_ACTION;
                case 'r' -> RESTRICT;
                case 'c' -> CASCADE;
                case 'n' -> SET_NULL;
                case 'd' -> SET_DEFAULT;
                default -> throw new IllegalArgumentException("unknown foreign key action code: " + code);
            };
        }
    }

    public boolean sameShape(ForeignKey other) {
        return columns.equals(other.columns) && referencedTable.equals(other.referencedTable)
                && referencedColumns.equals(other.referencedColumns)
                && onDelete == other.onDelete && onUpdate == other.onUpdate;
    }

    public ForeignKey withName(String newName) {
        return new ForeignKey(newName, columns, referencedTable, referencedColumns, onDelete, onUpdate);
    }
}
