package io.diffgen.cache;

import io.diffgen.model.EntityModel;
import io.diffgen.model.TestModels;
import io.diffgen.model.Rename;

import io.diffgen.random.RandomSchemas;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model cache's file format gives back exactly the model that was written. */
class SnapshotCodecTest {
    private static EntityModel roundTrip(EntityModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            SnapshotCodec.writeModel(out, model);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return SnapshotCodec.readModel(in);
        }
    }

    @Test
    void everyKindOfObjectComesBack() throws IOException {
        Table t = new Table("order", List.of(
                new Column("id", "bigint", false, Optional.empty(), Column.Identity.BY_DEFAULT, Optional.of("the key")),
                new Column("status", "character varying(20)", false, Optional.of("'NEW'::character varying"), Column.Identity.NONE, Optional.empty()),
                new Column("customer_id", "bigint", true, Optional.empty(), Column.Identity.ALWAYS, Optional.of("ünïcode ✓"))),
                Optional.of(new PrimaryKey("order_pkey", List.of("id"))),
                List.of(new ForeignKey("fk_order_customer_id", List.of("customer_id"), "customer", List.of("id"),
                        ForeignKey.Action.CASCADE, ForeignKey.Action.SET_NULL)),
                List.of(new UniqueConstraint("uq_order_status", List.of("status", "customer_id"))),
                List.of(new CheckConstraint("order_status_check", "status IS NOT NULL")),
                List.of(new Index("ix_order_status", List.of(new Index.Key("status", true), new Index.Key("lower(status)", false),
                                new Index.Key("customer_id", false, true, Optional.of("pg_catalog.\"C\""), Optional.of("text_pattern_ops"))),
                        true, Optional.of("status <> 'X'"), "btree", List.of("id"), List.of("fillfactor=80"))),
                Optional.of("orders, with \"quotes\""),
                List.of(new OwnedSequence("id", new Sequence("order_id_seq", 5, 2), "integer")),
                List.of("autovacuum_enabled=false", "fillfactor=70", "toast.autovacuum_enabled=false"));
        Table bare = new Table("customer", List.of(Column.of("id", "bigint", false)), Optional.empty(), List.of(), List.of(), List.of(),
                List.of(), Optional.empty());
        EntityModel model = new EntityModel(SchemaSnapshot.of(List.of(t, bare), List.of(new Sequence("order_seq", 1, 50)),
                        List.of(new EnumType("order_state", List.of("NEW", "it's done"), true), new EnumType("Quoted", List.of(), false)))
                        .withComposites(List.of(new CompositeType("geo_point", List.of(new CompositeType.Attribute("lat", "double precision"),
                                new CompositeType.Attribute("Label", "character varying(20)"))))),
                List.of(new Rename.OfTable("orders", "order"), new Rename.OfColumn("order", "state", "status"),
                        new Rename.OfEnumValue("order_state", "DONE", "it's done")),
                List.of("Order", "Customer"), Set.of("order.order_pkey", "order.fk_order_customer_id"),
                List.of("create view order_total as select customer_id, count(*) from \"order\" group by customer_id",
                        "create function big() returns text language sql as $$ select '" + "x".repeat(70_000) + "' $$"));
        assertEquals(model, roundTrip(model));
    }

    @Test
    void pixCrawlerAsHibernateReadsItComesBack() throws IOException {
        EntityModel model = TestModels.pixCrawler(Map.of("hibernate.validator.apply_to_ddl", "false"));
        assertTrue(model.schema().tables().size() >= 14);
        assertTrue(!model.generatedNames().isEmpty(), "the generated names are part of what is cached");
        assertEquals(model, roundTrip(model));
    }

    @Test
    void randomSchemasComeBack() {
        io.diffgen.Trials.run(100, seed -> {
            EntityModel model = new EntityModel(RandomSchemas.base(seed), List.of(), List.of());
            assertEquals(model, roundTrip(model));
        });
    }

    @Test
    void aCanonicalSchemaIsStoredAsASchema(@TempDir Path dir) {
        ModelCache cache = new ModelCache(dir);
        SchemaSnapshot schema = RandomSchemas.base(7);
        cache.putCanonical("c", schema);
        assertEquals(Optional.of(schema), cache.getCanonical("c"));
        assertEquals(Optional.empty(), cache.get("c"), "a model entry is another file");
    }

    @Test
    void anEntryOfAnotherFormatOrDamagedIsAMiss(@TempDir Path dir) throws IOException {
        ModelCache cache = new ModelCache(dir);
        EntityModel model = new EntityModel(RandomSchemas.base(1), List.of(), List.of("A"), Set.of("x.y"));
        cache.put("k", model);
        assertEquals(Optional.of(model), cache.get("k"));
        Path file = dir.resolve("model-k.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(Optional.empty(), cache.get("k"), "a truncated entry");
        bytes[3] = 99;
        Files.write(file, bytes);
        assertEquals(Optional.empty(), cache.get("k"), "another format");
    }
}
