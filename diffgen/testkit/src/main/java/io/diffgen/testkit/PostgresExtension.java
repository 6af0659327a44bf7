package io.diffgen.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class its own fresh database on the JVM's shared embedded PostgreSQL.
 * Declare a {@link TestDatabase} parameter on a test method, constructor or {@code @BeforeAll}.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) throws ParameterResolutionException {
        return database(context);
    }

    /** Created in the class's store by beforeAll; method contexts find it through their parent. */
    private static TestDatabase database(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return context.getStore(NS).getOrComputeIfAbsent(testClass,
                c -> new Holder(PostgresServer.createDatabase(testClass.getSimpleName())), Holder.class).db;
    }

    /** Drops the class's database when its store closes. */
    private record Holder(TestDatabase db) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            PostgresServer.dropDatabase(db);
        }
    }
}
