/**
 * A model whose only Bean Validation constraint is a composed one of its own, on a mapped superclass:
 * Hibernate still puts its NOT NULL into the DDL, compared with each Hibernate's own export in
 * {@code RealWorldModelsTest}.
 */
package io.diffgen.composedconstraint;
