package io.diffgen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a column (on a field) or a table (on an entity class) used to have another name,
 * so autogenerate emits {@code ALTER ... RENAME} and keeps the data instead of a drop and an add.
 * It may stay in place after the migration ran: when the old name no longer exists it is ignored.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface RenamedFrom {
    /** The previous column or table name, as it stands in the database. */
    String value();
}
