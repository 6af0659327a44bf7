package io.diffgen.maven;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A goal that reads the entities: from the project's compiled classes and its compile dependencies,
 * in {@code <packages>} (or {@code diffgen.packages}), else in every package of the project's
 * own classes that holds an {@code @Entity}.
 */
public abstract class ModelMojo extends DiffgenMojo {
    private static final DotName ENTITY = DotName.createSimple("jakarta.persistence.Entity");

    /** Packages holding the entities; by default those of the project's @Entity classes. */
    @Parameter(property = "diffgen.packages")
    protected List<String> packages;

    @Override
    protected List<String> extraOptions() throws MojoExecutionException {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        if (!Files.isDirectory(classes)) {
            throw new MojoExecutionException("no compiled classes in " + classes + ": run 'mvn compile diffgen:" + goal() + "'");
        }
        List<String> classpath;
        try {
            classpath = project.getCompileClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("cannot resolve the compile classpath: " + e.getMessage(), e);
        }
        List<String> found = packages == null || packages.isEmpty() ? entityPackages(classes) : packages;
        if (found.isEmpty()) {
            throw new MojoExecutionException("no @Entity class in " + classes + ": give <packages> or -Ddiffgen.packages=...");
        }
        return List.of("--model-classpath", String.join(File.pathSeparator, classpath), "--model-package", String.join(",", found));
    }

    protected abstract String goal();

    static List<String> entityPackages(Path classes) throws MojoExecutionException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            walk.filter(p -> p.toString().endsWith(".class")).forEach(files::add);
            Index index = Index.of(files.stream().map(Path::toFile).toArray(File[]::new));
            TreeSet<String> names = new TreeSet<>();
            for (AnnotationInstance a : index.getAnnotations(ENTITY)) {
                names.add(a.target().asClass().name().packagePrefix());
            }
            return List.copyOf(names);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + classes + ": " + e.getMessage(), e);
        }
    }
}
