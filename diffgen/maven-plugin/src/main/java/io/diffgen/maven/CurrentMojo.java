package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

import java.util.List;

/** The revision the database is at. */
@Mojo(name = "current", threadSafe = true)
public class CurrentMojo extends DiffgenMojo {

    @Override
    protected List<String> command() throws MojoExecutionException {
        return List.of("current");
    }
}
