package io.diffgen.snapshot;

/** A CHECK constraint; {@code expression} is the text inside {@code CHECK (...)} as PostgreSQL prints it. */
public record CheckConstraint(String name, String expression) {
}
