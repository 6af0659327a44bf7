package io.diffgen.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * A Mermaid entity-relationship diagram, as a {@code ```mermaid} block for a pull request comment or a
 * markdown file, written to diffgen.output: what the revision diffgen.target (default head) adds,
 * changes or drops, with its neighbours; with {@code diffgen.whole=true}, the whole schema at it.
 */
@Mojo(name = "erd", threadSafe = true)
public class ErdMojo extends DiffgenMojo {
    @Parameter(property = "diffgen.target", defaultValue = "head")
    String target;

    @Parameter(property = "diffgen.whole", defaultValue = "false")
    boolean whole;

    @Parameter(property = "diffgen.output", defaultValue = "${project.build.directory}/diffgen/erd.md")
    File output;

    @Override
    protected List<String> command() {
        return whole ? List.of("erd", target) : List.of("show", target, "--erd");
    }

    @Override
    protected boolean logsOutput() {
        return false;
    }

    @Override
    protected void succeeded(List<String> lines) throws MojoExecutionException {
        writeAtomically(output, lines);
        getLog().info("Wrote " + output + " (" + lines.stream().filter(l -> l.endsWith("{")).count() + " tables)");
    }
}
