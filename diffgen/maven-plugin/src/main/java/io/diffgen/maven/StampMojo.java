package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** Records the database as at diffgen.target without running anything. */
@Mojo(name = "stamp", threadSafe = true)
public class StampMojo extends DiffgenMojo {
    @Parameter(property = "diffgen.target")
    String target;

    @Override
    protected List<String> command() throws MojoExecutionException {
        return List.of("stamp", Required.value(target, "diffgen.target", "head"));
    }
}
