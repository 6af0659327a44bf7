package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** Rolls back to diffgen.target (-1, a revision or base; required). */
@Mojo(name = "downgrade", threadSafe = true)
public class DowngradeMojo extends DiffgenMojo {
    @Parameter(property = "diffgen.target")
    String target;

    @Override
    protected List<String> command() throws MojoExecutionException {
        return List.of("downgrade", "--", Required.value(target, "diffgen.target", "-1"));
    }
}
