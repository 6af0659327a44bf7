package io.diffgen.command;

import io.diffgen.config.DatabaseUrl;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What every command needs to know: where the migrations are, where the model is, and which database
 * (none means a throwaway embedded PostgreSQL for autogenerate and check).
 */
public record Settings(Path migrations, List<String> modelPackages, List<Path> modelClasspath, Optional<DatabaseUrl> url) {
    public Settings {
        modelPackages = List.copyOf(modelPackages);
        modelClasspath = List.copyOf(modelClasspath);
    }
}
