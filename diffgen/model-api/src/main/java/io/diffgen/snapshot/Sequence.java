package io.diffgen.snapshot;

/** A free-standing sequence (not one owned by an identity or serial column). */
public record Sequence(String name, long start, long increment) {
}
