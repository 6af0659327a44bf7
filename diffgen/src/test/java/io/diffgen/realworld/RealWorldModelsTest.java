package io.diffgen.realworld;

import io.diffgen.Catalogs;
import io.diffgen.Cli;
import io.diffgen.model.HibernateLines;
import io.diffgen.model.IsolatedModelReader;
import io.diffgen.model.ModelLoader;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.diffgen.Cli.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Models nobody here wrote, read from their own published jars, through the whole user's path:
 * autogenerate from an empty database, upgrade, check clean, the same catalog as Hibernate's own
 * schema export of the model (apart from generated constraint names and column order), check clean
 * on Hibernate's database too, Hibernate's runtime SQL on diffgen's schema, downgrade to empty.
 */
@Tag("postgres")
class RealWorldModelsTest {
    /** Each test's project folder, deleted after it. */
    @org.junit.jupiter.api.io.TempDir
    Path work;

    private static final Path MODELS = Path.of("target", "real-world-models").toAbsolutePath();
    private static final Path HIBERNATE_TESTING = MODELS.resolve("hibernate-testing.jar");
    private static final Path MONEY_API = MODELS.resolve("money-api.jar");

    /** Spring Boot's defaults, as its HibernateJpaConfiguration sets them, for the reference side. */
    private static final Map<String, String> SPRING_BOOT_NAMING = Map.of(
            "hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
            "hibernate.implicit_naming_strategy", "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy");

    /**
     * One public model: where its classes are, which packages hold it, the Hibernate settings given to
     * diffgen, and the settings the application's own Hibernate runs with (the reference's).
     */
    /** {@code on}: the Hibernates the model is read with (a library built for one line, say); all where empty. */
    record RealWorldModel(String name, List<Path> classpath, List<String> packages, Map<String, String> settings,
                          Map<String, String> runtimeSettings, Set<Hibernate> on) {
        RealWorldModel(String name, List<Path> classpath, List<String> packages, Map<String, String> settings) {
            this(name, classpath, packages, settings, settings);
        }

        RealWorldModel(String name, List<Path> classpath, List<String> packages, Map<String, String> settings,
                       Map<String, String> runtimeSettings) {
            this(name, classpath, packages, settings, runtimeSettings, Set.of());
        }

        boolean readWith(Hibernate hibernate) {
            return on.isEmpty() || on.contains(hibernate);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Path> concat(List<Path> first, List<Path> second) {
        List<Path> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static List<Path> jars(String... names) {
        return java.util.Arrays.stream(names).map(n -> MODELS.resolve(n + ".jar")).toList();
    }

    static List<RealWorldModel> models() {
        List<RealWorldModel> models = new ArrayList<>();
        for (String domain : List.of("retail", "contacts", "animal", "helpdesk", "userguide", "gambit")) {
            // the domain's package, and the auto-applied converter its descriptor lists from the parent package
            models.add(new RealWorldModel("hibernate-testing " + domain, List.of(HIBERNATE_TESTING, MONEY_API),
                    List.of("org.hibernate.testing.orm.domain." + domain, "org.hibernate.testing.orm.domain.MonetaryAmountConverter"),
                    Map.of()));
        }
        // the same models under other settings an application may run with
        models.add(new RealWorldModel("hibernate-testing contacts, globally quoted identifiers", List.of(HIBERNATE_TESTING),
                List.of("org.hibernate.testing.orm.domain.contacts"), Map.of("hibernate.globally_quoted_identifiers", "true")));
        models.add(new RealWorldModel("hibernate-testing userguide, Spring Boot's naming", List.of(HIBERNATE_TESTING),
                List.of("org.hibernate.testing.orm.domain.userguide"), Map.of(
                        "hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
                        "hibernate.implicit_naming_strategy", "io.diffgen.hibernate.SpringImplicitNamingStrategy")));
        // Spring Boot modules: diffgen finds Spring Boot on the classpath and applies its naming by itself
        models.add(new RealWorldModel("Spring Modulith events (Spring Boot)",
                jars("spring-modulith-events-jpa", "spring-modulith-events-core", "spring-boot"),
                List.of("org.springframework.modulith.events.jpa"), Map.of(), SPRING_BOOT_NAMING));
        models.add(new RealWorldModel("Spring Statemachine (Spring Boot)",
                jars("spring-statemachine-data-jpa", "spring-statemachine-data-common", "spring-statemachine-core", "spring-boot"),
                List.of("org.springframework.statemachine.data.jpa"), Map.of(), SPRING_BOOT_NAMING));
        models.add(new RealWorldModel("Axon Framework", jars("axon-messaging", "axon-modelling", "axon-eventsourcing"),
                List.of("org.axonframework.eventsourcing.eventstore.jpa", "org.axonframework.eventhandling.tokenstore.jpa",
                        "org.axonframework.eventhandling.deadletter.jpa", "org.axonframework.modelling.saga.repository.jpa"), Map.of()));
        // a PostgreSQL enum type (SqlTypes.NAMED_ENUM): Hibernate creates it, with two casts, beside the table
        models.add(new RealWorldModel("a NAMED_ENUM column", List.of(Path.of("target", "test-classes").toAbsolutePath()),
                List.of("io.diffgen.corpus.c36_named_enum_gains_value.v2"), Map.of()));
        // tables of one name in two schemas, a sequence in one of them and an FK across: Hibernate creates the schemas too
        models.add(new RealWorldModel("two schemas", List.of(Path.of("target", "test-classes").toAbsolutePath()),
                List.of("io.diffgen.corpus.c39_tables_in_two_schemas.v2"), Map.of(),
                Map.of("jakarta.persistence.create-database-schemas", "true")));
        // round two's minimal entities: @Min and @Max on one field (one CHECK), a @Formula (no column)
        models.add(new RealWorldModel("@Min and @Max on one field, a @Formula", List.of(Path.of("target", "test-classes").toAbsolutePath()),
                List.of("io.diffgen.roundtwo"), Map.of()));
        // a composed constraint of the application's own, on a mapped superclass, the model's only one: still NOT NULL
        models.add(new RealWorldModel("a composed constraint on a mapped superclass", List.of(Path.of("target", "test-classes").toAbsolutePath()),
                List.of("io.diffgen.composedconstraint"), Map.of()));
        // a read-only entity over a view that Hibernate's own export creates (@View), a function a contributor adds as an
        // auxiliary database object, and a view of the application's JPA create script: the same, as PostgreSQL prints them
        models.add(new RealWorldModel(VIEW_ENTITY, List.of(Path.of("target", "test-classes").toAbsolutePath(),
                io.diffgen.CompiledModels.classes("contributed", List.of())), List.of("io.diffgen.viewentity"), Map.of(
                        "jakarta.persistence.schema-generation.create-source", "metadata-then-script",
                        "jakarta.persistence.schema-generation.create-script-source", "io/diffgen/viewentity/create.sql")));
        // ours: what Hibernate 7 and Jakarta Persistence 3.2 put in the DDL (a 6.6 classpath is refused, see below)
        models.add(new RealWorldModel(HIBERNATE_7_MAPPINGS, List.of(Path.of("target", "test-classes").toAbsolutePath()),
                List.of("io.diffgen.hibernate7"), Map.of()));
        // Hibernate Envers on each line: an audited entity and collection, their _aud tables and Envers's revinfo
        Path audited = io.diffgen.CompiledModels.classes("audited", jars("hibernate-envers"));
        for (Hibernate hibernate : Hibernate.values()) {
            String envers = hibernate == Hibernate.V7_4_BUNDLED ? "hibernate-envers" : "hibernate-envers-" + hibernate.version.substring(0, 3);
            models.add(new RealWorldModel("Envers-audited, with " + envers, List.of(MODELS.resolve(envers + ".jar"), audited),
                    List.of("com.example.audited"), Map.of(), Map.of(), Set.of(hibernate)));
        }
        // a third-party type library: Hypersistence Utils' JSON, range and array types, its build for each line
        List<Path> jackson = jars("jackson-databind", "jackson-core", "jackson-annotations", "hypersistence-tsid");
        Path types = io.diffgen.CompiledModels.classes("types", concat(jars("hypersistence-utils-hibernate-71"), jackson));
        models.add(new RealWorldModel("Hypersistence Utils types, 6.3 build", concat(jars("hypersistence-utils-hibernate-63"), concat(jackson, List.of(types))),
                List.of("com.example.types"), Map.of(), Map.of(), Set.of(Hibernate.V6_6)));
        models.add(new RealWorldModel("Hypersistence Utils types, 7.1 build", concat(jars("hypersistence-utils-hibernate-71"), concat(jackson, List.of(types))),
                List.of("com.example.types"), Map.of(), Map.of(), Set.of(Hibernate.V7_2, Hibernate.V7_4_BUNDLED)));
        models.add(new RealWorldModel("Keycloak", jars("keycloak-model-jpa", "keycloak-server-spi", "keycloak-core"),
                List.of("org.keycloak.models.jpa.entities", "org.keycloak.models.jpa.session", "org.keycloak.authorization.jpa.entities",
                        "org.keycloak.events.jpa", "org.keycloak.storage.jpa.entity", "org.keycloak.storage.configuration.jpa.entity"),
                Map.of()));
        return models;
    }

    /**
     * The Hibernate an application runs: Spring Boot 3.5's line (6.6), Spring Boot 4.0's (7.2), both as
     * the model's own {@code hibernate-core} jar, and Spring Boot 4.1's line (7.4), the one diffgen
     * bundles, used when the model's classpath has none.
     */
    enum Hibernate {
        V6_6("hibernate-core-6.6.jar", "6.6", "6.6."), V7_2("hibernate-core-7.2.jar", "7", "7.2."), V7_4_BUNDLED(null, "7", "7.4.");

        private final String jar;
        private final String line;
        private final String version;

        Hibernate(String jar, String line, String version) {
            this.jar = jar;
            this.line = line;
            this.version = version;
        }

        List<Path> classpath() {
            return jar == null ? List.of() : List.of(MODELS.resolve(jar));
        }

        /** This Hibernate as the reference, chosen here rather than by diffgen: the test must not trust what it tests. */
        HibernateLines.Choice reference() {
            return new HibernateLines.Choice(line, version + "x", classpath().stream().findFirst());
        }
    }

    private static final String VIEW_ENTITY = "a @View entity, an auxiliary database object and a JPA create script";
    private static final String HIBERNATE_7_MAPPINGS = "Hibernate 7 and Jakarta Persistence 3.2 mappings";

    static Stream<Arguments> modelsOnEachHibernate() {
        return Stream.of(Hibernate.values()).flatMap(h -> models().stream()
                .filter(m -> h != Hibernate.V6_6 || !m.name().equals(HIBERNATE_7_MAPPINGS))
                .filter(m -> m.readWith(h))
                .map(m -> Arguments.of(h, m)));
    }

    /**
     * A customer and an order of the Hibernate 7 mappings model, every column given a value: built by
     * reflection, since the classes are the reader's class loader's, not this test's.
     */
    private static List<Object> hibernate7Rows(ClassLoader loader) throws Exception {
        Object customer = entity(loader, "io.diffgen.hibernate7.Customer", Map.of("name", "Ada", "active", true));
        Class<?> address = loader.loadClass("io.diffgen.hibernate7.Address");
        java.lang.reflect.Constructor<?> newAddress = address.getDeclaredConstructor(String.class, String.class, String.class);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object paid = Enum.valueOf((Class) loader.loadClass("io.diffgen.hibernate7.OrderStatus"), "PAID");
        Map<String, Object> order = new java.util.HashMap<>();
        order.put("status", paid);
        order.put("total", new java.math.BigDecimal("12.50"));
        order.put("placedAt", java.time.Instant.parse("2026-12-06T10:15:30.123456Z"));
        order.put("updatedAt", java.time.LocalDateTime.of(2026, 12, 6, 10, 15));
        order.put("confirmedAt", java.time.OffsetDateTime.parse("2026-12-06T11:00:00+01:00"));
        order.put("deliveryWindowStart", java.time.LocalTime.of(9, 30));
        order.put("shipTo", newAddress.newInstance("1 Main St", "Springfield", "12345"));
        order.put("billTo", newAddress.newInstance("2 Side St", "Shelbyville", "67890"));
        order.put("deliveryLocation", loader.loadClass("io.diffgen.hibernate7.GeoPoint").getDeclaredConstructor(double.class, double.class)
                .newInstance(52.52, 13.405));
        order.put("tags", List.of("gift", "fragile"));
        order.put("attributes", Map.of("channel", "web"));
        order.put("customer", customer);
        return List.of(customer, entity(loader, "io.diffgen.hibernate7.PurchaseOrder", order));
    }

    private static Object entity(ClassLoader loader, String className, Map<String, Object> fields) throws Exception {
        Class<?> type = loader.loadClass(className);
        java.lang.reflect.Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object entity = constructor.newInstance();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            java.lang.reflect.Field f = type.getDeclaredField(field.getKey());
            f.setAccessible(true);
            f.set(entity, field.getValue());
        }
        return entity;
    }

    /** A model compiled against Jakarta Persistence 3.2 that uses it is refused by Hibernate 6.6, which would ignore what 3.2 adds. */
    @org.junit.jupiter.api.Test
    void hibernate7MappingsOnHibernate66AreRefusedByName() throws Exception {
        Path migrations = work.resolve("migrations");
        Files.createDirectories(migrations.resolve("versions"));
        Cli.Result refused = Cli.run(args("revision", "--autogenerate", "-m", "initial schema", "--migrations", migrations,
                "--model-classpath", Hibernate.V6_6.classpath().get(0) + java.io.File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath(),
                "--model-package", "io.diffgen.hibernate7"));
        assertEquals(3, refused.exitCode(), refused.err());
        assertEquals("error: the model uses Jakarta Persistence 3.2 (@Column(comment) on Customer.name), which Hibernate ORM 6.6.56.Final "
                + "(the model's) does not read: put Hibernate ORM 7 on the model classpath\n", refused.err());
        try (var files = Files.list(migrations.resolve("versions"))) {
            assertEquals(0, files.count(), "no revision written");
        }
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("modelsOnEachHibernate")
    void diffgensSchemaIsTheSchemaHibernateItselfCreatesAndUses(Hibernate hibernate, RealWorldModel model) throws Exception {
        String slug = (hibernate.name() + "_" + model.name()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        TestDatabase byDiffgen = PostgresServer.createDatabase(slug + "_diffgen");
        TestDatabase byHibernate = PostgresServer.createDatabase(slug + "_hibernate");
        Path project = work;
        Path migrations = project.resolve("migrations");
        Files.createDirectories(migrations.resolve("versions"));
        List<Path> classpath = new ArrayList<>(hibernate.classpath());
        classpath.addAll(model.classpath());
        List<String> modelOptions = new ArrayList<>(args("--migrations", migrations,
                "--model-classpath", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()),
                "--model-package", String.join(",", model.packages())));
        model.settings().forEach((k, v) -> modelOptions.addAll(List.of("--hibernate-property", k + "=" + v)));

        Cli.run(args("revision", "--autogenerate", "-m", "initial schema", "--url", byDiffgen.url(), modelOptions)).assertOk();
        try (var scripts = Files.list(migrations.resolve("versions"))) {
            String script = Files.readString(scripts.findFirst().orElseThrow());
            assertTrue(script.contains("\n-- Model: Hibernate ORM " + hibernate.version), "read with Hibernate " + hibernate.version
                    + "x:\n" + script.lines().limit(8).collect(java.util.stream.Collectors.joining("\n")));
        }
        Cli.run(args("upgrade", "head", "--url", byDiffgen.url(), modelOptions)).assertOk();
        Cli.Result check = Cli.run(args("check", "--url", byDiffgen.url(), modelOptions));
        assertEquals(0, check.exitCode(), "check after upgrade:\n" + check.out() + check.err());

        List<String> ran;
        try (IsolatedModelReader reference = HibernateLines.open(hibernate.reference(), classpath)) {
            assertTrue(reference.hibernateVersion().startsWith(hibernate.version), reference.hibernateVersion());
            List<String> classes = ModelLoader.mappedClasses(reference.classLoader(), model.packages()).classes();
            Map<String, String> settings = Map.copyOf(model.runtimeSettings());
            reference.exportSchema(classes, settings, byHibernate.jdbcUrl(), byHibernate.user(), byHibernate.password());
            assertSameDefinitions(Catalogs.atFixedPoint(byHibernate), Catalogs.read(byDiffgen));
            assertEquals(Catalogs.code(byHibernate), Catalogs.code(byDiffgen), "views and other database code as PostgreSQL prints them");
            if (model.name().equals(VIEW_ENTITY)) {
                String code = Catalogs.code(byDiffgen);
                assertTrue(code.contains("relation purchase_total v") && code.contains("function purchase_count()")
                        && code.contains("relation big_purchases v"), code);
            }

            Cli.run(args("stamp", "head", "--url", byHibernate.url(), modelOptions)).assertOk();
            Cli.Result adopted = Cli.run(args("check", "--url", byHibernate.url(), modelOptions));
            assertEquals(0, adopted.exitCode(), "check on the schema Hibernate created:\n" + adopted.out() + adopted.err());

            ran = new ArrayList<>(reference.validateAndUse(classes, settings, byDiffgen.jdbcUrl(), byDiffgen.user(), byDiffgen.password()));
            assertTrue(ran.stream().anyMatch(r -> r.startsWith("query ")), "queried the entities: " + ran);
            if (model.name().equals(HIBERNATE_7_MAPPINGS)) {
                List<String> loaded = reference.persistAndLoad(classes, settings, byDiffgen.jdbcUrl(), byDiffgen.user(),
                        byDiffgen.password(), hibernate7Rows(reference.classLoader()));
                assertEquals(2, loaded.size(), loaded.toString());
                assertTrue(loaded.get(1).startsWith("io.diffgen.hibernate7.PurchaseOrder#"), loaded.toString());
                ran.addAll(loaded.stream().map(l -> "persist and load " + l).toList());
            }
            System.out.println(model.name() + " on " + reference.hibernateVersion() + ": " + classes.size() + " mapped classes, "
                    + Catalogs.read(byHibernate).tables().size() + " tables "
                    + Catalogs.read(byHibernate).tables().keySet().stream().map(io.diffgen.snapshot.Identifiers::display).toList()
                    + "; Hibernate ran " + ran.size() + " statements on diffgen's schema");
        }

        Cli.run(args("downgrade", "base", "--url", byDiffgen.url(), modelOptions)).assertOk();
        assertTrue(Catalogs.read(byDiffgen).tables().isEmpty(), "downgrade to base leaves no table");
    }

    /**
     * Spring Modulith ships its own PostgreSQL schema beside the entities. Applied as shipped, it is
     * not what the entities map to; {@code check} on it lists exactly the real drift, and nothing
     * else: TEXT where the entities say varchar(255), and two indexes per table (one of them a hash
     * index) that the entities do not declare. No constraint is reported: the shipped primary keys
     * match the entities' by definition.
     */
    @org.junit.jupiter.api.Test
    void springModulithsShippedSchemaDriftsFromItsEntitiesExactlyAsCheckSays() throws Exception {
        TestDatabase empty = PostgresServer.createDatabase("modulith_empty");
        TestDatabase shipped = PostgresServer.createDatabase("modulith_shipped");
        Path migrations = work.resolve("migrations");
        Files.createDirectories(migrations.resolve("versions"));
        List<String> model = args("--migrations", migrations, "--model-classpath",
                String.join(java.io.File.pathSeparator, jars("spring-modulith-events-jpa", "spring-modulith-events-core", "spring-boot")
                        .stream().map(Path::toString).toList()),
                "--model-package", "org.springframework.modulith.events.jpa");
        Cli.run(args("revision", "--autogenerate", "-m", "initial schema", "--url", empty.url(), model)).assertOk();

        try (var jar = new java.util.jar.JarFile(MODELS.resolve("spring-modulith-events-jdbc.jar").toFile())) {
            for (String name : List.of("schema-postgresql.sql", "schema-postgresql-archive.sql")) {
                String sql = new String(jar.getInputStream(jar.getEntry(name)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                shipped.execute(sql);
            }
        }
        Cli.run(args("stamp", "head", "--url", shipped.url(), model)).assertOk();
        Cli.Result check = Cli.run(args("check", "--url", shipped.url(), model));
        assertEquals(1, check.exitCode(), check.err());
        System.out.println("Spring Modulith's shipped schema, check says:\n" + check.out());
        assertEquals(List.of(
                "  - drop index event_publication_by_completion_date_idx on event_publication",
                "  - drop index event_publication_serialized_event_hash_idx on event_publication",
                "  - drop index event_publication_archive_by_completion_date_idx on event_publication_archive",
                "  - drop index event_publication_archive_serialized_event_hash_idx on event_publication_archive",
                "  - alter column event_publication.listener_id: type text -> character varying(255)",
                "  - alter column event_publication.serialized_event: type text -> character varying(255)",
                "  - alter column event_publication.event_type: type text -> character varying(255)",
                "  - alter column event_publication_archive.listener_id: type text -> character varying(255)",
                "  - alter column event_publication_archive.serialized_event: type text -> character varying(255)",
                "  - alter column event_publication_archive.event_type: type text -> character varying(255)"),
                check.out().lines().filter(l -> l.startsWith("  - ")).toList());
    }

    /**
     * JHipster's sample application (Spring Boot 4.0, Hibernate 7.2) keeps its schema in its own
     * Liquibase changelog, applied here as its production profile applies it, with its two users and
     * their authorities. The entities, read with the application's own {@code config/application.yml},
     * drift from that schema in exactly what {@code check} lists: the e-mail column is 191 characters
     * where the entity says 254 (a MySQL index limit the changelog kept). Everything else the other
     * tool named its own way (its FKs, unique keys and primary keys, the join table's key in its own
     * column order) is matched by definition, and the sequence's start value, 1050 where the entity
     * says 1, is the changelog's choice to keep (START WITH changes no value the sequence gives). The revision diffgen writes for that drift, applied, gives
     * the schema Hibernate 7.2 itself exports for the model and validates; its downgrade gives the
     * changelog's schema back, with the rows.
     */
    @org.junit.jupiter.api.Test
    void jhipstersLiquibaseSchemaDriftsFromItsEntitiesExactlyAsCheckSays() throws Exception {
        List<Path> libraries = jars("spring-data-commons", "spring-data-jpa", "spring-core", "spring-beans",
                "spring-aspects", "aspectjweaver", "commons-logging", "commons-lang3", "jackson-annotations");
        Path application = io.diffgen.CompiledModels.classes("jhipster", libraries);
        List<Path> classpath = new ArrayList<>(Hibernate.V7_2.classpath());
        classpath.add(application);
        classpath.addAll(libraries);
        classpath.addAll(jars("spring-boot-hibernate"));
        TestDatabase db = PostgresServer.createDatabase("jhipster_liquibase");
        TestDatabase byHibernate = PostgresServer.createDatabase("jhipster_hibernate");
        try (java.sql.Connection connection = db.connect()) {
            var database = liquibase.database.DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                    new liquibase.database.jvm.JdbcConnection(connection));
            @SuppressWarnings("deprecation")
            var changelog = new liquibase.Liquibase("config/liquibase/master.xml", new liquibase.resource.DirectoryResourceAccessor(application), database);
            changelog.update(new liquibase.Contexts("prod"), new liquibase.LabelExpression());
        }
        SchemaSnapshot shipped = Catalogs.read(db);
        Path migrations = work.resolve("migrations");
        Files.createDirectories(migrations.resolve("versions"));
        List<String> model = args("--url", db.url(), "--migrations", migrations,
                "--model-classpath", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()),
                "--model-package", "io.github.jhipster.sample.domain");

        List<String> withoutAspects = new ArrayList<>(model);
        withoutAspects.set(withoutAspects.indexOf("--model-classpath") + 1, String.join(java.io.File.pathSeparator,
                classpath.stream().filter(p -> !p.getFileName().toString().startsWith("spring-aspects")).map(Path::toString).toList()));
        Cli.Result incomplete = Cli.run(args("check", withoutAspects));
        // spring-data-jpa's auditing listener is woven with spring-aspects: without it, one line naming what is missing
        assertEquals(3, incomplete.exitCode(), incomplete.err());
        assertTrue(incomplete.err().matches("error: entity mapping error on Hibernate ORM 7\\.2\\.\\d+\\.Final \\(the model's\\): "
                + "class org\\.springframework\\.beans\\.factory\\.aspectj\\.ConfigurableObject is not on the model classpath\n"), incomplete.err());

        Cli.Result check = Cli.run(args("check", model));
        System.out.println("JHipster's Liquibase schema, check says:\n" + check.out() + check.err());
        assertEquals(1, check.exitCode(), check.err());
        assertEquals(List.of(
                "  - alter column jhi_user.email: type character varying(191) -> character varying(254)"),
                check.out().lines().filter(l -> l.startsWith("  - ")).toList());
        assertTrue(check.err().contains("WARNING DG016: primary key rel_operation__label_pkey on rel_operation__label is (operation_id, label_id) "
                + "where the model has (label_id, operation_id); the same key, so it is kept"), check.err());

        Cli.run(args("revision", "--autogenerate", "-m", "follow the entities", model)).assertOk();
        Cli.run(args("upgrade", "head", model)).assertOk();
        assertEquals(0, Cli.run(args("check", model)).exitCode(), "check after upgrade");
        try (IsolatedModelReader reference = HibernateLines.open(Hibernate.V7_2.reference(), classpath)) {
            List<String> classes = ModelLoader.mappedClasses(reference.classLoader(), List.of("io.github.jhipster.sample.domain")).classes();
            // what the application's Spring Boot gives its Hibernate, written out here rather than read by diffgen
            Map<String, String> settings = Map.of(
                    "hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
                    "hibernate.implicit_naming_strategy", "org.springframework.boot.hibernate.SpringImplicitNamingStrategy",
                    "hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP",
                    "hibernate.timezone.default_storage", "NORMALIZE");
            reference.exportSchema(classes, settings, byHibernate.jdbcUrl(), byHibernate.user(), byHibernate.password());
            SchemaSnapshot hibernates = Catalogs.atFixedPoint(byHibernate);
            SchemaSnapshot upgraded = Catalogs.read(db);
            // the two differences kept on purpose: the changelog starts the sequence above the ids its data
            // uses, and keys its join table in its own column order (DG016)
            assertEquals(new io.diffgen.snapshot.Sequence("sequence_generator", 1, 50), hibernates.sequences().get("sequence_generator"));
            assertEquals(new io.diffgen.snapshot.Sequence("sequence_generator", 1050, 50), upgraded.sequences().get("sequence_generator"));
            Table joinTable = upgraded.tables().get("rel_operation__label");
            assertEquals(List.of("operation_id", "label_id"), joinTable.primaryKey().orElseThrow().columns());
            List<Table> tables = new ArrayList<>(upgraded.tables().values());
            tables.set(tables.indexOf(joinTable), hibernates.tables().get("rel_operation__label"));
            assertSameDefinitions(hibernates, SchemaSnapshot.of(tables, hibernates.sequences().values(),
                    upgraded.enums().values(), upgraded.schemas(), upgraded.composites().values()));
            List<String> ran = reference.validateAndUse(classes, settings, db.jdbcUrl(), db.user(), db.password());
            assertTrue(ran.stream().anyMatch(r -> r.startsWith("query ")), "queried the entities: " + ran);
        }

        Cli.run(args("downgrade", "base", model)).assertOk();
        assertEquals(shipped, Catalogs.read(db), "the downgrade gives the changelog's schema back");
        try (java.sql.Connection connection = db.connect(); var rows = connection.createStatement().executeQuery(
                "SELECT string_agg(login || ':' || email, ',' ORDER BY id) FROM jhi_user")) {
            rows.next();
            assertEquals("admin:admin@localhost,user:user@localhost", rows.getString(1));
        }
    }

    /** Fails with the tables (and sequences) that differ, each side by side. */
    static void assertSameDefinitions(SchemaSnapshot expected, SchemaSnapshot actual) {
        SchemaSnapshot e = Catalogs.byDefinition(expected);
        SchemaSnapshot a = Catalogs.byDefinition(actual);
        StringBuilder differences = new StringBuilder();
        TreeSet<String> names = new TreeSet<>(e.tables().keySet());
        names.addAll(a.tables().keySet());
        for (String name : names) {
            Table x = e.tables().get(name);
            Table y = a.tables().get(name);
            if (x == null || !x.equals(y)) {
                differences.append("\ntable ").append(name).append("\n  hibernate: ").append(x).append("\n  diffgen:   ").append(y);
            }
        }
        if (!e.sequences().equals(a.sequences())) {
            differences.append("\nsequences\n  hibernate: ").append(e.sequences()).append("\n  diffgen:   ").append(a.sequences());
        }
        if (!e.enums().equals(a.enums())) {
            differences.append("\nenum types\n  hibernate: ").append(e.enums()).append("\n  diffgen:   ").append(a.enums());
        }
        if (!e.composites().equals(a.composites())) {
            differences.append("\ncomposite types\n  hibernate: ").append(e.composites()).append("\n  diffgen:   ").append(a.composites());
        }
        if (!differences.isEmpty()) {
            fail("diffgen's catalog differs from Hibernate's schema export:" + differences);
        }
    }
}
