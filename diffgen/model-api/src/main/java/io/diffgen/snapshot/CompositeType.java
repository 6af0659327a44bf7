package io.diffgen.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL composite type ({@code CREATE TYPE name AS (...)}), as Hibernate creates one for a
 * {@code @Struct} embeddable: its attributes in their order, each with its type as
 * {@code format_type} spells it.
 */
public record CompositeType(String name, List<Attribute> attributes) {

    public CompositeType {
        attributes = List.copyOf(attributes);
    }

    public record Attribute(String name, String type) {
    }

    public Optional<Attribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }
}
