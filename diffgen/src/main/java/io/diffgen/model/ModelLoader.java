package io.diffgen.model;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds the mapped classes of some packages on a classpath, the way a JPA provider's scanner would. */
public final class ModelLoader {

    private ModelLoader() {
    }

    /**
     * The mapped classes found in some packages of a model: the entity, embeddable, mapped-superclass
     * and converter classes, by name, and where the model uses Jakarta Persistence 3.2 (empty if nowhere).
     */
    public record Scan(List<String> classes, Optional<String> persistence32) {
        public Scan {
            classes = List.copyOf(classes);
        }
    }

    /**
     * The entity, embeddable, mapped-superclass and converter classes in the packages (and
     * sub-packages); an entry that names a class (a converter kept elsewhere, say) adds that class.
     * Read from the class files, as a JPA provider's scanner does: a class that is not mapped (a
     * repository, a service) is never loaded, so its own dependencies need not be on the model classpath.
     */
    public static Scan mappedClasses(ClassLoader loader, List<String> packages) {
        return mappedClasses(loader, packages, ClassFolders.read(List.of()));
    }

    /** As {@link #mappedClasses(ClassLoader, List)}, reading the class files of the classpath's folders from {@code folders}. */
    public static Scan mappedClasses(ClassLoader loader, List<String> packages, ClassFolders folders) {
        // each class, with its class file when the first root that has it is a folder read already
        TreeMap<String, byte[]> found = new TreeMap<>();
        for (String pkg : packages) {
            String path = pkg.replace('.', '/');
            if (loader.getResource(path + ".class") != null) {
                found.putIfAbsent(pkg, null);
                continue;
            }
            try {
                Enumeration<URL> roots = loader.getResources(path);
                for (URL root : Collections.list(roots)) {
                    classesUnder(root, path, folders, found);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> mapped = new ArrayList<>();
        boolean entity = false;
        Optional<String> persistence32 = Optional.empty();
        for (Map.Entry<String, byte[]> each : found.entrySet()) {
            String name = each.getKey();
            byte[] classFile = each.getValue() != null ? each.getValue() : classFile(loader, name);
            Optional<ClassFileSummary> summary = summary(classFile);
            if (summary.isEmpty()) {
                // a class file this reader does not know: Jandex reads it
                ClassInfo info = classInfo(classFile, name);
                if (MAPPING_ANNOTATIONS.stream().anyMatch(info::hasDeclaredAnnotation)) {
                    mapped.add(name);
                    entity |= info.hasDeclaredAnnotation(ENTITY);
                    if (persistence32.isEmpty()) persistence32 = persistence32Use(info);
                }
                continue;
            }
            Set<String> annotations = summary.get().classAnnotations();
            if (MAPPING_DESCRIPTORS.stream().noneMatch(annotations::contains)) continue;
            mapped.add(name);
            entity |= annotations.contains(ENTITY_DESCRIPTOR);
            // only a class whose constant pool names something of 3.2 is indexed to find where
            if (persistence32.isEmpty() && PERSISTENCE_32_STRINGS.stream().anyMatch(summary.get().strings()::contains)) {
                persistence32 = persistence32Use(classInfo(classFile, name));
            }
        }
        if (!entity) {
            throw new ModelException("no @Entity classes found in package(s) " + String.join(", ", packages)
                    + " (check --model-package and --model-classpath)");
        }
        return new Scan(mapped, persistence32);
    }

    private static final DotName ENTITY = DotName.createSimple("jakarta.persistence.Entity");
    private static final List<DotName> MAPPING_ANNOTATIONS = List.of(ENTITY, DotName.createSimple("jakarta.persistence.Embeddable"),
            DotName.createSimple("jakarta.persistence.MappedSuperclass"), DotName.createSimple("jakarta.persistence.Converter"));

    private static final String ENTITY_DESCRIPTOR = "Ljakarta/persistence/Entity;";
    private static final List<String> MAPPING_DESCRIPTORS = MAPPING_ANNOTATIONS.stream()
            .map(a -> "L" + a.toString().replace('.', '/') + ";").toList();

    /** Annotations and attributes Jakarta Persistence 3.2 added that put something in the DDL. */
    private static final Set<String> PERSISTENCE_32_ANNOTATIONS = Set.of("jakarta.persistence.CheckConstraint",
            "jakarta.persistence.EnumeratedValue");
    private static final Set<String> PERSISTENCE_32_ATTRIBUTES = Set.of("comment", "options", "check", "secondPrecision");
    /** What a class file's constant pool holds if it may use one of them. */
    private static final Set<String> PERSISTENCE_32_STRINGS = java.util.stream.Stream.concat(PERSISTENCE_32_ATTRIBUTES.stream(),
            PERSISTENCE_32_ANNOTATIONS.stream().map(a -> "L" + a.replace('.', '/') + ";")).collect(java.util.stream.Collectors.toSet());

    /** Where a mapped class uses Jakarta Persistence 3.2, as {@code @Table(comment) on Order}. */
    private static Optional<String> persistence32Use(ClassInfo info) {
        for (AnnotationInstance a : info.annotations()) {
            String annotation = a.name().toString();
            if (!annotation.startsWith("jakarta.persistence.")) {
                continue;
            }
            String simple = annotation.substring("jakarta.persistence.".length());
            if (PERSISTENCE_32_ANNOTATIONS.contains(annotation)) {
                return Optional.of("@" + simple + where(info, a));
            }
            for (AnnotationValue value : a.values()) {
                if (PERSISTENCE_32_ATTRIBUTES.contains(value.name())) {
                    return Optional.of("@" + simple + "(" + value.name() + ")" + where(info, a));
                }
            }
        }
        return Optional.empty();
    }

    private static String where(ClassInfo info, AnnotationInstance a) {
        return " on " + info.simpleName() + (a.target() != null && a.target().kind() != AnnotationTarget.Kind.CLASS
                ? "." + a.target().toString().replaceAll("^.*[ .]", "") : "");
    }

    private static byte[] classFile(ClassLoader loader, String className) {
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ModelException("cannot read model class " + className);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("cannot read model class " + className + ": " + e.getMessage(), e);
        }
    }

    private static Optional<ClassFileSummary> summary(byte[] classFile) {
        try {
            return Optional.of(ClassFileSummary.of(classFile));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ClassInfo classInfo(byte[] classFile, String className) {
        try {
            return Index.singleClass(classFile);
        } catch (IOException | RuntimeException e) {
            throw new ModelException("cannot read model class " + className + ": " + e.getMessage(), e);
        }
    }

    /** Adds the classes under the package folder {@code root} to {@code found}, those of a folder read already with their class files. */
    private static void classesUnder(URL root, String path, ClassFolders folders, Map<String, byte[]> found) throws IOException {
        if ("file".equals(root.getProtocol())) {
            Path dir;
            try {
                dir = Path.of(root.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            Path base = dir;
            for (int i = 0; i < path.split("/").length; i++) {
                base = base.getParent();
            }
            Path classesRoot = base;
            // as the class loader would, but for a jar without folder entries ahead of this folder that has the same class
            Map<Path, byte[]> read = folders.classFiles(classesRoot);
            if (!read.isEmpty()) {
                Path under = classesRoot.getFileSystem().getPath(path);
                read.forEach((file, bytes) -> {
                    if (file.startsWith(under)) {
                        className(file.toString().replace(java.io.File.separatorChar, '/')).ifPresent(n -> found.putIfAbsent(n, bytes));
                    }
                });
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .map(f -> classesRoot.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                        .forEach(rel -> className(rel).ifPresent(n -> found.putIfAbsent(n, null)));
            }
        } else if ("jar".equals(root.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(path + "/") && n.endsWith(".class"))
                        .forEach(n -> className(n).ifPresent(c -> found.putIfAbsent(c, null)));
            }
        }
    }

    private static Optional<String> className(String relativePath) {
        if (relativePath.endsWith("module-info.class") || relativePath.endsWith("package-info.class")) {
            return Optional.empty();
        }
        return Optional.of(relativePath.substring(0, relativePath.length() - ".class".length()).replace('/', '.'));
    }
}
