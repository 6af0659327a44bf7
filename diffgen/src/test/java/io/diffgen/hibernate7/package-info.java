/**
 * A model of ordinary Hibernate 7 / Jakarta Persistence 3.2 mappings that put something in the DDL:
 * read only with Hibernate 7 (a Hibernate 6.6 classpath is refused), compared with Hibernate 7's own
 * schema export in {@code RealWorldModelsTest}.
 */
package io.diffgen.hibernate7;
