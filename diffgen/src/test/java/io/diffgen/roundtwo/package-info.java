/**
 * Minimal entities of the defects found on public models in the second real-world round (issue 28),
 * compared with each Hibernate's own export in {@code RealWorldModelsTest}.
 */
package io.diffgen.roundtwo;
