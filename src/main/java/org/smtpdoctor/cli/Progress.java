package org.smtpdoctor.cli;

import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.smtpdoctor.batch.BatchInput;

/**
 * The progress bar of a batch run on a terminal: records done, records per second, and (for files) the
 * percentage and time left, estimated from the bytes read so far. Silent when the output is not a
 * terminal, so that logs and pipes stay clean.
 */
final class Progress implements LongConsumer, AutoCloseable {
    private final ProgressBar bar;
    private final LongSupplier bytesRead;
    private final long started = System.nanoTime();

    private Progress(ProgressBar bar, LongSupplier bytesRead) {
        this.bar = bar;
        this.bytesRead = bytesRead;
    }

    /**
     * A progress bar over {@code inputs}, or a silent one when not {@code wanted} or not on a terminal.
     *
     * @param bytesRead how many bytes of the inputs have been read so far
     */
    static Progress start(boolean wanted, List<BatchInput> inputs, LongSupplier bytesRead) {
        if (!wanted || System.console() == null) {
            return new Progress(null, bytesRead);
        }
        long total = inputs.stream().mapToLong(BatchInput::size).anyMatch(size -> size < 0) ? -1
                : inputs.stream().mapToLong(BatchInput::size).sum();
        // With every size known the bar runs over KiB read (percentage, time left); else it only counts.
        ProgressBar bar = new ProgressBarBuilder().setTaskName("batch").setUnit(" KiB", 1)
                .setInitialMax(total < 0 ? -1 : Math.max(total >> 10, 1)).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).build();
        return new Progress(bar, bytesRead);
    }

    @Override
    public void accept(long records) {
        if (bar != null) {
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
            bar.stepTo(bytesRead.getAsLong() >> 10);
            bar.setExtraMessage(String.format(" %,d records, %,.0f records/s", records, records / seconds));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
