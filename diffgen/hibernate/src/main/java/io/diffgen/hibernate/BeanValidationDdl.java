package io.diffgen.hibernate;

import jakarta.validation.Constraint;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.beanvalidation.BeanValidationIntegrator;
import org.hibernate.boot.beanvalidation.ValidationMode;
import org.hibernate.boot.internal.ClassLoaderAccessImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import org.hibernate.boot.spi.ClassLoaderAccess;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.PersistentClass;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bean Validation constraints in the DDL, as Hibernate's own {@code BeanValidationIntegrator} puts
 * them there when the application's SessionFactory starts: {@code @NotNull} (and {@code @NotEmpty},
 * {@code @NotBlank}) as NOT NULL, {@code @Size(max)} as the length, {@code @Min}/{@code @Max} as
 * CHECKs, {@code @Digits} as precision and scale. Hibernate's own code applies them
 * ({@code TypeSafeActivator}), on the boot model diffgen reads, honouring
 * {@code jakarta.persistence.validation.mode} and {@code hibernate.validator.apply_to_ddl}.
 */
final class BeanValidationDdl {
    /**
     * {@code TypeSafeActivator.applyRelationalConstraints}: the class is package-private, and Hibernate
     * itself reaches it by reflection from {@code BeanValidationIntegrator}.
     */
    private static final Method APPLY = applyMethod();

    private static Method applyMethod() {
        try {
            Method method = Class.forName("org.hibernate.boot.beanvalidation.TypeSafeActivator").getMethod("applyRelationalConstraints",
                    ValidatorFactory.class, Collection.class, Map.class, Dialect.class, ClassLoaderAccess.class);
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Hibernate has no TypeSafeActivator.applyRelationalConstraints", e);
        }
    }
    private BeanValidationDdl() {
    }

    /** Hibernate Validator on the model's classes, with a message interpolator that needs no expression language. */
    static ValidatorFactory validatorFactory(ClassLoader loader) {
        return Validation.byProvider(HibernateValidator.class).configure()
                .externalClassLoader(loader)
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
    }

    /**
     * Whether an entity can have a constrained property at all. Hibernate applies only the constraints
     * of the properties Hibernate Validator reports as constrained, and those come from an annotation
     * on the entity's class, a superclass or an interface, or from {@code META-INF/validation.xml}. With
     * none of them, building the validator's metadata for every entity changes nothing. An annotation
     * counts when it is Bean Validation's or Hibernate Validator's own, or is itself a constraint
     * ({@code @Constraint}, as a composed one is); anything this cannot read counts too.
     */
    static boolean anyConstraintIn(Metadata metadata, ClassLoader loader) {
        if (loader.getResource("META-INF/validation.xml") != null) {
            return true;
        }
        Set<Class<?>> seen = new HashSet<>();
        try {
            for (PersistentClass entity : metadata.getEntityBindings()) {
                String name = entity.getClassName();
                if (name != null && !name.isEmpty() && constrained(Class.forName(name, false, loader), seen)) {
                    return true;
                }
            }
            return false;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return true;
        }
    }

    private static boolean constrained(Class<?> type, Set<Class<?>> seen) {
        if (type == null || type == Object.class || !seen.add(type)) {
            return false;
        }
        if (constraints(type.getDeclaredAnnotations())) {
            return true;
        }
        for (Field field : type.getDeclaredFields()) {
            if (constraints(field.getDeclaredAnnotations())) {
                return true;
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (constraints(method.getDeclaredAnnotations())) {
                return true;
            }
        }
        for (Class<?> contract : type.getInterfaces()) {
            if (constrained(contract, seen)) {
                return true;
            }
        }
        return constrained(type.getSuperclass(), seen);
    }

    private static boolean constraints(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            Class<? extends Annotation> kind = annotation.annotationType();
            String name = kind.getName();
            if (name.startsWith("jakarta.validation.") || name.startsWith("javax.validation.") || name.startsWith("org.hibernate.validator.")
                    || kind.isAnnotationPresent(Constraint.class)) {
                return true;
            }
        }
        return false;
    }

    static void apply(Metadata metadata, StandardServiceRegistry registry, ClassLoader loader, Map<String, String> settings) {
        Set<ValidationMode> modes = ValidationMode.getModes(settings.getOrDefault(BeanValidationIntegrator.JAKARTA_MODE_PROPERTY,
                settings.get(BeanValidationIntegrator.MODE_PROPERTY)));
        boolean wanted = modes.contains(ValidationMode.DDL) || modes.contains(ValidationMode.AUTO);
        if (!wanted || !Boolean.parseBoolean(settings.getOrDefault(BeanValidationIntegrator.APPLY_CONSTRAINTS, "true"))) {
            return;
        }
        if (!anyConstraintIn(metadata, loader)) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try (ValidatorFactory factory = validatorFactory(loader)) {
            Map<String, Object> values = new HashMap<>(settings);
            APPLY.invoke(null, factory, metadata.getEntityBindings(), values,
                    registry.getService(JdbcEnvironment.class).getDialect(),
                    new ClassLoaderAccessImpl(loader, registry.getService(ClassLoaderService.class)));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
