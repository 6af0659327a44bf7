package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

import java.util.List;

/** The revisions, newest first. */
@Mojo(name = "history", threadSafe = true)
public class HistoryMojo extends DiffgenMojo {

    @Override
    protected List<String> command() throws MojoExecutionException {
        return List.of("history");
    }
}
