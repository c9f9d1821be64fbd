package org.wattledger.app;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.wattledger.importers.ImportProgress;

/**
 * A progress bar on standard error while an import runs, in MiB of input read; silent when
 * standard error is not a terminal (a pipe, a file, CI), so logs and scripts see nothing of it.
 */
final class TerminalProgress implements ImportProgress, AutoCloseable {
    private static final long MIB = 1024 * 1024;
    private static final long SHOW_FROM_BYTES = 8 * MIB;
    private final String task;
    private ProgressBar bar;

    private TerminalProgress(String task) {
        this.task = task;
    }

    static TerminalProgress start(String task) {
        return new TerminalProgress(task);
    }

    private static boolean onTerminal() {
        return System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public void update(long done, long total, long rowsRead) {
        if (bar == null) {
            if (total < SHOW_FROM_BYTES || !onTerminal()) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total / MIB)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" MiB", 1).setConsumer(
                            new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                    .build();
        }
        bar.stepTo(done / MIB);
        bar.setExtraMessage(rowsRead + " rows");
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
