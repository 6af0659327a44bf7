package io.diffgen.model;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds the mapped classes of some packages on a classpath, the way a JPA provider's scanner would. */
public final class ModelLoader {

    private ModelLoader() {
    }

    /** A class loader over the model's classpath entries, delegating to diffgen's own for the JPA API. */
    public static ClassLoader classLoader(List<Path> classpath) {
        if (classpath.isEmpty()) {
            return ModelLoader.class.getClassLoader();
        }
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            Path entry = classpath.get(i);
            if (!Files.exists(entry)) {
                throw new ModelException("model classpath entry does not exist: " + entry);
            }
            try {
                urls[i] = entry.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new ModelException("bad model classpath entry: " + entry, e);
            }
        }
        return new URLClassLoader("diffgen-model", urls, ModelLoader.class.getClassLoader());
    }

    /**
     * The entity, embeddable, mapped-superclass and converter classes in the packages (and
     * sub-packages); an entry that names a class (a converter kept elsewhere, say) adds that class.
     */
    public static List<Class<?>> mappedClasses(ClassLoader loader, List<String> packages) {
        TreeSet<String> names = new TreeSet<>();
        for (String pkg : packages) {
            String path = pkg.replace('.', '/');
            if (loader.getResource(path + ".class") != null) {
                names.add(pkg);
                continue;
            }
            try {
                Enumeration<URL> roots = loader.getResources(path);
                for (URL root : Collections.list(roots)) {
                    names.addAll(classNamesUnder(root, path));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Class<?>> mapped = new ArrayList<>();
        for (String name : names) {
            // read the annotations from the class file first, as a JPA provider's scanner does: a class
            // that is not mapped (a repository, a service) is never loaded, so its own dependencies
            // need not be on the model classpath
            if (!isMapped(loader, name)) {
                continue;
            }
            try {
                mapped.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ModelException("cannot load model class " + name + ": " + e, e);
            }
        }
        if (mapped.stream().noneMatch(c -> c.isAnnotationPresent(Entity.class))) {
            throw new ModelException("no @Entity classes found in package(s) " + String.join(", ", packages)
                    + " (check --model-package and --model-classpath)");
        }
        return mapped;
    }

    private static final List<DotName> MAPPING_ANNOTATIONS = List.of(DotName.createSimple(Entity.class.getName()),
            DotName.createSimple(Embeddable.class.getName()), DotName.createSimple(MappedSuperclass.class.getName()),
            DotName.createSimple(Converter.class.getName()));

    private static boolean isMapped(ClassLoader loader, String className) {
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ModelException("cannot read model class " + className);
            }
            ClassInfo info = Index.singleClass(in);
            return MAPPING_ANNOTATIONS.stream().anyMatch(info::hasDeclaredAnnotation);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelException m) throw m;
            throw new ModelException("cannot read model class " + className + ": " + e.getMessage(), e);
        }
    }

    private static List<String> classNamesUnder(URL root, String path) throws IOException {
        List<String> names = new ArrayList<>();
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
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .map(f -> classesRoot.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                        .forEach(rel -> addClassName(names, rel));
            }
        } else if ("jar".equals(root.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(path + "/") && n.endsWith(".class"))
                        .forEach(n -> addClassName(names, n));
            }
        }
        return names;
    }

    private static void addClassName(List<String> names, String relativePath) {
        if (relativePath.endsWith("module-info.class") || relativePath.endsWith("package-info.class")) {
            return;
        }
        names.add(relativePath.substring(0, relativePath.length() - ".class".length()).replace('/', '.'));
    }
}
