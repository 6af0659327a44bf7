package io.diffgen.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.List;

/** Fails the build, listing the differences, when the entities and the migrations (or diffgen.url) disagree. */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class CheckMojo extends ModelMojo {
    @Override
    protected List<String> command() {
        return List.of("check");
    }

    @Override
    protected String failure(List<String> command, int exitCode, List<String> output) {
        // the listed operations ("  - add column books.isbn"), not the heading above them
        return exitCode == 1 ? "the entities and the migrations differ: " + String.join("; ", output.stream().map(String::strip)
                .filter(l -> l.startsWith("- ")).map(l -> l.substring(2)).toList()) : super.failure(command, exitCode, output);
    }

    @Override
    protected String goal() {
        return "check";
    }
}
