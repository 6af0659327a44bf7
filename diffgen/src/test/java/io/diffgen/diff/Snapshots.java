package io.diffgen.diff;

import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Sequence;
import io.diffgen.snapshot.Table;
import io.diffgen.snapshot.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Terse builders for hand-made snapshots in tests. */
final class Snapshots {
    private Snapshots() {
    }

    static SchemaSnapshot schema(Table... tables) {
        return SchemaSnapshot.of(List.of(tables), List.of());
    }

    static SchemaSnapshot schema(List<Table> tables, List<Sequence> sequences) {
        return SchemaSnapshot.of(tables, sequences);
    }

    static TableBuilder table(String name) {
        return new TableBuilder(name);
    }

    static Column col(String name, String type) {
        return Column.of(name, type, true);
    }

    static Column notNull(String name, String type) {
        return Column.of(name, type, false);
    }

    static Index index(String name, String... columns) {
        return new Index(name, java.util.Arrays.stream(columns).map(c -> new Index.Key(c, false)).toList(), false, Optional.empty(), "btree");
    }

    static ForeignKey fk(String name, String column, String referencedTable, String referencedColumn) {
        return new ForeignKey(name, List.of(column), referencedTable, List.of(referencedColumn),
                ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);
    }

    static final class TableBuilder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private Optional<PrimaryKey> pk = Optional.empty();
        private final List<ForeignKey> fks = new ArrayList<>();
        private final List<UniqueConstraint> uniques = new ArrayList<>();
        private final List<CheckConstraint> checks = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private Optional<String> comment = Optional.empty();

        TableBuilder(String name) {
            this.name = name;
        }

        TableBuilder columns(Column... cs) {
            columns.addAll(List.of(cs));
            return this;
        }

        /** An {@code id} column of the type and a primary key {@code <table>_pkey} on it. */
        TableBuilder id(String type) {
            columns.add(Column.of("id", type, false));
            pk = Optional.of(new PrimaryKey(name + "_pkey", List.of("id")));
            return this;
        }

        TableBuilder pk(String pkName, String... cols) {
            pk = Optional.of(new PrimaryKey(pkName, List.of(cols)));
            return this;
        }

        TableBuilder fk(ForeignKey key) {
            fks.add(key);
            return this;
        }

        TableBuilder unique(String uqName, String... cols) {
            uniques.add(new UniqueConstraint(uqName, List.of(cols)));
            return this;
        }

        TableBuilder check(String ckName, String expression) {
            checks.add(new CheckConstraint(ckName, expression));
            return this;
        }

        TableBuilder index(Index i) {
            indexes.add(i);
            return this;
        }

        TableBuilder comment(String text) {
            comment = Optional.of(text);
            return this;
        }

        Table build() {
            return new Table(name, columns, pk, fks, uniques, checks, indexes, comment);
        }
    }
}
