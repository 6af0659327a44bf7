package io.diffgen.hibernate;

import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.internal.TcclLookupPrecedence;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hibernate's class loader service over the model's class loader, as {@code applyClassLoader} builds
 * it, which answers a name it already looked for in vain without searching again: Hibernate's binders
 * ask for the {@code package-info} of each entity's package several times per entity, and each miss
 * searches every class loader it aggregates (diffgen's own classpath among them).
 */
final class RememberingClassLoaderService extends ClassLoaderServiceImpl {
    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    RememberingClassLoaderService(ClassLoader loader) {
        super(List.of(loader), TcclLookupPrecedence.AFTER);
    }

    @Override
    public <T> Class<T> classForName(String className) {
        if (missing.contains(className)) {
            throw new KnownMissing(className);
        }
        try {
            return super.classForName(className);
        } catch (ClassLoadingException e) {
            missing.add(className);
            throw e;
        }
    }

    /**
     * A repeated miss, which Hibernate catches: it carries no stack trace, whose capture through Hibernate's
     * deep binder stacks cost more than the search it saves (the first miss keeps its own).
     */
    private static final class KnownMissing extends ClassLoadingException {
        KnownMissing(String className) {
            super("Unable to load class [" + className + "]");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
