package io.diffgen.hibernate;

import io.diffgen.annotations.PartialIndex;
import io.diffgen.annotations.RenamedFrom;
import io.diffgen.model.EntityModel;
import io.diffgen.model.ModelException;
import io.diffgen.model.Rename;
import io.diffgen.snapshot.EnumType;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.CompositeType;
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
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.type.SqlTypes;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the schema an entity model maps to from Hibernate's own boot metadata (no SessionFactory, no
 * connection), with the PostgreSQL dialect resolving types. Types and expressions come out as Hibernate
 * spells them; {@code io.diffgen.catalog.Canonicalizer} turns them into PostgreSQL's spelling.
 */
public final class HibernateModelReader {

    /**
     * The oldest PostgreSQL this Hibernate's dialect supports, which the DDL is written for: 13 for
     * Hibernate 6 (and diffgen), 14 for Hibernate 7, which warns below it.
     */
    static final String OLDEST_POSTGRES = org.hibernate.Version.getVersionString().startsWith("6.") ? "13" : "14";

    /**
     * {@code settings} with what lets the dialect resolve without a connection, as of {@link #OLDEST_POSTGRES},
     * and with the second-level cache off: it never changes the schema, and the application's cache
     * provider (JCache, configured by its own code) is not there to start.
     */
    static Map<String, Object> offline(Map<String, String> settings) {
        Map<String, Object> all = new java.util.HashMap<>(settings);
        all.put("hibernate.cache.use_second_level_cache", "false");
        all.put("hibernate.cache.use_query_cache", "false");
        all.remove("hibernate.cache.region.factory_class");
        all.put("jakarta.persistence.database-product-name", "PostgreSQL");
        all.put("jakarta.persistence.database-major-version", OLDEST_POSTGRES);
        all.put("jakarta.persistence.database-minor-version", "0");
        all.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        all.put("hibernate.temp.use_jdbc_metadata_defaults", "false");
        return all;
    }

    private HibernateModelReader() {
    }

    /**
     * Hibernate started under {@code settings}, up to the point where it needs the mapped classes: its
     * service registry and a metadata builder. Its registry is released by {@link #read} or {@link #release}.
     */
    record Started(Map<String, String> settings, ClassLoader loader, StandardServiceRegistry registry, MetadataSources sources,
                   MetadataBuilder builder, ConventionalNamingStrategy naming) {
        void release() {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    static Started start(ClassLoader loader, Map<String, String> settings) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoaderService(new RememberingClassLoaderService(loader)).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(offline(settings)).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            ImplicitNamingStrategy application = registry.getService(StrategySelector.class).resolveDefaultableStrategy(
                    ImplicitNamingStrategy.class, settings.get(AvailableSettings.IMPLICIT_NAMING_STRATEGY),
                    (java.util.concurrent.Callable<ImplicitNamingStrategy>) ImplicitNamingStrategyJpaCompliantImpl::new);
            ConventionalNamingStrategy naming = new ConventionalNamingStrategy(application);
            // the builder reads the sources' classes when it builds, not before
            MetadataBuilder builder = sources.getMetadataBuilder().applyImplicitNamingStrategy(naming);
            return new Started(Map.copyOf(settings), loader, registry, sources, builder, naming);
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /** The model as the application's Hibernate, started by {@link #start}, maps it; the registry is released after. */
    static EntityModel read(List<Class<?>> mappedClasses, Started started) {
        Map<String, String> settings = started.settings();
        ClassLoader loader = started.loader();
        StandardServiceRegistry registry = started.registry();
        ConventionalNamingStrategy naming = started.naming();
        try {
            mappedClasses.forEach(started.sources()::addAnnotatedClass);
            Metadata metadata = started.builder().build();
            // in the order the application's SessionFactory applies them before its schema export
            // creates tables: Bean Validation first (it sets lengths, and ordering resolves and keeps
            // the SQL types), then primary-key columns in the order of hibernate.column_ordering_strategy
            BeanValidationDdl.apply(metadata, registry, loader, settings);
            ((MetadataImplementor) metadata).orderColumns(true);
            String defaultSchema = settings.get(AvailableSettings.DEFAULT_SCHEMA);
            // Hibernate's own errors become one line, naming this Hibernate, in diffgen's IsolatedModelReader
            return toModel(metadata, naming, defaultSchema == null || defaultSchema.isBlank() ? null : stored(defaultSchema.strip()));
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static EntityModel toModel(Metadata metadata, ConventionalNamingStrategy naming, String defaultSchema) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, List<PartialIndex>> partialIndexes = new LinkedHashMap<>();
        Map<String, List<String>> declaredOrder = new LinkedHashMap<>();
        List<Rename> renames = new ArrayList<>();
        Set<String> generated = new HashSet<>();
        List<String> entityNames = new ArrayList<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            entityNames.add(entity.getEntityName());
            Class<?> type = entity.getMappedClass();
            String tableName = key(entity.getTable(), defaultSchema);
            if (type != null) {
                for (PartialIndex pi : type.getAnnotationsByType(PartialIndex.class)) {
                    partialIndexes.computeIfAbsent(tableName, t -> new ArrayList<>()).add(pi);
                }
                RenamedFrom tableRename = type.getAnnotation(RenamedFrom.class);
                if (tableRename != null) {
                    renames.add(new Rename.OfTable(previousTable(tableRename.value(), tableName), tableName));
                }
                collectColumnRenames(entity, type, defaultSchema, renames);
                declaredOrder.computeIfAbsent(tableName, t -> new ArrayList<>()).addAll(declaredColumnOrder(entity, type));
            }
        }
        Map<String, String> fullNames = new HashMap<>();
        for (org.hibernate.mapping.Table table : metadata.collectTableMappings()) {
            if (!table.isPhysicalTable() || table.isView() || table.isSubselect() || table.isAbstractUnionTable()) {
                continue;
            }
            String key = key(table, defaultSchema);
            refuseSystemSchema(key, "table");
            String cutFrom = fullNames.putIfAbsent(key, table.getName());
            if (cutFrom != null && !cutFrom.equals(table.getName())) {
                throw new ModelException("tables " + cutFrom + " and " + table.getName() + " are both " + Identifiers.display(key)
                        + " in PostgreSQL, which cuts names at 63 bytes: give one of them a shorter name (@Table(name = ...))");
            }
            Table read = inDeclaredOrder(readTable(table, key, defaultSchema, metadata, partialIndexes.getOrDefault(key, List.of()), generated,
                            naming),
                    declaredOrder.getOrDefault(key, List.of()));
            tables.put(read.name(), read);
        }
        List<Sequence> sequences = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.boot.model.relational.Sequence seq : namespace.getSequences()) {
                Identifier schema = seq.getName().getSchemaName();
                String key = Identifiers.qualified(schema != null ? stored(schema) : defaultSchema, stored(seq.getName().getSequenceName()));
                refuseSystemSchema(key, "sequence");
                sequences.add(new Sequence(key, seq.getInitialValue(), seq.getIncrementSize()));
            }
        }
        List<EnumType> enums = enumTypes(metadata);
        enumClasses(metadata).forEach((enumClass, typeName) -> collectValueRenames(enumClass, typeName, renames));
        return new EntityModel(SchemaSnapshot.of(tables.values(), sequences, enums).withComposites(compositeTypes(metadata, defaultSchema)),
                renames, entityNames,
                namedByTheStrategy(tables.values(), naming, generated), databaseCode(metadata, defaultSchema));
    }

    /**
     * The database code Hibernate's own schema export creates beside the tables, in its words: each
     * {@code @View} entity's {@code create view} (its table exporter's), then the auxiliary database
     * objects for PostgreSQL (but the enum types, which are read as types), then the application's JPA
     * create script. A view in another schema than the default is refused.
     */
    private static List<String> databaseCode(Metadata metadata, String defaultSchema) {
        Database database = metadata.getDatabase();
        SqlStringGenerationContext context = SqlStringGenerationContextImpl.fromExplicit(database.getJdbcEnvironment(), database, null, null);
        List<String> code = new ArrayList<>();
        for (org.hibernate.mapping.Table table : metadata.collectTableMappings()) {
            if (!table.isView()) continue;
            if (table.getSchema() != null && !stored(Identifier.toIdentifier(table.getSchema(), table.isSchemaQuoted())).equals(defaultSchema)) {
                throw new ModelException("the @View entity's view " + table.getName() + " is in schema " + table.getSchema()
                        + ", and diffgen writes and compares database code in the default schema only");
            }
            code.addAll(Arrays.asList(database.getDialect().getTableExporter().getSqlCreateStrings(table, metadata, context)));
        }
        for (AuxiliaryDatabaseObject object : database.getAuxiliaryDatabaseObjects()) {
            if (!object.appliesToDialect(database.getDialect())) continue;
            String[] statements = object.sqlCreateStrings(context);
            if (statements.length > 0 && CREATE_ENUM.matcher(statements[0].strip()).matches()) continue;
            code.addAll(Arrays.asList(statements));
        }
        code.addAll(createScript(metadata));
        return code;
    }

    /**
     * The commands of the application's JPA create script ({@code jakarta.persistence.schema-generation.create-script-source}),
     * when its create source uses one: found and split into commands by Hibernate's own schema tooling, as
     * its export runs them after the tables ({@code metadata-then-script}).
     */
    private static List<String> createScript(Metadata metadata) {
        org.hibernate.service.ServiceRegistry registry = ((MetadataImplementor) metadata).getMetadataBuildingOptions().getServiceRegistry();
        Map<String, Object> settings = registry.getService(org.hibernate.engine.config.spi.ConfigurationService.class).getSettings();
        Object script = settings.getOrDefault("jakarta.persistence.schema-generation.create-script-source",
                settings.get("javax.persistence.schema-generation.create-script-source"));
        Object source = settings.getOrDefault("jakarta.persistence.schema-generation.create-source",
                settings.get("javax.persistence.schema-generation.create-source"));
        if (script == null || source != null && !source.toString().contains("script")) return List.of();
        org.hibernate.tool.schema.spi.ScriptSourceInput input = org.hibernate.tool.schema.internal.Helper.interpretScriptSourceSetting(script,
                registry.getService(org.hibernate.boot.registry.classloading.spi.ClassLoaderService.class),
                (String) settings.get("hibernate.hbm2ddl.charset_name"));
        org.hibernate.tool.schema.spi.SqlScriptCommandExtractor extractor =
                registry.getService(org.hibernate.tool.schema.spi.SqlScriptCommandExtractor.class);
        return input.extract(reader -> extractor.extractCommands(reader, metadata.getDatabase().getDialect()));
    }

    /**
     * One table as Hibernate maps it. The names diffgen makes up for it (the primary key's, unnamed
     * CHECKs', column uniques') go into {@code generated} as {@link EntityModel#generatedName}s.
     */
    private static Table readTable(org.hibernate.mapping.Table table, String tableKey, String defaultSchema, Metadata metadata,
                                   List<PartialIndex> partials, Set<String> generated, ConventionalNamingStrategy naming) {
        String name = stored(table); // the table's own name, which generated names start with
        List<String> tableStorage = storageParameters(table, "table " + Identifiers.display(tableKey));
        table.getUniqueKeys().values().forEach(u -> refuseOptions(u, () -> "unique key " + u.getName() + " on " + Identifiers.display(tableKey)));
        table.getForeignKeys().values().forEach(f -> refuseOptions(f, () -> "foreign key " + f.getName() + " on " + Identifiers.display(tableKey)));
        table.getChecks().forEach(k -> refuseOptions(k, () -> "check constraint " + k.getName() + " on " + Identifiers.display(tableKey)));
        List<Column> columns = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        for (org.hibernate.mapping.Column c : table.getColumns()) {
            refuseOptions(c, () -> "column " + Identifiers.display(tableKey) + "." + stored(c));
            c.getCheckConstraints().forEach(k -> refuseOptions(k, () -> "check constraint " + k.getName() + " on " + Identifiers.display(tableKey)));
            Column.Identity identity = c.isIdentity() ? Column.Identity.BY_DEFAULT : Column.Identity.NONE;
            // an enum or composite type's name is an identifier (it may be a keyword, like order), any other type is SQL as Hibernate spells it
            int typeCode = c.getSqlTypeCode(metadata);
            String type = typeCode == SqlTypes.NAMED_ENUM || typeCode == SqlTypes.STRUCT ? Identifiers.quote(stored(c.getSqlType(metadata)))
                    : Types.withoutDefaultPrecision(c.getSqlType(metadata).toLowerCase(Locale.ROOT).strip());
            columns.add(new Column(stored(c), type,
                    c.isNullable() && !table.isPrimaryKey(c),
                    Optional.ofNullable(c.getDefaultValue()), identity, comment(c.getComment())));
            // Hibernate's DDL puts a column's unnamed CHECKs (@Min and @Max, say) into one, joined by and
            List<String> unnamed = new ArrayList<>();
            for (org.hibernate.mapping.CheckConstraint check : c.getCheckConstraints()) {
                if (check.isNamed()) {
                    checks.add(new CheckConstraint(stored(check.getName()), check.getConstraint()));
                } else {
                    unnamed.add(check.getConstraint());
                }
            }
            if (!unnamed.isEmpty()) {
                checks.add(new CheckConstraint(generatedName(generated, tableKey, Identifiers.objectName(name, stored(c), "check")),
                        String.join(" and ", unnamed)));
            }
        }
        int unnamedTableChecks = 0;
        for (org.hibernate.mapping.CheckConstraint check : table.getChecks()) {
            String checkName = check.isNamed() ? stored(check.getName())
                    : generatedName(generated, tableKey, Identifiers.objectName(name, null,
                            "check" + (unnamedTableChecks++ == 0 ? "" : String.valueOf(unnamedTableChecks - 1))));
            checks.add(new CheckConstraint(checkName, check.getConstraint()));
        }

        Optional<PrimaryKey> pk = Optional.empty();
        if (table.hasPrimaryKey()) {
            org.hibernate.mapping.PrimaryKey key = table.getPrimaryKey();
            // JPA cannot name a primary key; Hibernate's own DDL leaves it to PostgreSQL, which says <table>_pkey
            pk = Optional.of(new PrimaryKey(generatedName(generated, tableKey, Identifiers.objectName(name, null, "pkey")), columnNames(key.getColumns())));
        }

        List<ForeignKey> fks = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey fk : table.getForeignKeys().values()) {
            if (!fk.isCreationEnabled() || !fk.isPhysicalConstraint() || fk.getReferencedTable() == null) {
                continue;
            }
            List<String> referenced = fk.isReferenceToPrimaryKey()
                    ? columnNames(fk.getReferencedTable().getPrimaryKey().getColumns())
                    : columnNames(fk.getReferencedColumns());
            fks.add(new ForeignKey(stored(fk.getName()), columnNames(fk.getColumns()), key(fk.getReferencedTable(), defaultSchema), referenced,
                    onDelete(fk.getOnDeleteAction()), ForeignKey.Action.NO_ACTION));
        }
        fks.sort(Comparator.comparing(ForeignKey::name));

        List<UniqueConstraint> uniques = new ArrayList<>();
        for (org.hibernate.mapping.UniqueKey uk : table.getUniqueKeys().values()) {
            if (pk.isPresent() && pk.get().columns().equals(columnNames(uk.getColumns()))) {
                continue; // Hibernate's unique key over the PK columns adds nothing
            }
            String ukName = stored(uk.getName());
            List<String> ukColumns = columnNames(uk.getColumns());
            uniques.add(new UniqueConstraint(naming.generated(ukName) ? naming.conventional("uq", name, ukColumns) : ukName, ukColumns));
        }
        addColumnUniques(table, tableKey, name, uniques, generated);

        List<Index> indexes = new ArrayList<>();
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            List<Index.Key> keys = new ArrayList<>();
            for (Selectable s : index.getSelectables()) {
                String order = index.getSelectableOrderMap().get(s);
                String key = s instanceof org.hibernate.mapping.Column column ? Identifiers.quote(stored(column)) : s.getText();
                keys.add(new Index.Key(key, order != null && order.toLowerCase(Locale.ROOT).contains("desc")));
            }
            indexes.add(new Index(stored(index.getName()), keys, index.isUnique(), Optional.empty(), "btree", List.of(),
                    storageParameters(index, "index " + index.getName() + " on " + Identifiers.display(tableKey))));
        }
        for (PartialIndex pi : partials) {
            indexes.add(new Index(stored(pi.name()), parseColumnList(pi.columnList()), pi.unique(), Optional.of(pi.where()), "btree"));
        }
        return new Table(tableKey, columns, pk, fks, uniques, checks, indexes, comment(table.getComment())).withStorage(tableStorage);
    }

    private static final Pattern STORAGE_OPTIONS = Pattern.compile("(?is)\\s*with\\s*\\((.*)\\)\\s*");

    /**
     * Jakarta Persistence 3.2's {@code options = "with (fillfactor = 70)"} on a table or an index, which
     * Hibernate appends to its DDL, as storage parameters ({@code fillfactor=70}); the catalog side
     * spells them as PostgreSQL does. Any other option is refused as on the other objects.
     */
    private static List<String> storageParameters(Object mapping, String what) {
        Optional<String> options = options(mapping);
        if (options.isEmpty()) return List.of();
        Matcher with = STORAGE_OPTIONS.matcher(options.get());
        if (!with.matches()) {
            throw new ModelException(what + " has options = \"" + options.get() + "\", and the only options diffgen writes and compares are "
                    + "storage parameters, WITH (name = value, ...): write the others in a revision of your own (revision -m MSG, "
                    + "without --autogenerate)");
        }
        List<String> parameters = new ArrayList<>();
        for (String parameter : with.group(1).split(",")) {
            String[] nameAndValue = parameter.split("=", 2);
            String value = nameAndValue.length == 1 ? "true" : nameAndValue[1].strip().replaceAll("^'(.*)'$", "$1");
            parameters.add(nameAndValue[0].strip().toLowerCase(Locale.ROOT) + "=" + value);
        }
        return parameters.stream().sorted().toList();
    }

    /**
     * Jakarta Persistence 3.2's {@code options = "..."} on a unique key, foreign key, CHECK or column
     * (Hibernate 7; 6.6's mapping has no such property, hence the reflection): SQL Hibernate appends
     * to the object's DDL. diffgen neither writes nor compares it yet, so a model that uses it is
     * refused rather than given a schema without it.
     */
    private static void refuseOptions(Object mapping, Supplier<String> what) {
        options(mapping).ifPresent(text -> {
            throw new ModelException(what.get() + " has options = \"" + text + "\", which diffgen does not write or compare yet: "
                    + "take them out of the mapping and write them in a revision of your own (revision -m MSG, without --autogenerate)");
        });
    }

    /** Each mapping class's {@code getOptions()}, looked up once: a model has thousands of columns and keys. */
    private static final ClassValue<Optional<java.lang.reflect.Method>> GET_OPTIONS = new ClassValue<>() {
        @Override
        protected Optional<java.lang.reflect.Method> computeValue(Class<?> type) {
            try {
                return Optional.of(type.getMethod("getOptions"));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }
    };

    private static Optional<String> options(Object mapping) {
        Optional<java.lang.reflect.Method> getOptions = GET_OPTIONS.get(mapping.getClass());
        if (getOptions.isEmpty()) return Optional.empty();
        Object options;
        try {
            options = getOptions.get().invoke(mapping);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return options instanceof String text && !text.isBlank() ? Optional.of(text.strip()) : Optional.empty();
    }

    /**
     * A comment as PostgreSQL keeps it: {@code COMMENT ... IS ''} removes one, so an empty comment
     * (Hibernate 7.2 gives one to the columns of a join table) is none.
     */
    private static Optional<String> comment(String comment) {
        return Optional.ofNullable(comment).filter(c -> !c.isEmpty());
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
                    columnsOf(property).forEach(col -> order.add(stored(col)));
                }
            }
        }
        return order;
    }

    /** A property's columns; a {@code @Formula} is SQL Hibernate reads with, not a column, and Hibernate's export leaves it out. */
    private static List<org.hibernate.mapping.Column> columnsOf(Property property) {
        return property.getSelectables().stream()
                .filter(org.hibernate.mapping.Column.class::isInstance).map(org.hibernate.mapping.Column.class::cast).toList();
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
        return table.withColumns(columns);
    }

    /** Hibernate's DDL for a composite type: its name and its attributes. */
    private static final Pattern CREATE_COMPOSITE = Pattern.compile("(?is)create type (\\S+) as \\((.*)\\)");

    /**
     * The composite types Hibernate creates for {@code @Struct} embeddables, taken from its own DDL
     * for them (its user-defined type exporter): the name, and each attribute with its type as
     * Hibernate writes it, in Hibernate's order. Types in another schema than the default are refused.
     */
    private static List<CompositeType> compositeTypes(Metadata metadata, String defaultSchema) {
        Database database = metadata.getDatabase();
        SqlStringGenerationContext context = SqlStringGenerationContextImpl.fromExplicit(database.getJdbcEnvironment(), database, null, null);
        List<CompositeType> composites = new ArrayList<>();
        for (Namespace namespace : database.getNamespaces()) {
            for (org.hibernate.mapping.UserDefinedType udt : namespace.getDependencyOrderedUserDefinedTypes()) {
                Identifier schema = namespace.getName().getSchema();
                if (schema != null && !stored(schema).equals(defaultSchema)) {
                    throw new ModelException("composite type " + udt.getName() + " is in schema " + stored(schema)
                            + ", and diffgen writes and compares composite types in the default schema only");
                }
                for (String sql : database.getDialect().getUserDefinedTypeExporter().getSqlCreateStrings(udt, metadata, context)) {
                    Matcher create = CREATE_COMPOSITE.matcher(sql.strip());
                    if (!create.matches()) {
                        throw new ModelException("user-defined type " + udt.getName() + " is created by Hibernate as '" + sql.strip()
                                + "', which diffgen does not write or compare yet");
                    }
                    String name = create.group(1).contains(".") ? create.group(1).substring(create.group(1).lastIndexOf('.') + 1) : create.group(1);
                    List<CompositeType.Attribute> attributes = new ArrayList<>();
                    for (String attribute : topLevelItems(create.group(2))) {
                        String[] nameAndType = attribute.strip().split("\\s+", 2);
                        attributes.add(new CompositeType.Attribute(stored(Identifiers.unquote(nameAndType[0]), Identifiers.isQuoted(nameAndType[0])),
                                Types.withoutDefaultPrecision(nameAndType[1].toLowerCase(Locale.ROOT).strip())));
                    }
                    composites.add(new CompositeType(stored(Identifiers.unquote(name), Identifiers.isQuoted(name)), attributes));
                }
            }
        }
        return composites;
    }

    /** The comma-separated items of a list, commas inside parentheses ({@code numeric(10,2)}) not counting. */
    private static List<String> topLevelItems(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0) {
                items.add(list.substring(start, i));
                start = i + 1;
            }
        }
        items.add(list.substring(start));
        return items;
    }

    /** Hibernate's DDL for a named enum type: its name and its quoted labels. */
    private static final Pattern CREATE_ENUM = Pattern.compile("(?is)create type (\\S+) as enum \\((.*)\\)");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");

    /**
     * The enum types Hibernate creates for {@code SqlTypes.NAMED_ENUM} columns, taken from its own DDL
     * (the auxiliary objects of its PostgreSQL enum type): the name, the labels in Hibernate's order,
     * and the two implicit varchar casts it creates beside them.
     */
    private static List<EnumType> enumTypes(Metadata metadata) {
        Database database = metadata.getDatabase();
        SqlStringGenerationContext context = SqlStringGenerationContextImpl.fromExplicit(database.getJdbcEnvironment(), database, null, null);
        List<EnumType> enums = new ArrayList<>();
        for (AuxiliaryDatabaseObject object : database.getAuxiliaryDatabaseObjects()) {
            String[] statements = object.sqlCreateStrings(context);
            Matcher create = statements.length == 0 ? null : CREATE_ENUM.matcher(statements[0].strip());
            if (create == null || !create.matches()) continue;
            String typeName = create.group(1);
            boolean quoted = Identifiers.isQuoted(typeName);
            List<String> values = new ArrayList<>();
            Matcher literal = LITERAL.matcher(create.group(2));
            while (literal.find()) values.add(literal.group(1).replace("''", "'"));
            boolean casts = Arrays.stream(statements).anyMatch(sql -> sql.toLowerCase(Locale.ROOT).startsWith("create cast"));
            enums.add(new EnumType(stored(Identifiers.unquote(typeName), quoted), values, casts));
        }
        return enums;
    }

    /** The Java enums mapped to a NAMED_ENUM column, with their type's name; their constants may declare {@code @RenamedFrom}. */
    private static Map<Class<?>, String> enumClasses(Metadata metadata) {
        Map<Class<?>, String> classes = new LinkedHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            for (org.hibernate.mapping.Property property : entity.getPropertyClosure()) {
                // the Java type first, which is resolved already: reading every property's columns took about 90 ms at 1,000 entities
                if (!(property.getValue() instanceof org.hibernate.mapping.BasicValue value)
                        || !value.resolve().getDomainJavaType().getJavaTypeClass().isEnum()) {
                    continue;
                }
                List<org.hibernate.mapping.Column> columns = columnsOf(property);
                if (columns.size() == 1 && columns.get(0).getSqlTypeCode(metadata) == SqlTypes.NAMED_ENUM) {
                    Class<?> enumClass = value.resolve().getDomainJavaType().getJavaTypeClass();
                    String typeName = stored(columns.get(0).getSqlType(metadata));
                    classes.forEach((other, name) -> {
                        if (name.equals(typeName) && other != enumClass) {
                            throw new ModelException("the entity model maps two Java enums to one PostgreSQL enum type '" + typeName + "': "
                                    + other.getName() + " and " + enumClass.getName() + "; Hibernate names the type after the enum's "
                                    + "simple name, so rename one of them");
                        }
                    });
                    classes.put(enumClass, typeName);
                }
            }
        }
        return classes;
    }

    /** {@code @RenamedFrom("OLD") NEW} on an enum constant: the type's label OLD becomes NEW. */
    private static void collectValueRenames(Class<?> enumClass, String typeName, List<Rename> renames) {
        for (Field constant : enumClass.getDeclaredFields()) {
            RenamedFrom renamed = constant.isEnumConstant() ? constant.getAnnotation(RenamedFrom.class) : null;
            if (renamed != null) {
                renames.add(new Rename.OfEnumValue(typeName, renamed.value(), constant.getName()));
            }
        }
    }

    /**
     * The key a {@code @RenamedFrom} on an entity names: {@code "old"} in the table's own schema, or
     * {@code "schema.old"} for a table that moves from another schema.
     */
    private static String previousTable(String value, String tableKey) {
        int dot = value.indexOf('.');
        return dot < 0 ? Identifiers.sibling(tableKey, stored(value))
                : Identifiers.qualified(stored(value.substring(0, dot)), stored(value.substring(dot + 1)));
    }

    /** A table's key: its name, qualified by its schema (the mapping's, else {@code hibernate.default_schema}) if it has one. */
    private static String key(org.hibernate.mapping.Table table, String defaultSchema) {
        Identifier schema = table.getSchemaIdentifier();
        return Identifiers.qualified(schema != null ? stored(schema) : defaultSchema, stored(table));
    }

    private static void refuseSystemSchema(String key, String what) {
        Optional<String> schema = Identifiers.schemaOf(key);
        if (schema.isPresent() && (schema.get().startsWith("pg_") || schema.get().equals("information_schema"))) {
            throw new ModelException("the entity model's " + what + " " + Identifiers.display(key) + " is in schema '" + schema.get()
                    + "', which belongs to PostgreSQL itself: diffgen does not create or change anything there; map it to a schema of your own");
        }
    }

    /** Records {@code name} of {@code table} as one the model did not choose, and returns it. */
    private static String generatedName(Set<String> generated, String table, String name) {
        generated.add(EntityModel.generatedName(table, name));
        return name;
    }

    /** {@code generated}, and the FK, unique and index names the naming strategy made up because the model gave none. */
    private static Set<String> namedByTheStrategy(java.util.Collection<Table> tables, ConventionalNamingStrategy naming, Set<String> generated) {
        Set<String> names = new HashSet<>(generated);
        for (Table t : tables) {
            Stream.of(t.foreignKeys().stream().map(ForeignKey::name), t.uniques().stream().map(UniqueConstraint::name),
                            t.indexes().stream().map(Index::name))
                    .flatMap(n -> n).filter(naming::generated)
                    .forEach(n -> names.add(EntityModel.generatedName(t.name(), n)));
        }
        return names;
    }

    /**
     * {@code @Column(unique = true)}, and the join column of a {@code @OneToOne}: Hibernate's schema
     * export turns a unique column into a unique key of its own when it writes the DDL
     * ({@code ColumnDefinitions}), unless a key over the same columns exists already.
     */
    private static void addColumnUniques(org.hibernate.mapping.Table table, String key, String tableName, List<UniqueConstraint> uniques,
                                         Set<String> generated) {
        for (org.hibernate.mapping.Column c : table.getColumns()) {
            if (!c.isUnique() || table.isPrimaryKey(c)) {
                continue;
            }
            List<String> columns = List.of(stored(c));
            if (uniques.stream().anyMatch(u -> u.columns().equals(columns))) {
                continue;
            }
            String keyName = c.getUniqueKeyName() != null ? stored(c.getUniqueKeyName())
                    : generatedName(generated, key, ConventionalNamingStrategy.uniqueKeyName(tableName, stored(c)));
            int same = indexOfName(uniques, keyName);
            if (same >= 0) {
                List<String> merged = new ArrayList<>(uniques.get(same).columns());
                merged.add(stored(c));
                uniques.set(same, new UniqueConstraint(keyName, merged));
            } else {
                uniques.add(new UniqueConstraint(keyName, columns));
            }
        }
    }

    private static int indexOfName(List<UniqueConstraint> uniques, String name) {
        for (int i = 0; i < uniques.size(); i++) {
            if (uniques.get(i).name().equals(name)) return i;
        }
        return -1;
    }

    /**
     * A name as PostgreSQL stores it. Hibernate writes an unquoted name as the model spells it, and
     * PostgreSQL folds its ASCII letters to lower case; a quoted name (backticks, {@code "..."},
     * {@code globally_quoted_identifiers}) keeps its case.
     */
    static String stored(Identifier identifier) {
        return stored(identifier.getText(), identifier.isQuoted());
    }

    private static String stored(String text, boolean quoted) {
        return Identifiers.truncate(quoted ? text : foldAscii(text));
    }

    static String stored(String name) {
        return stored(Identifier.toIdentifier(name));
    }

    private static String stored(org.hibernate.mapping.Table table) {
        return stored(table.getNameIdentifier());
    }

    private static String stored(org.hibernate.mapping.Column column) {
        return stored(column.getName(), column.isQuoted());
    }

    private static String foldAscii(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            folded.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
        }
        return folded.toString();
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
            keys.add(new Index.Key(Identifiers.quote(stored(words[0])), desc));
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
        return columns.stream().map(HibernateModelReader::stored).toList();
    }

    private static void collectColumnRenames(PersistentClass entity, Class<?> type, String defaultSchema, List<Rename> renames) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                addColumnRename(entity, field, field.getName(), defaultSchema, renames);
            }
            for (Method method : c.getDeclaredMethods()) {
                String n = method.getName();
                if (n.startsWith("get") && n.length() > 3) {
                    addColumnRename(entity, method, Character.toLowerCase(n.charAt(3)) + n.substring(4), defaultSchema, renames);
                }
            }
        }
    }

    private static void addColumnRename(PersistentClass entity, AnnotatedElement member, String propertyName, String defaultSchema, List<Rename> renames) {
        RenamedFrom renamed = member.getAnnotation(RenamedFrom.class);
        if (renamed == null) {
            return;
        }
        Property property = entity.getIdentifierProperty() != null && entity.getIdentifierProperty().getName().equals(propertyName)
                ? entity.getIdentifierProperty() : entity.getProperty(propertyName);
        List<org.hibernate.mapping.Column> columns = columnsOf(property);
        if (columns.size() != 1 || property.getValue().hasFormula()) {
            throw new ModelException("@RenamedFrom on " + entity.getEntityName() + "." + propertyName + " needs a single-column property");
        }
        renames.add(new Rename.OfColumn(key(property.getValue().getTable(), defaultSchema), stored(renamed.value()), stored(columns.get(0))));
    }
}
