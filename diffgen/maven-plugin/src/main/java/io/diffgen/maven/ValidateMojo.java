package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

import java.util.List;

/** Every revision file parses, the graph is sound, and every applied revision exists and is unedited. */
@Mojo(name = "validate", threadSafe = true)
public class ValidateMojo extends DiffgenMojo {

    @Override
    protected List<String> command() throws MojoExecutionException {
        return List.of("validate");
    }
}
