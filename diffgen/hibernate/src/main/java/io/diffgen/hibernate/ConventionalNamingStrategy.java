package io.diffgen.hibernate;

import io.diffgen.snapshot.Identifiers;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitAnyDiscriminatorColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitAnyKeyColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitBasicColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitCollectionTableNameSource;
import org.hibernate.boot.model.naming.ImplicitDiscriminatorColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitEntityNameSource;
import org.hibernate.boot.model.naming.ImplicitForeignKeyNameSource;
import org.hibernate.boot.model.naming.ImplicitIdentifierColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitIndexColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitIndexNameSource;
import org.hibernate.boot.model.naming.ImplicitJoinColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitMapKeyColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.ImplicitPrimaryKeyJoinColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitTenantIdColumnNameSource;
import org.hibernate.boot.model.naming.ImplicitUniqueKeyNameSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's implicit naming strategy (JPA's by default), except that constraints and indexes
 * the model leaves unnamed get readable, stable names ({@code fk_<table>_<columns>}, {@code uq_...},
 * {@code ix_...}) instead of Hibernate's hashed {@code FK1a2b...}. Names the model gives are kept as
 * they are, and every table and column name is the application's own.
 */
public final class ConventionalNamingStrategy implements ImplicitNamingStrategy {
    private final ImplicitNamingStrategy application;
    /** The names this strategy made up, because the model gave none. */
    private final Set<String> generated = ConcurrentHashMap.newKeySet();

    public ConventionalNamingStrategy() {
        this(new ImplicitNamingStrategyJpaCompliantImpl());
    }

    public ConventionalNamingStrategy(ImplicitNamingStrategy application) {
        this.application = application;
    }

    @Override
    public Identifier determineForeignKeyName(ImplicitForeignKeyNameSource source) {
        return named(source.getUserProvidedIdentifier(), "fk", source.getTableName(), source.getColumnNames());
    }

    @Override
    public Identifier determineUniqueKeyName(ImplicitUniqueKeyNameSource source) {
        return named(source.getUserProvidedIdentifier(), "uq", source.getTableName(), source.getColumnNames());
    }

    @Override
    public Identifier determineIndexName(ImplicitIndexNameSource source) {
        return named(source.getUserProvidedIdentifier(), "ix", source.getTableName(), source.getColumnNames());
    }

    /** The name diffgen gives a unique constraint Hibernate creates for {@code @Column(unique = true)}. */
    static String uniqueKeyName(String table, String column) {
        return fitIdentifier(("uq_" + table + "_" + column).toLowerCase(Locale.ROOT));
    }

    @Override
    public Identifier determinePrimaryTableName(ImplicitEntityNameSource source) {
        return application.determinePrimaryTableName(source);
    }

    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        return application.determineJoinTableName(source);
    }

    @Override
    public Identifier determineCollectionTableName(ImplicitCollectionTableNameSource source) {
        return application.determineCollectionTableName(source);
    }

    @Override
    public Identifier determineDiscriminatorColumnName(ImplicitDiscriminatorColumnNameSource source) {
        return application.determineDiscriminatorColumnName(source);
    }

    @Override
    public Identifier determineTenantIdColumnName(ImplicitTenantIdColumnNameSource source) {
        return application.determineTenantIdColumnName(source);
    }

    @Override
    public Identifier determineIdentifierColumnName(ImplicitIdentifierColumnNameSource source) {
        return application.determineIdentifierColumnName(source);
    }

    @Override
    public Identifier determineBasicColumnName(ImplicitBasicColumnNameSource source) {
        return application.determineBasicColumnName(source);
    }

    @Override
    public Identifier determineJoinColumnName(ImplicitJoinColumnNameSource source) {
        return application.determineJoinColumnName(source);
    }

    @Override
    public Identifier determinePrimaryKeyJoinColumnName(ImplicitPrimaryKeyJoinColumnNameSource source) {
        return application.determinePrimaryKeyJoinColumnName(source);
    }

    @Override
    public Identifier determineAnyDiscriminatorColumnName(ImplicitAnyDiscriminatorColumnNameSource source) {
        return application.determineAnyDiscriminatorColumnName(source);
    }

    @Override
    public Identifier determineAnyKeyColumnName(ImplicitAnyKeyColumnNameSource source) {
        return application.determineAnyKeyColumnName(source);
    }

    @Override
    public Identifier determineMapKeyColumnName(ImplicitMapKeyColumnNameSource source) {
        return application.determineMapKeyColumnName(source);
    }

    @Override
    public Identifier determineListIndexColumnName(ImplicitIndexColumnNameSource source) {
        return application.determineListIndexColumnName(source);
    }

    private Identifier named(Identifier given, String prefix, Identifier table, List<Identifier> columns) {
        if (given != null) {
            return given;
        }
        return Identifier.toIdentifier(conventional(prefix, table.getText(), columns.stream().map(Identifier::getText).toList()));
    }

    /**
     * {@code <prefix>_<table>_<columns>}, recorded as made up by this strategy. Also for a constraint
     * whose source named another table than its own (Hibernate 7.4 names a collection table's unique
     * key after the owning entity's table).
     */
    String conventional(String prefix, String table, List<String> columns) {
        String name = fitIdentifier((prefix + "_" + table + "_" + String.join("_", columns)).toLowerCase(Locale.ROOT));
        generated.add(name);
        return name;
    }

    /** Whether {@code name} is one this strategy made up for a constraint or index the model left unnamed. */
    boolean generated(String name) {
        return generated.contains(name);
    }

    /** Shortens a generated name to PostgreSQL's 63 bytes, keeping it unique with a hash suffix. */
    static String fitIdentifier(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= Identifiers.MAX_BYTES) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest, 0, 4);
            return Identifiers.prefixOfBytes(name, Identifiers.MAX_BYTES - 9) + "_" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
