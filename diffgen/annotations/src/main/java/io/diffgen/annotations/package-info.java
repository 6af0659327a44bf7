/**
 * Annotations an entity model may use to tell diffgen what JPA cannot express. This package has no
 * dependencies, so a model can depend on it without depending on diffgen's engine.
 */
package io.diffgen.annotations;
