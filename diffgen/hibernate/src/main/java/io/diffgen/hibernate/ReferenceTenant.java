package io.diffgen.hibernate;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * The one tenant Hibernate's own sessions run as in {@link HibernateLine#validateAndUse} and
 * {@link HibernateLine#persistAndLoad}, for a model with {@code @TenantId}.
 */
public final class ReferenceTenant implements CurrentTenantIdentifierResolver<Object> {
    @Override
    public Object resolveCurrentTenantIdentifier() {
        return "diffgen";
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }
}
