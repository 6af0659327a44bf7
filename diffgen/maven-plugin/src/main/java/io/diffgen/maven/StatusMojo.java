package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

import java.util.List;

/** Current revision, heads, pending revisions: up to date or not. */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends DiffgenMojo {

    @Override
    protected List<String> command() throws MojoExecutionException {
        return List.of("status");
    }
}
