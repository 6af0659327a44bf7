package io.diffgen.model;

import io.diffgen.DiffgenException;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A line's {@link ModelReader}, created in its own class loader, run with that loader as the thread's
 * context class loader (Hibernate looks up services there). A failure inside Hibernate that is not
 * diffgen's own error becomes one line naming the Hibernate that failed.
 */
public final class IsolatedModelReader implements ModelReader, AutoCloseable {
    private final ModelClassLoader loader;
    private final ModelReader reader;
    private final HibernateLines.Choice choice;

    private IsolatedModelReader(ModelClassLoader loader, ModelReader reader, HibernateLines.Choice choice) {
        this.loader = loader;
        this.reader = reader;
        this.choice = choice;
    }

    static IsolatedModelReader create(List<URL> urls, HibernateLines.Choice choice) {
        // SLF4J, shared with the reader, reads its configuration through the context class loader on
        // first use: let that be diffgen's, not the model's (which would leave Hibernate's log at INFO)
        org.slf4j.LoggerFactory.getILoggerFactory();
        ModelClassLoader loader = new ModelClassLoader(urls.toArray(URL[]::new), IsolatedModelReader.class.getClassLoader());
        try {
            Object reader = Class.forName("io.diffgen.hibernate.HibernateLine", true, loader).getConstructor().newInstance();
            return new IsolatedModelReader(loader, (ModelReader) reader, choice);
        } catch (ReflectiveOperationException | LinkageError e) {
            closeQuietly(loader);
            throw new ModelException("cannot start " + choice.describe() + " to read the model: " + e, e);
        }
    }

    /** The loader the model's classes are found and defined in. */
    public ClassLoader classLoader() {
        return loader;
    }

    public HibernateLines.Choice choice() {
        return choice;
    }

    @Override
    public String hibernateVersion() {
        return inLoader(reader::hibernateVersion);
    }

    @Override
    public Set<String> knownSettings() {
        return inLoader(reader::knownSettings);
    }

    @Override
    public EntityModel read(List<String> mappedClasses, Map<String, String> settings) {
        return inLoader(() -> reader.read(mappedClasses, settings));
    }

    @Override
    public void prepare(Map<String, String> settings) {
        inLoader(() -> {
            reader.prepare(settings);
            return null;
        });
    }

    /**
     * Loads the classes, by name, into this reader's loader, as {@link #read} will: ahead of it, on
     * another thread than {@link #prepare}'s. The first that cannot be loaded stops it quietly, for
     * {@link #read} to report.
     */
    public void load(List<String> classes) {
        for (String name : classes) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return;
            }
        }
    }

    @Override
    public void exportSchema(List<String> mappedClasses, Map<String, String> settings, String jdbcUrl, String user, String password) {
        inLoader(() -> {
            reader.exportSchema(mappedClasses, settings, jdbcUrl, user, password);
            return null;
        });
    }

    @Override
    public List<String> validateAndUse(List<String> mappedClasses, Map<String, String> settings, String jdbcUrl, String user,
                                       String password) {
        return inLoader(() -> reader.validateAndUse(mappedClasses, settings, jdbcUrl, user, password));
    }

    @Override
    public List<String> persistAndLoad(List<String> mappedClasses, Map<String, String> settings, String jdbcUrl, String user,
                                       String password, List<Object> entities) {
        return inLoader(() -> reader.persistAndLoad(mappedClasses, settings, jdbcUrl, user, password, entities));
    }

    private <T> T inLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } catch (DiffgenException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new ModelException("entity mapping error on " + choice.describe() + ": " + rootMessage(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (true) {
            if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
                return "class " + String.valueOf(t.getMessage()).replace('/', '.') + " is not on the model classpath";
            }
            if (t.getCause() == null || t.getCause() == t) break;
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t == e ? message : e.getMessage() + " (" + message + ")";
    }

    /** Releases what {@link #prepare} started and no read used, then the class loader. */
    @Override
    public void close() {
        try {
            inLoader(() -> {
                reader.release();
                return null;
            });
        } finally {
            if (ModelClassLoader.TRAINING) loader.linkDefined();
            closeQuietly(loader);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }

    /**
     * Child-first over its own URLs: below it only the JDK; diffgen's loader gives just the records
     * that cross over ({@code diffgen-model-api}), SLF4J, so Hibernate's log goes where diffgen's does,
     * and the PostgreSQL driver, for Hibernate's own schema export.
     */
    static final class ModelClassLoader extends URLClassLoader {
        static {
            // Hibernate starts on one thread while the model's classes load on another
            registerAsParallelCapable();
        }

        /**
         * Set on the run that trains the Makefile's class archive: a dynamic archive keeps only the classes
         * of a loader like this one that are linked when the JVM exits, and Hibernate loads hundreds it
         * never links (annotation types, say), which every later run would then read from the jar again.
         */
        static final boolean TRAINING = Boolean.getBoolean("diffgen.archive.training");

        private final ClassLoader diffgen;
        private final Set<Class<?>> defined = java.util.concurrent.ConcurrentHashMap.newKeySet();

        ModelClassLoader(URL[] urls, ClassLoader diffgen) {
            super("diffgen-model", urls, ClassLoader.getPlatformClassLoader());
            this.diffgen = diffgen;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> found = super.findClass(name);
            if (TRAINING) defined.add(found);
            return found;
        }

        /** Links every class this loader defined, and those their methods' signatures load in turn (the JVM links a class it lists the methods of). */
        void linkDefined() {
            Set<Class<?>> linked = new java.util.HashSet<>();
            while (!linked.containsAll(defined)) {
                for (Class<?> c : List.copyOf(defined)) {
                    if (!linked.add(c)) continue;
                    try {
                        c.getDeclaredMethods();
                    } catch (LinkageError optionalDependencyMissing) {
                        // linked before the signatures were read; a class they name is absent
                    }
                }
            }
        }

        static boolean shared(String name) {
            return name.startsWith("io.diffgen.snapshot.") || name.startsWith("io.diffgen.DiffgenException")
                    || name.equals("io.diffgen.model.EntityModel") || name.startsWith("io.diffgen.model.Rename")
                    || name.equals("io.diffgen.model.ModelException") || name.equals("io.diffgen.model.ModelReader")
                    || name.startsWith("org.slf4j.") || name.startsWith("org.postgresql.");
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            return shared(name) ? diffgen.loadClass(name) : super.loadClass(name, resolve);
        }
    }
}
