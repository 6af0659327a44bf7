package io.diffgen;

import java.util.SplittableRandom;

/**
 * Seeded random trials with JUnit alone: a property runs once per seed, the seeds drawn from one base
 * ({@code -Ddiffgen.seed}, fixed unless given, so the suite is repeatable and {@code make soak}
 * explores new ones), the first few being the edge values. A failure names its seed.
 */
public final class Trials {
    /** The seed every trial's seed is drawn from. */
    public static final long BASE = Long.getLong("diffgen.seed", 20261207L);
    private static final long[] EDGES = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE};

    private Trials() {
    }

    /** One trial: its assertions, given its seed. */
    public interface Trial {
        void run(long seed) throws Exception;
    }

    /** {@code count} trials, or {@code -D<property>} where set (for {@code make soak}). */
    public static void run(String property, int count, Trial trial) {
        run(Integer.getInteger(property, count), trial);
    }

    public static void run(int count, Trial trial) {
        SplittableRandom seeds = new SplittableRandom(BASE);
        for (int i = 0; i < count; i++) {
            long seed = i < EDGES.length ? EDGES[i] : seeds.nextLong();
            try {
                trial.run(seed);
            } catch (Exception | AssertionError e) {
                throw new AssertionError("trial " + (i + 1) + " of " + count + ", seed " + seed + " (-Ddiffgen.seed=" + BASE + "): "
                        + e.getMessage(), e);
            }
        }
    }
}
