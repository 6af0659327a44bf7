package io.diffgen.command;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.catalog.Canonicalizer;
import io.diffgen.catalog.PgCatalogReader;
import io.diffgen.diff.Change;
import io.diffgen.diff.Differ;
import io.diffgen.model.EntityModel;
import io.diffgen.model.HibernateLines;
import io.diffgen.model.IsolatedModelReader;
import io.diffgen.model.ModelException;
import io.diffgen.model.ClassFolders;
import io.diffgen.model.HibernateSettings;
import io.diffgen.cache.CacheKey;
import io.diffgen.cache.ModelCache;
import io.diffgen.model.ModelLoader;
import io.diffgen.objects.DeclaredObjects;
import io.diffgen.objects.ObjectCatalog;
import io.diffgen.objects.ObjectDiff;
import io.diffgen.objects.ObjectsFolder;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;
import io.diffgen.runner.TrackingTable;
import io.diffgen.postgres.ThrowawayPostgres;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.SchemaSnapshot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Compares the entity model with a database: the given one, which must be at exactly the revisions the
 * comparison starts from (the new revision's parents; the heads for {@code check}), or, with no URL, a
 * throwaway PostgreSQL on which the migrations are replayed up to those revisions.
 */
public final class Autogenerate {
    /**
     * The comparison: the changes that bring the database to the model, what the database was at,
     * which Hibernate read the model ({@link HibernateLines.Choice#describe()}), and the differences it
     * leaves as they are on purpose ({@code kept}), each said as a warning.
     */
    public record Comparison(List<Change> changes, List<String> databaseRevisions, SchemaSnapshot database, SchemaSnapshot model,
                             String modelReadBy, List<io.diffgen.lint.Diagnostic> kept) {
    }

    private Autogenerate() {
    }

    /**
     * The model as Hibernate maps it, and whether the cache had it. With a model classpath of its own, the
     * result is cached under {@code key}, a hash of every file on it, so unchanged entities skip Hibernate's
     * bootstrap. {@code early}: Hibernate begun ahead, while the key was computed.
     */
    private static Loaded loadModel(Settings settings, HibernateLines.Choice hibernate, ClassFolders folders, Optional<String> key,
                                    ModelCache cache, Optional<Opening> early) {
        if (key.isPresent()) {
            Optional<EntityModel> hit = cache.get(key.get());
            if (hit.isPresent()) {
                early.ifPresent(Opening::abandon);
                return new Loaded(hit.get(), key, "cache hit");
            }
        }
        Opening opening = early.orElseGet(() -> Opening.begin(settings, hibernate));
        try (IsolatedModelReader reader = opening.reader()) {
            InBackground<Optional<Map<String, String>>> started = opening.started();
            ModelLoader.Scan scan;
            try {
                scan = ModelLoader.mappedClasses(reader.classLoader(), settings.modelPackages(), folders);
                if (hibernate.line().equals("6.6") && scan.persistence32().isPresent()) {
                    throw new ModelException("the model uses Jakarta Persistence 3.2 (" + scan.persistence32().get() + "), which "
                            + hibernate.describe() + " does not read: put Hibernate ORM 7 on the model classpath");
                }
                reader.load(scan.classes());
            } catch (RuntimeException e) {
                throw started.failureOr(e);
            } catch (Error e) {
                // the reader's class loader closes only once Hibernate's start is done with it
                started.failureOr(null);
                throw e;
            }
            EntityModel read = reader.read(scan.classes(), started.get().orElseGet(opening.resolve()));
            key.ifPresent(k -> cache.put(k, read));
            return new Loaded(read, key, key.isPresent() ? "cache miss" : "not cacheable");
        }
    }

    private record Loaded(EntityModel model, Optional<String> key, String outcome) {
    }

    /**
     * The reader's class loader opened on the model classpath, and Hibernate starting on a thread of its own
     * (diffgen-hibernate) up to where it needs the mapped classes. A misspelt setting is said first, as when
     * it was checked first; any other failure of the start is said where it was before: the read starts
     * Hibernate again and fails as it did.
     */
    private record Opening(IsolatedModelReader reader, InBackground<Optional<Map<String, String>>> started,
                           Supplier<Map<String, String>> resolve) {
        static Opening begin(Settings settings, HibernateLines.Choice hibernate) {
            IsolatedModelReader reader = HibernateLines.open(hibernate, settings.modelClasspath());
            Supplier<Map<String, String>> resolve = () -> HibernateSettings.resolve(settings.modelClasspath(), settings.hibernateSettings()).values();
            try {
                return new Opening(reader, InBackground.start("diffgen-hibernate", () -> {
                    HibernateSettings.check(settings.hibernateSettings(), reader.knownSettings());
                    try {
                        Map<String, String> resolved = resolve.get();
                        reader.prepare(resolved);
                        return Optional.of(resolved);
                    } catch (RuntimeException e) {
                        return Optional.empty();
                    }
                }), resolve);
            } catch (RuntimeException | Error e) {
                reader.close(); // no thread started to use it
                throw e;
            }
        }

        /** Begun ahead, where the cache will likely miss; empty if the opening fails, which the read then says where it opens. */
        static Optional<Opening> ahead(Settings settings, HibernateLines.Choice hibernate) {
            try {
                return Optional.of(begin(settings, hibernate));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        /** Not needed after all: the reader closes, on a thread of its own, once Hibernate's start is done with its class loader. */
        void abandon() {
            InBackground.start("diffgen-hibernate-release", () -> {
                try {
                    started.failureOr(null);
                } finally {
                    reader.close();
                }
                return null;
            });
        }
    }

    /**
     * @param base the revisions the comparison must start from (the new revision's parents); the
     *             database must be at exactly these.
     */
    public static Comparison compare(Settings settings, MigrationsDirectory migrations, RevisionGraph graph, List<String> base,
                                     boolean online, Timing timing) {
        return compare(settings, migrations, graph, base, online, timing, false);
    }

    /**
     * {@link #compare} against the heads for {@code check}, where a database in the expanded state (every
     * revision applied but contracts whose expand has run) is not refused: it agrees with the entities
     * if it is what its revisions made it, and the revisions with the pending contracts make the entities.
     */
    public static Comparison check(ModelReading model, MigrationsDirectory migrations, RevisionGraph graph, Timing timing) {
        return compare(model, migrations, graph, graph.heads(), false, timing, true);
    }

    /** {@link #compare} with the model read started ahead ({@link #startReading}), while the command read its revisions. */
    public static Comparison compare(ModelReading model, MigrationsDirectory migrations, RevisionGraph graph, List<String> base,
                                     boolean online, Timing timing) {
        return compare(model, migrations, graph, base, online, timing, false);
    }

    private static Comparison compare(Settings settings, MigrationsDirectory migrations, RevisionGraph graph, List<String> base,
                                      boolean online, Timing timing, boolean contractsMayBePending) {
        return compare(startReading(settings, timing), migrations, graph, base, online, timing, contractsMayBePending);
    }

    private static Comparison compare(ModelReading model, MigrationsDirectory migrations, RevisionGraph graph, List<String> base,
                                      boolean online, Timing timing, boolean contractsMayBePending) {
        try {
            return compareWith(model.settings(), migrations, graph, base, online, timing, model.read(), contractsMayBePending);
        } catch (RuntimeException e) {
            throw model.read().failureOr(e);
        }
    }

    /** The model's read, under way on a thread of its own: Hibernate reads the model while the command does the rest. */
    public static final class ModelReading {
        private final Settings settings;
        private final InBackground<ModelRead> read;

        private ModelReading(Settings settings, InBackground<ModelRead> read) {
            this.settings = settings;
            this.read = read;
        }

        Settings settings() {
            return settings;
        }

        InBackground<ModelRead> read() {
            return read;
        }

        /**
         * {@code work}, done while the model is read. If it fails, its failure is said once the read has
         * ended, so a command that stops before its comparison leaves no cache entry half-written.
         */
        public <T> T alongside(Supplier<T> work) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                try {
                    read.failureOr(null);
                } catch (Error ofTheRead) {
                    // the command's own failure is the one said, as when the model was not read yet
                }
                throw e;
            }
        }
    }

    /**
     * Starts reading the model, for a comparison to take once the command has read its revisions. A failure
     * of the read is said where the comparison takes it, before one of the database's, as when the two ran
     * one after the other; a command that fails before that says its own.
     */
    public static ModelReading startReading(Settings settings, Timing timing) {
        return new ModelReading(settings, InBackground.start("diffgen-model", () -> {
            // hashing the model classpath reads every class file: once, for both caches
            HibernateLines.Choice hibernate = HibernateLines.choose(settings.modelClasspath());
            ModelCache cache = new ModelCache(ModelCache.directoryFor(settings.migrations()));
            Loaded loaded = timing.time("model", () -> {
                // with no model cached or found since the model's files last changed, the cache will likely
                // miss: Hibernate starts while the files are read and hashed for the key
                ClassFolders.Listing listing = ClassFolders.list(settings.modelClasspath());
                Optional<Opening> early = cache.mayHoldModelAfter(listing.newest()) ? Optional.empty() : Opening.ahead(settings, hibernate);
                ClassFolders folders;
                Optional<String> key;
                try {
                    folders = listing.read();
                    key = CacheKey.of(settings.modelClasspath(), folders, settings.modelPackages(), settings.hibernateSettings(),
                            hibernate.version());
                } catch (RuntimeException | Error e) {
                    early.ifPresent(Opening::abandon);
                    throw e;
                }
                return loadModel(settings, hibernate, folders, key, cache, early);
            });
            timing.detail("model", loaded.outcome() + ", " + hibernate.describe());
            return new ModelRead(hibernate, loaded.key(), loaded.model());
        }));
    }

    /** The model as Hibernate read it, which Hibernate, and the key it is cached under. */
    private record ModelRead(HibernateLines.Choice hibernate, Optional<String> key, EntityModel model) {
    }

    private static Comparison compareWith(Settings settings, MigrationsDirectory migrations, RevisionGraph graph, List<String> base,
                                          boolean online, Timing timing, InBackground<ModelRead> model, boolean contractsMayBePending) {
        if (settings.url().isPresent()) {
            try (Connection c = timing.time("connect", () -> settings.url().get().connect())) {
                RevisionRunner runner = new RevisionRunner(c, migrations, graph);
                List<String> current = runner.current();
                if (!sameSet(current, base)) {
                    java.util.Set<String> applied = runner.applied();
                    List<String> contracts = graph.contractsReady(applied);
                    boolean expanded = !contracts.isEmpty() && graph.onlyContractsPending(applied);
                    if (contractsMayBePending && expanded) {
                        return compareExpanded(c, settings, migrations, graph, base, current, timing, model);
                    }
                    throw new DiffgenException(ErrorCode.REVISION, "database is at " + describe(current) + ", head is " + describe(base)
                            + (expanded ? ": contract " + String.join(", ", contracts) + " is pending; run 'diffgen contract' first "
                                    + "(once every instance runs the new version), or leave out --url to compare with the migrations alone"
                                    : ": upgrade first"));
                }
                // the schema that holds the history is the one compared, whatever comes first on the search_path
                TrackingTable.SearchPath schema = TrackingTable.pinSchema(c);
                try {
                    return compareOn(c, settings, migrations, model, current, online, timing);
                } finally {
                    closeQuietly(schema);
                }
            } catch (SQLException e) {
                throw new DiffgenException(ErrorCode.DATABASE, e.getMessage(), e);
            }
        }
        String state = shadowKey(migrations, base);
        try (ThrowawayPostgres shadow = timing.time("shadow db", () -> ThrowawayPostgres.start(ModelCache.directoryFor(settings.migrations()), state,
                c -> replay(c, migrations, graph, base)));
             Connection c = shadow.connect()) {
            List<String> current = new RevisionRunner(c, migrations, graph).current();
            return compareOn(c, settings, migrations, model, current, online, timing);
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, e.getMessage(), e);
        }
    }

    /**
     * A database in the expanded state, compared in two steps on a shadow database: the revisions it has
     * replayed there must leave what the database holds (the same changes to the entities from both, or
     * the difference is the database's own), and the pending contracts replayed on top must leave the
     * entities (the changes left are new upgrade operations).
     */
    private static Comparison compareExpanded(Connection c, Settings settings, MigrationsDirectory migrations, RevisionGraph graph,
                                              List<String> base, List<String> current, Timing timing, InBackground<ModelRead> model)
            throws SQLException {
        Comparison live;
        Map<String, Boolean> liveTriggers;
        TrackingTable.SearchPath schema = TrackingTable.pinSchema(c);
        try {
            live = compareOn(c, settings, migrations, model, current, false, timing);
            liveTriggers = moveTriggers(c);
        } finally {
            closeQuietly(schema);
        }
        try (ThrowawayPostgres shadow = timing.time("shadow db", () -> ThrowawayPostgres.start(ModelCache.directoryFor(settings.migrations()),
                shadowKey(migrations, current), s -> replay(s, migrations, graph, current)));
             Connection s = shadow.connect()) {
            Comparison expanded = compareOn(s, settings, migrations, model, current, false, timing);
            refuseMovesOutOfStep(moveTriggers(s).keySet(), liveTriggers);
            replay(s, migrations, graph, base);
            Comparison contracted = compareOn(s, settings, migrations, model, base, false, timing);
            return new Comparison(expandedChanges(live.changes(), expanded.changes(), contracted.changes()), current, live.database(),
                    live.model(), live.modelReadBy(), live.kept());
        }
    }

    /**
     * The triggers that keep a moved column's old and new copies in step until the contract (named as a move
     * names them, like their functions) on the current schema's tables, and whether each is enabled.
     */
    private static Map<String, Boolean> moveTriggers(Connection c) throws SQLException {
        Map<String, Boolean> triggers = new java.util.TreeMap<>();
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("""
                SELECT t.tgname::text, c.relname::text, t.tgenabled <> 'D'
                FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
                WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace AND p.proname = t.tgname""")) {
            while (rs.next()) {
                if (Change.Move.isSyncName(rs.getString(1))) triggers.put(rs.getString(1) + " on " + rs.getString(2), rs.getBoolean(3));
            }
        }
        return triggers;
    }

    /** A move whose trigger is gone or disabled lets rows out of step, which the contract would then make final. */
    private static void refuseMovesOutOfStep(java.util.Set<String> made, Map<String, Boolean> found) {
        for (String trigger : made) {
            if (!Boolean.TRUE.equals(found.get(trigger))) {
                throw new DiffgenException(ErrorCode.REVISION, "trigger " + trigger + " keeps a moved column in step until the pending "
                        + "contract, and it is " + (found.containsKey(trigger) ? "disabled" : "missing") + ": rows written meanwhile may "
                        + "be out of step; make it as the expand did and fill those rows before the contract");
            }
        }
    }

    /**
     * What a database in the expanded state lacks, from three comparisons with the entities: of the database
     * ({@code live}), of its revisions' schema ({@code expanded}) and of that schema with the pending contracts
     * run ({@code contracted}). Changes are matched by what they say, since two servers may spell an
     * expression or a grant apart.
     * <ul>
     * <li>what only the database needs is its own (a column added by hand);</li>
     * <li>what only its revisions' schema needs, the database has already: done ahead of the contract that
     * does it (undone, so the contract can run), or done by hand when no contract does (nothing lacks);</li>
     * <li>what the contracted schema still needs, no revision does yet.</li>
     * </ul>
     */
    static List<Change> expandedChanges(List<Change> live, List<Change> expanded, List<Change> contracted) {
        java.util.Set<String> inLive = live.stream().map(Change::summary).collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> inExpanded = expanded.stream().map(Change::summary).collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> inContracted = contracted.stream().map(Change::summary).collect(java.util.stream.Collectors.toSet());
        List<Change> alreadyDone = expanded.stream().filter(change -> !inLive.contains(change.summary())).toList();
        java.util.Set<String> doneAlready = alreadyDone.stream().map(Change::summary).collect(java.util.stream.Collectors.toSet());
        List<Change> changes = new java.util.ArrayList<>();
        contracted.stream().filter(change -> !doneAlready.contains(change.summary())).forEach(changes::add);
        live.stream().filter(change -> !inExpanded.contains(change.summary())).forEach(changes::add);
        alreadyDone.stream().filter(change -> !inContracted.contains(change.summary())).map(Change::inverse).forEach(changes::add);
        return changes;
    }

    private static void replay(Connection c, MigrationsDirectory migrations, RevisionGraph graph, List<String> targets) {
        RevisionRunner replay = new RevisionRunner(c, migrations, graph);
        for (String target : targets) {
            replay.upgrade(target, RevisionGraph.Phases.ALL, step -> { });
        }
    }

    private static Comparison compareOn(Connection c, Settings settings, MigrationsDirectory migrations, InBackground<ModelRead> read,
                                        List<String> current, boolean online, Timing timing) {
        // the model names objects in the database's own schema without it, as the catalog reader does
        String own = currentSchema(c);
        PgCatalogReader reader = new PgCatalogReader(c);
        // what needs no model is read while Hibernate may still be reading it: the database's own schema,
        // and the revision scripts (which names and types a revision wrote)
        SchemaSnapshot ownSchema = timing.time("catalog", () -> read(reader, List.of()));
        List<String> scripts = migrations.scripts().stream().map(MigrationsDirectory::read).toList();
        Optional<ObjectsFolder> folder = ObjectsFolder.read(settings.migrations());
        // a diff asks for the scripts' words only where a name differs: the scan waits until then
        java.util.function.Predicate<String> namedInScripts = new java.util.function.Predicate<>() {
            private java.util.Set<String> names;

            @Override
            public boolean test(String name) {
                if (names == null) names = namesIn(scripts);
                return names.contains(name);
            }
        };
        ModelRead done = read.get();
        EntityModel model = done.model();
        EntityModel relative = model.relativeTo(own);
        refuseSchemasNotAllowed(relative.schema(), settings.schemas());
        refuseUnwritableNames(relative.schema());
        // the model's schemas, and those a declared move takes a table out of
        java.util.Set<String> schemas = new java.util.TreeSet<>(relative.schema().schemas());
        relative.renames().forEach(r -> {
            if (r instanceof io.diffgen.model.Rename.OfTable t) Identifiers.schemaOf(t.from()).ifPresent(schemas::add);
        });
        SchemaSnapshot catalog = schemas.stream().allMatch(own::equals) ? ownSchema : timing.time("catalog", () -> read(reader, schemas));
        timing.detail("catalog", reader.queries() + " queries");
        String[] outcome = {""};
        SchemaSnapshot canonical = withoutEntitiesOverViews(c, schemas,
                timing.time("canonical", () -> canonical(c, settings, done.key(), model, outcome)).relativeTo(own));
        timing.detail("canonical", outcome[0]);
        SchemaSnapshot database = Canonicalizer.settle(c, catalog, canonical);
        List<Change> tableChanges = keepTypesNoRevisionCreated(timing.time("diff", () -> Differ.diff(database, canonical,
                new Differ.Options(relative.renames(), online, relative.generatedNames(), own, namedInScripts))), scripts);
        refuseEnumRecreationThatWouldBreakOtherObjects(c, tableChanges, relative.schema().schemas());
        ObjectDiff.Result objects = timing.time("objects", () -> diffObjects(c, own, folder, relative.databaseCode(), canonical,
                relative.schema().tables().keySet(), scripts, tableChanges));
        List<io.diffgen.lint.Diagnostic> kept = new java.util.ArrayList<>(io.diffgen.lint.Linter.kept(database, canonical));
        kept.addAll(objects.kept());
        return new Comparison(Differ.withObjects(tableChanges, objects.changes()), current, database, canonical, done.hibernate().describe(), kept);
    }

    /**
     * The database code: the database's read back; the declared one (Hibernate's {@code @View}s and auxiliary
     * objects, then {@code migrations/objects}) made in a scratch schema and read back the same way; compared,
     * with the objects that must make way for the table changes.
     */
    private static ObjectDiff.Result diffObjects(Connection c, String own, Optional<ObjectsFolder> folder, List<String> hibernateCode,
                                                 SchemaSnapshot canonical, java.util.Set<String> entityTables, List<String> scripts,
                                                 List<Change> tableChanges) {
        ObjectCatalog.Read inDatabase;
        List<String> extensionSchemas;
        try {
            extensionSchemas = DeclaredObjects.extensionSchemas(c);
            List<String> path = new java.util.ArrayList<>(List.of(own));
            extensionSchemas.stream().filter(schema -> !schema.equals(own)).forEach(path::add);
            inDatabase = ObjectCatalog.read(c, own, path, java.util.Set.of(own), Optional.empty());
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot read the database's functions, views and triggers: " + e.getMessage(), e);
        }
        // a create script's tables are the entities' already, and its rows no database code
        List<ObjectsFolder.Statement> statements = new java.util.ArrayList<>(hibernateCode.stream().filter(ObjectsFolder::isDatabaseCode)
                .map(ObjectsFolder.Statement::ofHibernate).toList());
        folder.ifPresent(f -> statements.addAll(f.statements()));
        boolean declaring = folder.isPresent() || !statements.isEmpty();
        java.util.SortedMap<String, io.diffgen.objects.DbObject> declared = declaring
                ? DeclaredObjects.read(c, own, extensionSchemas, canonical, statements).objects() : java.util.Collections.emptySortedMap();
        java.util.Set<String> created = new java.util.HashSet<>();
        for (String script : scripts) {
            script.lines().takeWhile(line -> line.startsWith("--") && !line.startsWith("--changeset"))
                    .filter(line -> line.startsWith(CREATED)).forEach(line -> created.add(line.substring(CREATED.length())));
        }
        // a move's trigger and its function are the pending contract's to drop, not the project's database code
        Map<String, io.diffgen.objects.DbObject> existing = new java.util.LinkedHashMap<>(inDatabase.objects());
        existing.values().removeIf(o -> (o.kind() == io.diffgen.objects.DbObject.Kind.TRIGGER || o.kind() == io.diffgen.objects.DbObject.Kind.FUNCTION)
                && Change.Move.isSyncName(o.name()));
        return ObjectDiff.diff(existing, declared, declaring, created::contains, entityTables, tableChanges);
    }

    /** How a revision's header lists an object it creates: {@code --   - create function set_updated_at()}. */
    private static final String CREATED = "--   - create ";

    /** Every identifier the revision scripts contain, as PostgreSQL stores it. */
    private static java.util.Set<String> namesIn(List<String> scripts) {
        java.util.Set<String> names = new java.util.HashSet<>();
        scripts.forEach(script -> names.addAll(Identifiers.spelledIn(script)));
        return names;
    }

    /**
     * A type in the database that the model lacks is dropped only if a revision created it: one made by
     * hand, by an extension's script or for a function is not diffgen's to drop.
     */
    private static List<Change> keepTypesNoRevisionCreated(List<Change> changes, List<String> scripts) {
        List<String> dropped = changes.stream().map(Autogenerate::droppedType).flatMap(Optional::stream).toList();
        if (dropped.isEmpty()) return changes;
        java.util.Set<String> created = dropped.stream()
                .filter(name -> scripts.stream().anyMatch(script -> script.contains("CREATE TYPE " + Identifiers.quote(name) + " AS ")))
                .collect(java.util.stream.Collectors.toSet());
        return changes.stream().filter(change -> droppedType(change).map(created::contains).orElse(true)).toList();
    }

    private static Optional<String> droppedType(Change change) {
        if (change instanceof Change.DropEnum d) return Optional.of(d.type().name());
        if (change instanceof Change.DropComposite d) return Optional.of(d.type().name());
        return Optional.empty();
    }

    /**
     * An entity whose table is a view (or materialized view) in the database reads that view: it is
     * not a table to create, and no foreign key can point at it. {@code @View} and {@code @Subselect}
     * entities never reach here; this is the read-only entity mapped by name onto an existing view.
     */
    private static SchemaSnapshot withoutEntitiesOverViews(Connection c, java.util.Set<String> schemas, SchemaSnapshot model) {
        java.util.Set<String> views;
        try {
            views = PgCatalogReader.viewNames(c, schemas);
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot read the database's views: " + e.getMessage(), e);
        }
        if (views.stream().noneMatch(model.tables()::containsKey)) return model;
        return model.withTables(model.tables().values().stream().filter(t -> !views.contains(t.name()))
                .map(t -> t.withForeignKeys(t.foreignKeys().stream().filter(fk -> !views.contains(fk.referencedTable())).toList()))
                .toList());
    }

    /**
     * Removing a label re-creates the type; a view, a function, a domain or a column outside the schema
     * that uses it would stop that (DROP TYPE fails on it) or be lost with it. Refused by name, before
     * any script is written: such objects are changed first, by hand, in a revision of their own.
     */
    private static void refuseEnumRecreationThatWouldBreakOtherObjects(Connection c, List<Change> changes, java.util.Set<String> schemas) {
        for (Change change : changes) {
            if (!(change instanceof Change.RecreateEnum r)) continue;
            List<String> others;
            try {
                others = PgCatalogReader.otherEnumDependents(c, r.from().name(), schemas);
            } catch (SQLException e) {
                throw new DiffgenException(ErrorCode.DATABASE, "cannot read what uses enum type " + r.from().name() + ": " + e.getMessage(), e);
            }
            if (!others.isEmpty()) {
                throw new DiffgenException(ErrorCode.REFUSED, "cannot " + r.summary() + " safely: PostgreSQL cannot drop a label, so "
                        + "diffgen re-creates the type, and " + String.join(", ", others) + " uses it; change "
                        + (others.size() == 1 ? "that" : "those") + " first, in a revision of your own (revision without --autogenerate)");
            }
        }
    }

    /** The model in the server's spelling; cached per model and server version like the model itself. */
    private static SchemaSnapshot canonical(Connection c, Settings settings, Optional<String> modelKey, EntityModel model,
                                            String[] outcome) {
        ModelCache cache = new ModelCache(ModelCache.directoryFor(settings.migrations()));
        String key = modelKey.map(k -> CacheKey.canonical(k, serverVersion(c))).orElse(null);
        if (key != null) {
            Optional<SchemaSnapshot> hit = cache.getCanonical(key);
            if (hit.isPresent()) {
                outcome[0] = "cache hit";
                return hit.get();
            }
        }
        Canonicalizer.Result result = Canonicalizer.canonicalizeWithStats(c, model.schema());
        outcome[0] = result.rounds() + " rounds";
        if (key != null) {
            cache.putCanonical(key, result.schema());
        }
        return result.schema();
    }

    private static String serverVersion(Connection c) {
        try {
            return PgCatalogReader.serverVersion(c);
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot read the server version: " + e.getMessage(), e);
        }
    }

    /** The key of the throwaway database replayed to {@code base}: see {@link CacheKey#replayed}. */
    static String shadowKey(MigrationsDirectory migrations, List<String> base) {
        java.util.Map<String, String> scripts = new java.util.LinkedHashMap<>();
        for (Path script : migrations.scripts()) {
            scripts.put(script.getFileName().toString(), MigrationsDirectory.read(script));
        }
        return CacheKey.replayed(base, scripts);
    }

    /** A name with a line break (or another control character) in it: refused, named as an escaped literal on one line. */
    private static void refuseUnwritableNames(SchemaSnapshot model) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        for (io.diffgen.snapshot.Table t : model.tables().values()) {
            names.put(t.name(), "table");
            t.columns().forEach(c -> names.putIfAbsent(c.name(), "column of " + Identifiers.display(t.name())));
            t.primaryKey().ifPresent(k -> names.putIfAbsent(k.name(), "primary key of " + Identifiers.display(t.name())));
            t.foreignKeys().forEach(k -> names.putIfAbsent(k.name(), "foreign key of " + Identifiers.display(t.name())));
            t.uniques().forEach(k -> names.putIfAbsent(k.name(), "unique constraint of " + Identifiers.display(t.name())));
            t.checks().forEach(k -> names.putIfAbsent(k.name(), "check constraint of " + Identifiers.display(t.name())));
            t.indexes().forEach(k -> names.putIfAbsent(k.name(), "index of " + Identifiers.display(t.name())));
        }
        model.sequences().keySet().forEach(n -> names.putIfAbsent(n, "sequence"));
        model.enums().keySet().forEach(n -> names.putIfAbsent(n, "enum type"));
        model.composites().values().forEach(c -> {
            names.putIfAbsent(c.name(), "composite type");
            c.attributes().forEach(a -> names.putIfAbsent(a.name(), "attribute of composite type " + c.name()));
        });
        // a table's or sequence's key is its schema and its name: each is a name of its own
        names.forEach((key, what) -> java.util.stream.Stream.concat(Identifiers.schemaOf(key).stream(), java.util.stream.Stream.of(Identifiers.nameOf(key)))
                .forEach(name -> Identifiers.unwritable(name).ifPresent(why -> {
                    throw new io.diffgen.model.ModelException("the entity model's " + what + " " + Identifiers.literal(name) + " " + why
                            + ": rename it in the mapping");
                })));
    }

    /** With {@code --schemas} given, a model object in any other schema (but the database's own) is refused by name. */
    private static void refuseSchemasNotAllowed(SchemaSnapshot model, Optional<java.util.Set<String>> allowed) {
        if (allowed.isEmpty()) return;
        java.util.Map<String, String> objects = new java.util.LinkedHashMap<>();
        model.tables().keySet().forEach(key -> objects.put(key, "table"));
        model.sequences().keySet().forEach(key -> objects.putIfAbsent(key, "sequence"));
        objects.forEach((key, kind) -> Identifiers.schemaOf(key).filter(schema -> !allowed.get().contains(schema)).ifPresent(schema -> {
            throw new DiffgenException(ErrorCode.REFUSED, "the entity model's " + kind + " " + Identifiers.display(key) + " is in schema '"
                    + schema + "', which diffgen may not touch here (--schemas allows " + String.join(", ", new java.util.TreeSet<>(allowed.get()))
                    + " besides the database's own): allow it there, or map the " + kind + " to an allowed schema");
        }));
    }

    /** The database's own schema and those of {@code schemas} (the model's others): nothing in any other schema is touched. */
    private static SchemaSnapshot read(PgCatalogReader reader, java.util.Collection<String> schemas) {
        try {
            return reader.readSchemas(schemas);
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot read the catalog: " + e.getMessage(), e);
        }
    }

    private static String currentSchema(Connection c) {
        try {
            return PgCatalogReader.currentSchema(c).orElseThrow(() ->
                    new DiffgenException(ErrorCode.DATABASE, "the connection has no current schema: check the search_path"));
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot read the current schema: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // the connection is closed next anyway
        }
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b);
    }

    static String describe(List<String> revisions) {
        return revisions.isEmpty() ? "base" : String.join(", ", revisions);
    }
}
