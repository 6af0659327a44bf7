package io.diffgen.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entity side, as one line of Hibernate ORM maps it. An implementation is compiled against that
 * line and runs in a class loader of its own, beside the application's Hibernate; what crosses over
 * is plain records of this module.
 */
public interface ModelReader {

    /** The version of the Hibernate ORM this reader runs on, as that Hibernate reports it. */
    String hibernateVersion();

    /** Every setting key this Hibernate knows, so that a misspelt one is an error, not silently nothing. */
    Set<String> knownSettings();

    /** The schema the mapped classes (by name) map to under {@code settings}. */
    EntityModel read(List<String> mappedClasses, Map<String, String> settings);

    /**
     * Starts Hibernate under {@code settings} as far as it goes without the mapped classes, for the next
     * {@link #read} with the same settings: a caller runs it on a thread of its own while it finds and
     * loads those classes.
     */
    default void prepare(Map<String, String> settings) {
    }

    /** Releases what {@link #prepare} started and no {@link #read} used. */
    default void release() {
    }

    /**
     * Hibernate's own schema export of the same model into a database: the reference a schema
     * diffgen produced is compared with.
     */
    void exportSchema(List<String> mappedClasses, Map<String, String> settings, String jdbcUrl, String user, String password);

    /**
     * Hibernate validates the schema in a database against the model ({@code hbm2ddl.auto=validate}),
     * then persists nothing but queries every entity and calls {@code nextval} on every sequence it maps.
     *
     * @return what was run
     */
    List<String> validateAndUse(List<String> mappedClasses, Map<String, String> settings, String jdbcUrl, String user, String password);

    /**
     * Hibernate persists {@code entities} (instances of the model's classes, from this reader's class
     * loader) in one transaction, then, in another session, loads each back by its id.
     *
     * @return each entity loaded back, as {@code EntityName#id}
     */
    List<String> persistAndLoad(List<String> mappedClasses, Map<String, String> settings, String jdbcUrl, String user, String password,
                                List<Object> entities);
}
