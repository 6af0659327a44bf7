package io.pixcrawler.model;

import jakarta.persistence.AttributeConverter;

import java.util.Arrays;
import java.util.List;

/**
 * Maps a {@link DbEnum} to its {@code dbValue()}. Used instead of {@code @Enumerated(STRING)}, which
 * would make Hibernate add its own unnamed CHECK next to the schema's named one.
 * Subclass once per enum, with a public no-argument constructor.
 */
public abstract class DbEnumConverter<E extends Enum<E> & DbEnum> implements AttributeConverter<E, String> {
    private final Class<E> enumType;

    protected DbEnumConverter(Class<E> enumType) {
        this.enumType = enumType;
    }

    public Class<E> enumType() {
        return enumType;
    }

    /** The values the column may hold, in declaration order. */
    public List<String> dbValues() {
        return Arrays.stream(enumType.getEnumConstants()).map(DbEnum::dbValue).toList();
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.dbValue();
    }

    @Override
    public E convertToEntityAttribute(String dbValue) {
        if (dbValue == null) {
            return null;
        }
        for (E constant : enumType.getEnumConstants()) {
            if (constant.dbValue().equals(dbValue)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("no " + enumType.getSimpleName() + " for database value '" + dbValue + "'");
    }
}
