package io.diffgen.command;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Where the time of one command goes, for --timing. Phases may be timed on several threads. */
public final class Timing {
    private record Phase(String name, double seconds, String detail) {
    }

    private final List<Phase> phases = new ArrayList<>();
    private final long created = System.nanoTime();

    public <T> T time(String name, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        add(new Phase(name, (System.nanoTime() - start) / 1e9, ""));
        return result;
    }

    private synchronized void add(Phase phase) {
        phases.add(phase);
    }

    /** Adds a detail, such as a query count, to the last phase of that name. */
    public synchronized void detail(String name, String detail) {
        for (int i = phases.size() - 1; i >= 0; i--) {
            if (phases.get(i).name().equals(name)) {
                Phase p = phases.get(i);
                phases.set(i, new Phase(p.name(), p.seconds(), p.detail().isEmpty() ? detail : p.detail() + ", " + detail));
                return;
            }
        }
    }

    /** {@code timing: jvm 0.31s, model 0.80s (cache hit), catalog 0.05s (5 queries), ..., total 1.40s} */
    public synchronized String summary() {
        double jvm = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0
                - (System.nanoTime() - created) / 1e9;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "timing: jvm %.2fs", Math.max(0, jvm)));
        for (Phase p : phases) {
            s.append(String.format(Locale.ROOT, ", %s %.2fs", p.name(), p.seconds()));
            if (!p.detail().isEmpty()) {
                s.append(" (").append(p.detail()).append(')');
            }
        }
        double total = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
        return s.append(String.format(Locale.ROOT, ", total %.2fs", total)).toString();
    }
}
