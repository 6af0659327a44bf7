package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
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
        try {
            Files.createDirectories(output.toPath().getParent());
            File partial = new File(output.getPath() + ".partial");
            Files.writeString(partial.toPath(), String.join("\n", lines) + "\n");
            Files.move(partial.toPath(), output.toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + output + ": " + e.getMessage(), e);
        }
        getLog().info("Wrote " + output + " (" + lines.size() + " lines)");
    }
}
