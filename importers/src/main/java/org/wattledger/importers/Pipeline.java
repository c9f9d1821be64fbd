package org.wattledger.importers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Reads a sheet on one thread and converts its rows on another. Inflating and parsing the XML
 * (or CSV) of one sheet is sequential, and so is converting its rows, but the two can overlap:
 * on two cores a million-row sheet is read in about the time of the slower half instead of the
 * sum. Rows travel in batches through a bounded queue (at most {@value #BATCHES} batches of
 * {@value #BATCH} rows in flight, recycled), so memory stays bounded. The sink runs on the calling
 * thread; an exception on either side ends both and is rethrown here. The reader thread's death,
 * whatever killed it (an OutOfMemoryError included), always reaches this thread: the failure is
 * recorded without allocating, and the waiting side polls it and the thread's liveness, so it can
 * never wait for a batch that will not come.
 */
final class Pipeline {
    static final int BATCH = 2048;
    /**
     * Enough for the reader to run ahead while the converting side's code is still interpreted or
     * being compiled, at the start of a large sheet (with 4, the reader waited a tenth of a second
     * for a free batch; docs/benchmarks.md, "Issue 10: a static class-data archive and the sheet's
     * usual tags").
     */
    static final int BATCHES = 16;
    private static final long POLL_MILLIS = 50;

    private Pipeline() {
    }

    private static final class Batch {
        /** Made as first needed, then reused: a sheet of a few rows does not pay for {@value #BATCH} of them. */
        final CellRow[] rows = new CellRow[BATCH];
        int size;
        List<RowSink.Merge> merges;
        boolean last;

        /** The row kept next: filled in place by a producer that asks for it ({@link RowSink#rowToFill}). */
        CellRow next() {
            if (rows[size] == null) {
                rows[size] = new CellRow();
            }
            return rows[size];
        }

        void add(CellRow row) {
            CellRow kept = next();
            if (row != kept) {
                kept.copyFrom(row);
            }
            size++;
        }
    }

    /** Runs {@code producer} (which streams rows into the sink it is given) on a worker thread, feeding {@code sink} here. */
    static void run(Consumer<RowSink> producer, RowSink sink) {
        BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
        BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES + 1);
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch());
        }
        Object[] stop = {null};
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            Batch[] current = {take(free, stop)};
            try {
                producer.accept(new RowSink() {
                    @Override
                    public CellRow rowToFill(CellRow own) {
                        Batch b = current[0];
                        return b == null ? own : b.next();
                    }

                    @Override
                    public boolean row(CellRow row) {
                        Batch b = current[0];
                        if (b == null) {
                            return false;
                        }
                        b.add(row);
                        if (b.size == BATCH) {
                            put(full, b);
                            current[0] = take(free, stop);
                            return current[0] != null;
                        }
                        return true;
                    }

                    @Override
                    public void end(List<Merge> merges) {
                        Batch b = current[0];
                        if (b != null) {
                            b.merges = new ArrayList<>(merges);
                            b.last = true;
                            put(full, b);
                            current[0] = null;
                        }
                    }
                });
                if (current[0] != null) {
                    // the producer stopped without end(): deliver what there is
                    current[0].last = true;
                    current[0].merges = List.of();
                    put(full, current[0]);
                }
            } catch (Throwable t) {
                failure.set(t); // no allocation here: after an OutOfMemoryError a new Batch could fail again
            }
        }, "wattledger-sheet-reader");
        worker.setDaemon(true);
        worker.start();
        boolean wantMore = true;
        try {
            while (true) {
                Batch b;
                try {
                    b = full.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InputRejected("reading was interrupted");
                }
                Throwable failed = failure.get();
                if (failed != null) {
                    rethrow(failed);
                }
                if (b == null) {
                    if (!worker.isAlive() && full.isEmpty() && failure.get() == null) {
                        throw new IllegalStateException("the sheet reader thread ended without a result");
                    }
                    continue;
                }
                for (int i = 0; i < b.size && wantMore; i++) {
                    wantMore = sink.row(b.rows[i]);
                }
                b.size = 0;
                if (b.last) {
                    sink.end(b.merges == null ? List.of() : b.merges);
                    break;
                }
                if (!wantMore) {
                    stop[0] = Boolean.TRUE;
                    sink.end(List.of());
                    break;
                }
                free.add(b);
            }
        } catch (RuntimeException | Error e) {
            stop[0] = Boolean.TRUE;
            free.clear();
            free.add(new Batch());
            throw e;
        } finally {
            stop[0] = Boolean.TRUE;
            free.offer(new Batch());
            try {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Batch take(BlockingQueue<Batch> free, Object[] stop) {
        while (stop[0] == null) {
            try {
                Batch b = free.poll(100, TimeUnit.MILLISECONDS);
                if (b != null) {
                    return stop[0] == null ? b : null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static void put(BlockingQueue<Batch> full, Batch b) {
        try {
            full.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
