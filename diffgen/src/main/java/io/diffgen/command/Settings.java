package io.diffgen.command;

import io.diffgen.config.DatabaseUrl;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Optional;

/**
 * What every command needs to know: where the migrations are, where the model is, the Hibernate
 * settings given to diffgen (on top of those the model's classpath carries), the schemas besides the
 * database's own that diffgen may touch (none given: any the model names), and which database (none
 * means a throwaway embedded PostgreSQL for autogenerate and check).
 */
public record Settings(Path migrations, List<String> modelPackages, List<Path> modelClasspath,
                       Map<String, String> hibernateSettings, Optional<Set<String>> schemas, Optional<DatabaseUrl> url) {
    public Settings {
        modelPackages = List.copyOf(modelPackages);
        modelClasspath = List.copyOf(modelClasspath);
        hibernateSettings = Collections.unmodifiableMap(new TreeMap<>(hibernateSettings));
        schemas = schemas.map(Set::copyOf);
    }

    public Settings withUrl(DatabaseUrl database) {
        return new Settings(migrations, modelPackages, modelClasspath, hibernateSettings, schemas, Optional.of(database));
    }
}
