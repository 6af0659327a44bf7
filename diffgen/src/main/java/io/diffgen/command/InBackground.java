package io.diffgen.command;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/** Work started on a daemon thread of its own, whose result or failure the starting thread takes when it needs it. */
final class InBackground<T> {
    private final FutureTask<T> task;

    private InBackground(Supplier<T> work) {
        this.task = new FutureTask<>(work::get);
    }

    static <T> InBackground<T> start(String name, Supplier<T> work) {
        InBackground<T> background = new InBackground<>(work);
        Thread thread = new Thread(background.task, name);
        thread.setDaemon(true);
        thread.start();
        return background;
    }

    /** The result, once the work is done; its failure is thrown as the work threw it. */
    T get() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + task, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The work's own failure, once it is done, else {@code other}: what went wrong first in order comes first. */
    RuntimeException failureOr(RuntimeException other) {
        try {
            get();
            return other;
        } catch (RuntimeException failure) {
            return failure;
        }
    }
}
