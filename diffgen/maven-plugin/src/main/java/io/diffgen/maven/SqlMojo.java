package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * The upgrade to diffgen.target ({@code [FROM:]TO}, default head) as a script for
 * {@code psql -v ON_ERROR_STOP=1 -f}, written to diffgen.output; needs no database.
 */
@Mojo(name = "sql", threadSafe = true)
public class SqlMojo extends DiffgenMojo {
    @Parameter(property = "diffgen.target", defaultValue = "head")
    String target;

    @Parameter(property = "diffgen.output", defaultValue = "${project.build.directory}/diffgen/upgrade.sql")
    File output;

    @Override
    protected List<String> command() {
        return List.of("upgrade", "--sql", target);
    }

    @Override
    protected boolean logsOutput() {
        return false;
    }

    @Override
    protected void succeeded(List<String> lines) throws MojoExecutionException {
        writeAtomically(output, lines);
        getLog().info("Wrote " + output + " (" + lines.size() + " lines)");
    }
}
