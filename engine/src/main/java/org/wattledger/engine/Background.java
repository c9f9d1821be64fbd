package org.wattledger.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A step run on a thread of its own beside the calling thread: hashing a file while it is read,
 * and the few steps of a large report's calculation that need not wait for each other (on two
 * cores, the report's last, single-threaded second is shortened by what they overlap;
 * docs/benchmarks.md, "Issue 10: the hash in NSS, the report's tail on two cores"). What the step
 * throws is thrown by {@link #get}, as if it had run on the calling thread. A step writes only
 * what it owns, so the outcome is the same as one step after the other.
 */
public final class Background<T> {
    /** Fewer items than this are handled on the calling thread: a thread costs more than they do. */
    public static final int FROM_ITEMS = 1 << 16;

    private final FutureTask<T> task;

    private Background(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code step} on a daemon thread named {@code wattledger-NAME}. */
    public static <T> Background<T> start(String name, Callable<T> step) {
        FutureTask<T> task = new FutureTask<>(step);
        Thread thread = new Thread(task, "wattledger-" + name);
        thread.setDaemon(true);
        thread.start();
        return new Background<>(task);
    }

    /** The step's result, once it is done; an interrupt meanwhile is kept for the caller, as the result is still needed. */
    public T get() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
