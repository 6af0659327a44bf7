package io.diffgen.cache;

import io.diffgen.model.EntityModel;
import io.diffgen.model.Rename;

import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.CompositeType;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.EnumType;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.OwnedSequence;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Sequence;
import io.diffgen.snapshot.Table;
import io.diffgen.snapshot.UniqueConstraint;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The binary form of an entity model and of a schema snapshot, for the on-disk cache: Java's
 * DataOutput, in the order of the records' components. {@link #FORMAT} changes with the layout; an
 * entry of another format is a miss.
 */
public final class SnapshotCodec {
    public static final int FORMAT = 8;

    private SnapshotCodec() {
    }

    /** The model: its schema, then its renames and names. */
    public static void writeModel(DataOutputStream out, EntityModel model) throws IOException {
        writeSchema(out, model.schema());
        writeRenamesAndNames(out, model);
    }

    public static EntityModel readModel(DataInputStream in) throws IOException {
        SchemaSnapshot schema = readSchema(in);
        return readRenamesAndNames(in, schema);
    }

    public static void writeSchema(DataOutputStream out, SchemaSnapshot s) throws IOException {
        out.writeInt(s.tables().size());
        for (Table t : s.tables().values()) {
            out.writeUTF(t.name());
            out.writeInt(t.columns().size());
            for (Column c : t.columns()) {
                out.writeUTF(c.name());
                out.writeUTF(c.type());
                out.writeBoolean(c.nullable());
                optional(out, c.defaultExpression());
                out.writeUTF(c.identity().name());
                optional(out, c.comment());
            }
            out.writeBoolean(t.primaryKey().isPresent());
            if (t.primaryKey().isPresent()) {
                out.writeUTF(t.primaryKey().get().name());
                strings(out, t.primaryKey().get().columns());
            }
            out.writeInt(t.foreignKeys().size());
            for (ForeignKey fk : t.foreignKeys()) {
                out.writeUTF(fk.name());
                strings(out, fk.columns());
                out.writeUTF(fk.referencedTable());
                strings(out, fk.referencedColumns());
                out.writeUTF(fk.onDelete().name());
                out.writeUTF(fk.onUpdate().name());
            }
            out.writeInt(t.uniques().size());
            for (UniqueConstraint u : t.uniques()) {
                out.writeUTF(u.name());
                strings(out, u.columns());
            }
            out.writeInt(t.checks().size());
            for (CheckConstraint c : t.checks()) {
                out.writeUTF(c.name());
                out.writeUTF(c.expression());
            }
            out.writeInt(t.indexes().size());
            for (Index i : t.indexes()) {
                out.writeUTF(i.name());
                out.writeInt(i.keys().size());
                for (Index.Key k : i.keys()) {
                    out.writeUTF(k.expression());
                    out.writeBoolean(k.descending());
                    out.writeBoolean(k.nullsFirst());
                    optional(out, k.collation());
                    optional(out, k.opclass());
                }
                out.writeBoolean(i.unique());
                optional(out, i.where());
                out.writeUTF(i.method());
                strings(out, i.include());
                strings(out, i.storage());
            }
            optional(out, t.comment());
            out.writeInt(t.ownedSequences().size());
            for (OwnedSequence o : t.ownedSequences()) {
                out.writeUTF(o.column());
                out.writeUTF(o.sequence().name());
                out.writeLong(o.sequence().start());
                out.writeLong(o.sequence().increment());
                out.writeUTF(o.dataType());
            }
            strings(out, t.storage());
        }
        out.writeInt(s.sequences().size());
        for (Sequence q : s.sequences().values()) {
            out.writeUTF(q.name());
            out.writeLong(q.start());
            out.writeLong(q.increment());
        }
        out.writeInt(s.enums().size());
        for (EnumType e : s.enums().values()) {
            out.writeUTF(e.name());
            strings(out, e.values());
            out.writeBoolean(e.varcharCasts());
        }
        out.writeInt(s.composites().size());
        for (CompositeType c : s.composites().values()) {
            out.writeUTF(c.name());
            strings(out, c.attributes().stream().map(CompositeType.Attribute::name).toList());
            strings(out, c.attributes().stream().map(CompositeType.Attribute::type).toList());
        }
    }

    /** A rename as written: its kind's letter, then its names, in the order {@code readRenamesAndNames} reads them. */
    private static final Rename.Visitor<List<String>> RENAME_FIELDS = new Rename.Visitor<>() {
        public List<String> table(Rename.OfTable t) { return List.of("T", t.from(), t.to()); }
        public List<String> column(Rename.OfColumn c) { return List.of("C", c.table(), c.from(), c.to()); }
        public List<String> enumValue(Rename.OfEnumValue v) { return List.of("E", v.type(), v.from(), v.to()); }
    };

    private static void writeRenamesAndNames(DataOutputStream out, EntityModel model) throws IOException {
        out.writeInt(model.renames().size());
        for (Rename r : model.renames()) {
            for (String field : r.accept(RENAME_FIELDS)) {
                out.writeUTF(field);
            }
        }
        strings(out, model.entityNames());
        strings(out, model.generatedNames().stream().sorted().toList());
        out.writeInt(model.databaseCode().size());
        for (String sql : model.databaseCode()) { // a statement may pass writeUTF's 64 KB
            byte[] bytes = sql.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    public static SchemaSnapshot readSchema(DataInputStream in) throws IOException {
        List<Table> tables = new ArrayList<>();
        for (int t = in.readInt(); t > 0; t--) {
            String name = in.readUTF();
            List<Column> columns = new ArrayList<>();
            for (int c = in.readInt(); c > 0; c--) {
                columns.add(new Column(in.readUTF(), in.readUTF(), in.readBoolean(), optional(in),
                        Column.Identity.valueOf(in.readUTF()), optional(in)));
            }
            Optional<PrimaryKey> pk = in.readBoolean() ? Optional.of(new PrimaryKey(in.readUTF(), strings(in))) : Optional.empty();
            List<ForeignKey> fks = new ArrayList<>();
            for (int f = in.readInt(); f > 0; f--) {
                fks.add(new ForeignKey(in.readUTF(), strings(in), in.readUTF(), strings(in),
                        ForeignKey.Action.valueOf(in.readUTF()), ForeignKey.Action.valueOf(in.readUTF())));
            }
            List<UniqueConstraint> uniques = new ArrayList<>();
            for (int u = in.readInt(); u > 0; u--) {
                uniques.add(new UniqueConstraint(in.readUTF(), strings(in)));
            }
            List<CheckConstraint> checks = new ArrayList<>();
            for (int c = in.readInt(); c > 0; c--) {
                checks.add(new CheckConstraint(in.readUTF(), in.readUTF()));
            }
            List<Index> indexes = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                String indexName = in.readUTF();
                List<Index.Key> keys = new ArrayList<>();
                for (int k = in.readInt(); k > 0; k--) {
                    keys.add(new Index.Key(in.readUTF(), in.readBoolean(), in.readBoolean(), optional(in), optional(in)));
                }
                boolean unique = in.readBoolean();
                Optional<String> where = optional(in);
                String method = in.readUTF();
                indexes.add(new Index(indexName, keys, unique, where, method, strings(in), strings(in)));
            }
            Optional<String> comment = optional(in);
            List<OwnedSequence> owned = new ArrayList<>();
            for (int o = in.readInt(); o > 0; o--) {
                String column = in.readUTF();
                owned.add(new OwnedSequence(column, new Sequence(in.readUTF(), in.readLong(), in.readLong()), in.readUTF()));
            }
            tables.add(new Table(name, columns, pk, fks, uniques, checks, indexes, comment, owned, strings(in)));
        }
        List<Sequence> sequences = new ArrayList<>();
        for (int q = in.readInt(); q > 0; q--) {
            sequences.add(new Sequence(in.readUTF(), in.readLong(), in.readLong()));
        }
        List<EnumType> enums = new ArrayList<>();
        for (int e = in.readInt(); e > 0; e--) {
            enums.add(new EnumType(in.readUTF(), strings(in), in.readBoolean()));
        }
        List<CompositeType> composites = new ArrayList<>();
        for (int c = in.readInt(); c > 0; c--) {
            String name = in.readUTF();
            List<String> names = strings(in);
            List<String> types = strings(in);
            composites.add(new CompositeType(name, java.util.stream.IntStream.range(0, names.size())
                    .mapToObj(a -> new CompositeType.Attribute(names.get(a), types.get(a))).toList()));
        }
        return SchemaSnapshot.of(tables, sequences, enums).withComposites(composites);
    }

    private static EntityModel readRenamesAndNames(DataInputStream in, SchemaSnapshot schema) throws IOException {
        List<Rename> renames = new ArrayList<>();
        for (int r = in.readInt(); r > 0; r--) {
            renames.add(switch (in.readUTF()) {
                case "T" -> new Rename.OfTable(in.readUTF(), in.readUTF());
                case "C" -> new Rename.OfColumn(in.readUTF(), in.readUTF(), in.readUTF());
                case "E" -> new Rename.OfEnumValue(in.readUTF(), in.readUTF(), in.readUTF());
                default -> throw new IOException("unknown rename kind");
            });
        }
        List<String> entityNames = strings(in);
        java.util.Set<String> generated = new java.util.HashSet<>(strings(in));
        List<String> databaseCode = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            databaseCode.add(new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8));
        }
        return new EntityModel(schema, renames, entityNames, generated, databaseCode);
    }

    private static void optional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeUTF(value.get());
        }
    }

    private static Optional<String> optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        List<String> values = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            values.add(in.readUTF());
        }
        return values;
    }
}
