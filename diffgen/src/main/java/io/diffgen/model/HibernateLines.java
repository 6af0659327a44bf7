package io.diffgen.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which Hibernate reads a model, and the class loader it runs in. The application's own Hibernate, when
 * its classpath has one (a {@code hibernate-core} jar), else the newest line diffgen bundles. Each line's
 * reader ({@code diffgen-hibernate-<line>}) carries its Hibernate inside its jar; it runs in a class
 * loader of its own over the reader, the model's classpath and that Hibernate, which shares nothing with
 * diffgen's but the JDK, the records of {@code diffgen-model-api} and SLF4J: two Hibernate versions never
 * meet in one class-loader chain.
 */
public final class HibernateLines {
    /** The lines diffgen has a reader for, oldest first; the last is the one used when a model brings no Hibernate. */
    static final List<String> LINES = List.of("6.6", "7");
    public static final String SUPPORTED = "Hibernate ORM 6.6.x and 7.0 to 7.4";
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:[.-].*)?");
    private static final Pattern ARTIFACT = Pattern.compile("(.+?)-\\d[^/]*\\.jar");

    private HibernateLines() {
    }

    /**
     * The Hibernate a model is read with.
     *
     * @param line        the reader's line ({@code 6.6} or {@code 7})
     * @param version     that Hibernate's version
     * @param application where the application's Hibernate is, or empty when the bundled one is used
     */
    public record Choice(String line, String version, Optional<Path> application) {
        /** For {@code --verbose} and the revision header: {@code Hibernate ORM 7.4.16.Final (the model's)}. */
        public String describe() {
            return "Hibernate ORM " + version + (application.isPresent() ? " (the model's)" : " (bundled with diffgen)");
        }
    }

    /** The Hibernate a model on {@code classpath} is read with: its own if it has one, else the newest bundled line. */
    public static Choice choose(List<Path> classpath) {
        for (Path entry : classpath) {
            Optional<String> version = hibernateVersionOf(entry);
            if (version.isPresent()) {
                return new Choice(lineOf(version.get(), entry), version.get(), Optional.of(entry));
            }
        }
        String line = LINES.get(LINES.size() - 1);
        return new Choice(line, bundledVersion(line), Optional.empty());
    }

    /**
     * A reader for the model on {@code classpath} (diffgen's own class path when empty), running on
     * {@code choice}'s Hibernate. Close it to release its class loader.
     */
    public static IsolatedModelReader open(Choice choice, List<Path> classpath) {
        Bundle bundle = bundle(choice.line());
        List<Path> model = classpath.isEmpty() ? ownClasspath() : classpath;
        for (Path entry : model) {
            if (!Files.exists(entry)) {
                throw new ModelException("model classpath entry does not exist: " + entry);
            }
        }
        List<Path> urls = new ArrayList<>();
        urls.add(bundle.reader());
        if (choice.application().isPresent()) {
            // the application's jars first: its Hibernate and the versions of the APIs it was built with
            urls.addAll(model);
            urls.addAll(withoutArtifactsOf(bundle.libs(), model));
        } else {
            urls.addAll(bundle.libs());
            urls.addAll(withoutArtifactsOf(model, bundle.libs()));
        }
        return IsolatedModelReader.create(urls.stream().map(HibernateLines::url).toList(), choice);
    }

    /** The version of the Hibernate ORM in {@code entry}, if it is a {@code hibernate-core} jar. */
    static Optional<String> hibernateVersionOf(Path entry) {
        String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
        if (!Files.isRegularFile(entry) || !name.endsWith(".jar")) {
            return Optional.empty();
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            if (jar.getEntry("org/hibernate/Version.class") == null) {
                return Optional.empty();
            }
            Manifest manifest = jar.getManifest();
            String version = null;
            for (String attribute : List.of("Implementation-Version", "Bundle-Version", "Specification-Version")) {
                if (version == null && manifest != null) {
                    version = manifest.getMainAttributes().getValue(attribute);
                }
            }
            if (version == null) {
                Matcher m = Pattern.compile("hibernate-core-(.+)\\.jar").matcher(name);
                version = m.matches() ? m.group(1) : "an unknown version";
            }
            return Optional.of(version);
        } catch (IOException e) {
            throw new ModelException("cannot read model classpath entry " + entry + ": " + e.getMessage(), e);
        }
    }

    /** The reader line for a Hibernate version, or a one-line refusal naming what is supported. */
    static String lineOf(String version, Path where) {
        Matcher m = VERSION.matcher(version);
        if (m.matches()) {
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            if (major == 6 && minor == 6) {
                return "6.6";
            }
            if (major == 7 && minor <= 4) {
                return "7";
            }
        }
        throw new ModelException("the model's classpath has Hibernate ORM " + version + " (" + where.getFileName()
                + "): diffgen reads models with " + SUPPORTED);
    }

    /** A reader jar (or class folder) and the Hibernate it bundles. */
    private record Bundle(Path reader, List<Path> libs) {
    }

    private static String bundledVersion(String line) {
        try (InputStream in = marker(line).openStream()) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("bundled");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL marker(String line) {
        URL marker = HibernateLines.class.getClassLoader().getResource("META-INF/diffgen/hibernate-" + line + ".properties");
        if (marker == null) {
            throw new ModelException("diffgen's reader for Hibernate " + line + " is not on its class path: add io.diffgen:diffgen-hibernate-"
                    + line + " beside io.diffgen:diffgen to read models");
        }
        return marker;
    }

    private static Bundle bundle(String line) {
        URL marker = marker(line);
        String libs = "META-INF/diffgen/hibernate-" + line + "/lib/";
        try {
            if ("file".equals(marker.getProtocol())) {
                Path root = Path.of(marker.toURI()).getParent().getParent().getParent();
                return new Bundle(root, jarsIn(root.resolve(libs)));
            }
            JarURLConnection connection = (JarURLConnection) marker.openConnection();
            Path jar = Path.of(connection.getJarFileURL().toURI());
            return new Bundle(jar, jarsIn(unpacked(jar, libs)));
        } catch (IOException | URISyntaxException e) {
            throw new ModelException("cannot open diffgen's Hibernate " + line + " reader: " + e.getMessage(), e);
        }
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    /**
     * The jars under {@code prefix} in {@code jar}, unpacked once into the user's cache (a folder per
     * reader jar, size and time), built aside and renamed into place so that a run stopped half-way
     * leaves nothing that looks complete.
     */
    private static Path unpacked(Path jar, String prefix) throws IOException {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = (xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg))
                .resolve("diffgen").resolve("hibernate");
        String base = jar.getFileName().toString().replaceAll("\\.jar$", "") + "-";
        String name = base + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
        Path target = cache.resolve(name);
        if (Files.isDirectory(target)) {
            used(target, cache, base);
            return target;
        }
        Files.createDirectories(cache);
        Path partial = Files.createTempDirectory(cache, name + ".partial-");
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".jar")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, partial.resolve(entry.getName().substring(prefix.length())));
                    }
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // another run unpacked it first
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename into " + cache + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
        used(target, cache, base);
        return target;
    }

    /** How long an unpack of another build of the same reader jar stays after its last use. */
    static final java.time.Duration UNUSED_FOR = java.time.Duration.ofDays(1);

    /**
     * Marks {@code target} used now, and deletes the unpacks of other builds of the same reader jar
     * ({@code base} then another size and time) and the partial ones, when none has been used for
     * {@link #UNUSED_FOR}: each build of diffgen unpacks its own, and a developer's cache would
     * otherwise grow by one per build for good. A run still using one has touched it within the day.
     */
    static void used(Path target, Path cache, String base) {
        try {
            Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
            prune(cache, base, target, java.time.Instant.now().minus(UNUSED_FOR));
        } catch (IOException e) {
            // a cache that cannot be tidied still works
        }
    }

    static void prune(Path cache, String base, Path keep, java.time.Instant usedBefore) throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            for (Path other : entries.filter(p -> !p.equals(keep) && p.getFileName().toString().startsWith(base)).toList()) {
                if (Files.getLastModifiedTime(other).toInstant().isBefore(usedBefore)) {
                    deleteQuietly(other);
                }
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover partial folder is never used
        }
    }

    /** {@code jars} without those whose artifact ({@code name-1.2.3.jar}) is also in {@code others}. */
    private static List<Path> withoutArtifactsOf(List<Path> jars, List<Path> others) {
        Set<String> taken = new LinkedHashSet<>();
        others.forEach(p -> artifact(p).ifPresent(taken::add));
        return jars.stream().filter(p -> artifact(p).map(a -> !taken.contains(a)).orElse(true)).toList();
    }

    private static Optional<String> artifact(Path jar) {
        Matcher m = ARTIFACT.matcher(jar.getFileName() == null ? "" : jar.getFileName().toString());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** diffgen's own class path, for a model that names no classpath of its own (tests, embedding). */
    private static List<Path> ownClasspath() {
        return Stream.of(System.getProperty("java.class.path", "").split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).filter(Files::exists).toList();
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new ModelException("bad model classpath entry: " + path, e);
        }
    }
}
