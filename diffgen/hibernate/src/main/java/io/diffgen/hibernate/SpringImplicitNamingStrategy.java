package io.diffgen.hibernate;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * Spring Boot's default implicit naming ({@code SpringImplicitNamingStrategy}), for a Spring Boot
 * model whose classpath does not carry Spring Boot itself: JPA's naming, except that a join table is
 * named {@code <owning table>_<attribute>} rather than {@code <owning entity>_<target entity>}.
 */
public final class SpringImplicitNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {
    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        String name = source.getOwningPhysicalTableName() + "_" + source.getAssociationOwningAttributePath().getProperty();
        return toIdentifier(name, source.getBuildingContext());
    }
}
