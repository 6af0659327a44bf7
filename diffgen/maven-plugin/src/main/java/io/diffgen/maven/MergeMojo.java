package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** A merge revision joining the heads. */
@Mojo(name = "merge", threadSafe = true)
public class MergeMojo extends DiffgenMojo {
    @Parameter(property = "diffgen.message")
    String message;

    @Override
    protected List<String> command() throws MojoExecutionException {
        return List.of("merge", "heads", "-m", Required.value(message, "diffgen.message", "merge heads"));
    }
}
