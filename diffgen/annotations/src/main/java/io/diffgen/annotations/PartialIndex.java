package io.diffgen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index with a {@code WHERE} clause, which {@code jakarta.persistence.Index} cannot express.
 * Put it on the entity class; diffgen reads it next to the table's JPA indexes.
 *
 * <pre>{@code @PartialIndex(name = "ix_notifications_user_unread", columnList = "user_id, is_read", where = "is_read = false")}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(PartialIndex.List.class)
public @interface PartialIndex {
    /** The index name; required, because reviewers refer to it. */
    String name();

    /** Column names as in {@code @Index#columnList}: comma-separated, each optionally followed by ASC or DESC. */
    String columnList();

    /** The predicate, in SQL, using column names. */
    String where();

    /** Whether the index is UNIQUE. */
    boolean unique() default false;

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        PartialIndex[] value();
    }
}
