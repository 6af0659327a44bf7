package io.diffgen.model;

import io.diffgen.annotations.PartialIndex;
import io.diffgen.annotations.RenamedFrom;
import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Sequence;
import io.diffgen.snapshot.Table;
import io.diffgen.snapshot.Types;
import io.diffgen.snapshot.UniqueConstraint;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the schema an entity model maps to from Hibernate's own boot metadata (no SessionFactory, no
 * connection), with the PostgreSQL dialect resolving types. Types and expressions come out as Hibernate
 * spells them; {@code io.diffgen.catalog.Canonicalizer} turns them into PostgreSQL's spelling.
 */
public final class HibernateModelReader {

    private HibernateModelReader() {
    }

    public static EntityModel read(List<Class<?>> mappedClasses, ClassLoader loader) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                // PostgreSQL 13 is the oldest server supported; the dialect resolves from these without a connection
                .applySetting("jakarta.persistence.database-product-name", "PostgreSQL")
                .applySetting("jakarta.persistence.database-major-version", "13")
                .applySetting("jakarta.persistence.database-minor-version", "0")
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("hibernate.temp.use_jdbc_metadata_defaults", "false")
                .applySetting("hibernate.column_ordering_strategy", "legacy")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            mappedClasses.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.getMetadataBuilder()
                    .applyImplicitNamingStrategy(new ConventionalNamingStrategy())
                    .build();
            return toModel(metadata);
        } catch (ModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelException("entity mapping error: " + rootMessage(e), e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t == e ? message : e.getMessage() + " (" + message + ")";
    }

    private static EntityModel toModel(Metadata metadata) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, List<PartialIndex>> partialIndexes = new LinkedHashMap<>();
        Map<String, List<String>> declaredOrder = new LinkedHashMap<>();
        List<Rename> renames = new ArrayList<>();
        List<String> entityNames = new ArrayList<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            entityNames.add(entity.getEntityName());
            Class<?> type = entity.getMappedClass();
            String tableName = entity.getTable().getName();
            if (type != null) {
                for (PartialIndex pi : type.getAnnotationsByType(PartialIndex.class)) {
                    partialIndexes.computeIfAbsent(tableName, t -> new ArrayList<>()).add(pi);
                }
                RenamedFrom tableRename = type.getAnnotation(RenamedFrom.class);
                if (tableRename != null) {
                    renames.add(new Rename.OfTable(tableRename.value(), tableName));
                }
                collectColumnRenames(entity, type, renames);
                declaredOrder.computeIfAbsent(tableName, t -> new ArrayList<>()).addAll(declaredColumnOrder(entity, type));
            }
        }
        for (org.hibernate.mapping.Table table : metadata.collectTableMappings()) {
            if (!table.isPhysicalTable() || table.isView() || table.isSubselect() || table.isAbstractUnionTable()) {
                continue;
            }
            Table read = inDeclaredOrder(readTable(table, metadata, partialIndexes.getOrDefault(table.getName(), List.of())),
                    declaredOrder.getOrDefault(table.getName(), List.of()));
            tables.put(read.name(), read);
        }
        List<Sequence> sequences = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.boot.model.relational.Sequence seq : namespace.getSequences()) {
                sequences.add(new Sequence(seq.getName().getSequenceName().getText(), seq.getInitialValue(), seq.getIncrementSize()));
            }
        }
        return new EntityModel(SchemaSnapshot.of(tables.values(), sequences), renames, entityNames);
    }

    private static Table readTable(org.hibernate.mapping.Table table, Metadata metadata, List<PartialIndex> partials) {
        String name = table.getName();
        List<Column> columns = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (org.hibernate.mapping.Column c : table.getColumns()) {
            Column.Identity identity = c.isIdentity() ? Column.Identity.BY_DEFAULT : Column.Identity.NONE;
            columns.add(new Column(c.getName(), Types.withoutDefaultPrecision(c.getSqlType(metadata).toLowerCase(Locale.ROOT).strip()),
                    c.isNullable() && !table.isPrimaryKey(c),
                    Optional.ofNullable(c.getDefaultValue()), identity, Optional.ofNullable(c.getComment())));
            int unnamed = 0;
            for (org.hibernate.mapping.CheckConstraint check : c.getCheckConstraints()) {
                String checkName = check.isNamed() ? check.getName()
                        : name + "_" + c.getName() + "_check" + (unnamed++ == 0 ? "" : String.valueOf(unnamed - 1));
                checks.add(new CheckConstraint(checkName, check.getConstraint()));
            }
        }
        int unnamedTableChecks = 0;
        for (org.hibernate.mapping.CheckConstraint check : table.getChecks()) {
            String checkName = check.isNamed() ? check.getName()
                    : name + "_check" + (unnamedTableChecks++ == 0 ? "" : String.valueOf(unnamedTableChecks - 1));
            checks.add(new CheckConstraint(checkName, check.getConstraint()));
        }

        Optional<PrimaryKey> pk = Optional.empty();
        if (table.hasPrimaryKey()) {
            org.hibernate.mapping.PrimaryKey key = table.getPrimaryKey();
            // JPA cannot name a primary key; Hibernate's own DDL leaves it to PostgreSQL, which says <table>_pkey
            pk = Optional.of(new PrimaryKey(name + "_pkey", columnNames(key.getColumns())));
        }

        List<ForeignKey> fks = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey fk : table.getForeignKeys().values()) {
            if (!fk.isCreationEnabled() || !fk.isPhysicalConstraint() || fk.getReferencedTable() == null) {
                continue;
            }
            List<String> referenced = fk.isReferenceToPrimaryKey()
                    ? columnNames(fk.getReferencedTable().getPrimaryKey().getColumns())
                    : columnNames(fk.getReferencedColumns());
            fks.add(new ForeignKey(fk.getName(), columnNames(fk.getColumns()), fk.getReferencedTable().getName(), referenced,
                    onDelete(fk.getOnDeleteAction()), ForeignKey.Action.NO_ACTION));
        }
        fks.sort(Comparator.comparing(ForeignKey::name));

        List<UniqueConstraint> uniques = new ArrayList<>();
        for (org.hibernate.mapping.UniqueKey uk : table.getUniqueKeys().values()) {
            if (pk.isPresent() && pk.get().columns().equals(columnNames(uk.getColumns()))) {
                continue; // Hibernate's unique key over the PK columns adds nothing
            }
            uniques.add(new UniqueConstraint(uk.getName(), columnNames(uk.getColumns())));
        }

        List<Index> indexes = new ArrayList<>();
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            List<Index.Key> keys = new ArrayList<>();
            for (Selectable s : index.getSelectables()) {
                String order = index.getSelectableOrderMap().get(s);
                keys.add(new Index.Key(Identifiers.quote(s.getText()), order != null && order.toLowerCase(Locale.ROOT).contains("desc")));
            }
            indexes.add(new Index(index.getName(), keys, index.isUnique(), Optional.empty(), "btree"));
        }
        for (PartialIndex pi : partials) {
            indexes.add(new Index(pi.name(), parseColumnList(pi.columnList()), pi.unique(), Optional.of(pi.where()), "btree"));
        }
        return new Table(name, columns, pk, fks, uniques, checks, indexes, Optional.ofNullable(table.getComment()));
    }

    /**
     * Hibernate sorts properties by name; reviewers read columns best in the order the entity declares
     * its fields (superclass fields first), so CREATE TABLE follows that order.
     */
    private static List<String> declaredColumnOrder(PersistentClass entity, Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        List<String> order = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                Property property = propertyOrNull(entity, field.getName());
                if (property != null) {
                    property.getColumns().forEach(col -> order.add(col.getName()));
                }
            }
        }
        return order;
    }

    private static Property propertyOrNull(PersistentClass entity, String name) {
        Property id = entity.getIdentifierProperty();
        if (id != null && id.getName().equals(name)) {
            return id;
        }
        for (Property p : entity.getPropertyClosure()) {
            if (p.getName().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static Table inDeclaredOrder(Table table, List<String> order) {
        List<Column> columns = new ArrayList<>(table.columns());
        columns.sort(Comparator.comparingInt(c -> {
            int i = order.indexOf(c.name());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return new Table(table.name(), columns, table.primaryKey(), table.foreignKeys(), table.uniques(), table.checks(),
                table.indexes(), table.comment());
    }

    static List<Index.Key> parseColumnList(String columnList) {
        List<Index.Key> keys = new ArrayList<>();
        for (String part : columnList.split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw new ModelException("bad @PartialIndex columnList: '" + columnList + "'");
            }
            boolean desc = words.length == 2 && words[1].equalsIgnoreCase("desc");
            if (words.length == 2 && !desc && !words[1].equalsIgnoreCase("asc")) {
                throw new ModelException("bad @PartialIndex columnList: '" + columnList + "' (expected ASC or DESC after " + words[0] + ")");
            }
            keys.add(new Index.Key(Identifiers.quote(words[0]), desc));
        }
        return keys;
    }

    private static ForeignKey.Action onDelete(OnDeleteAction action) {
        if (action == null) {
            return ForeignKey.Action.NO_ACTION;
        }
        return switch (action) {
            case NO_ACTION -> ForeignKey.Action.NO_ACTION;
            case CASCADE -> ForeignKey.Action.CASCADE;
            case SET_NULL -> ForeignKey.Action.SET_NULL;
            case SET_DEFAULT -> ForeignKey.Action.SET_DEFAULT;
            case RESTRICT -> ForeignKey.Action.RESTRICT;
        };
    }

    private static List<String> columnNames(List<org.hibernate.mapping.Column> columns) {
        return columns.stream().map(org.hibernate.mapping.Column::getName).toList();
    }

    private static void collectColumnRenames(PersistentClass entity, Class<?> type, List<Rename> renames) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                addColumnRename(entity, field, field.getName(), renames);
            }
            for (Method method : c.getDeclaredMethods()) {
                String n = method.getName();
                if (n.startsWith("get") && n.length() > 3) {
                    addColumnRename(entity, method, Character.toLowerCase(n.charAt(3)) + n.substring(4), renames);
                }
            }
        }
    }

    private static void addColumnRename(PersistentClass entity, AnnotatedElement member, String propertyName, List<Rename> renames) {
        RenamedFrom renamed = member.getAnnotation(RenamedFrom.class);
        if (renamed == null) {
            return;
        }
        Property property = entity.getIdentifierProperty() != null && entity.getIdentifierProperty().getName().equals(propertyName)
                ? entity.getIdentifierProperty() : entity.getProperty(propertyName);
        List<org.hibernate.mapping.Column> columns = property.getColumns();
        if (columns.size() != 1) {
            throw new ModelException("@RenamedFrom on " + entity.getEntityName() + "." + propertyName + " needs a single-column property");
        }
        renames.add(new Rename.OfColumn(property.getValue().getTable().getName(), renamed.value(), columns.get(0).getName()));
    }
}
