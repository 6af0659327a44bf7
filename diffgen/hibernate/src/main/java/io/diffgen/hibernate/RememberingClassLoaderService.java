package io.diffgen.hibernate;

import org.hibernate.boot.registry.classloading.internal.ClassLoaderServiceImpl;
import org.hibernate.boot.registry.classloading.internal.TcclLookupPrecedence;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hibernate's class loader service over the model's class loader, as {@code applyClassLoader} builds
 * it, which answers a name it already looked for in vain without searching again: Hibernate's binders
 * ask for the {@code package-info} of each entity's package several times per entity, and each miss
 * searches every class loader it aggregates (diffgen's own classpath among them).
 */
final class RememberingClassLoaderService extends ClassLoaderServiceImpl {
    private final Map<String, ClassLoadingException> missing = new ConcurrentHashMap<>();

    RememberingClassLoaderService(ClassLoader loader) {
        super(List.of(loader), TcclLookupPrecedence.AFTER);
    }

    @Override
    public <T> Class<T> classForName(String className) {
        ClassLoadingException first = missing.get(className);
        if (first != null) {
            throw new KnownMissing(className, first);
        }
        try {
            return super.classForName(className);
        } catch (ClassLoadingException e) {
            missing.putIfAbsent(className, e);
            throw e;
        }
    }

    /**
     * A repeated miss, which Hibernate catches: it carries no stack trace, whose capture through Hibernate's
     * deep binder stacks cost more than the search it saves; its cause is the first miss, with its own.
     */
    private static final class KnownMissing extends ClassLoadingException {
        KnownMissing(String className, ClassLoadingException first) {
            super("Unable to load class [" + className + "]", first);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
