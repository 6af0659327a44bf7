package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** The data checks of the pending revisions, without applying them; fails when one fails. */
@Mojo(name = "preflight", threadSafe = true)
public class PreflightMojo extends DiffgenMojo {
    @Parameter(property = "diffgen.target", defaultValue = "head")
    String target;

    @Override
    protected List<String> command() throws MojoExecutionException {
        return List.of("preflight", target);
    }
}
