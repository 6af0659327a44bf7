package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** Applies the revisions up to diffgen.target (default head). */
@Mojo(name = "upgrade", threadSafe = true)
public class UpgradeMojo extends DiffgenMojo {
    @Parameter(property = "diffgen.target", defaultValue = "head")
    String target;

    @Override
    protected List<String> command() throws MojoExecutionException {
        return List.of("upgrade", target);
    }
}
