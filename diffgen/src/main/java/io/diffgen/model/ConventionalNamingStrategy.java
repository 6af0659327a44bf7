package io.diffgen.model;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitForeignKeyNameSource;
import org.hibernate.boot.model.naming.ImplicitIndexNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.ImplicitUniqueKeyNameSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JPA's implicit naming, except that constraints and indexes the model leaves unnamed get readable,
 * stable names ({@code fk_<table>_<columns>}, {@code uq_...}, {@code ix_...}) instead of Hibernate's
 * hashed {@code FK1a2b...}. Names the model gives are kept as they are.
 */
public final class ConventionalNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {
    static final int MAX_IDENTIFIER_LENGTH = 63;

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

    private static Identifier named(Identifier given, String prefix, Identifier table, List<Identifier> columns) {
        if (given != null) {
            return given;
        }
        String name = prefix + "_" + table.getText() + "_"
                + columns.stream().map(Identifier::getText).collect(Collectors.joining("_"));
        return Identifier.toIdentifier(fitIdentifier(name.toLowerCase()));
    }

    /** The longest prefix of whole code points that fits in {@code bytes} UTF-8 bytes. */
    private static String prefixOfBytes(String text, int bytes) {
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > bytes) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end);
    }

    /** Shortens a generated name to PostgreSQL's 63 bytes, keeping it unique with a hash suffix. */
    static String fitIdentifier(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_LENGTH) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest, 0, 4);
            return prefixOfBytes(name, MAX_IDENTIFIER_LENGTH - 9) + "_" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
