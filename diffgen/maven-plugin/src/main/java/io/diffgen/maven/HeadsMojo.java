package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

import java.util.List;

/** The heads. */
@Mojo(name = "heads", threadSafe = true)
public class HeadsMojo extends DiffgenMojo {

    @Override
    protected List<String> command() throws MojoExecutionException {
        return List.of("heads");
    }
}
