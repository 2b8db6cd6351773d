package org.smtpdoctor.cli;

import java.util.List;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.smtpdoctor.batch.BatchInput;

/**
 * The progress bar of a batch run on a terminal: records done, records per second, and (for plain files)
 * an estimate of the percentage and time left from the bytes read so far. Silent when the output is not
 * a terminal, so that logs and pipes stay clean.
 */
final class Progress implements LongConsumer, AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(boolean wanted, List<BatchInput> inputs) {
        if (!wanted || System.console() == null) {
            return new Progress(null);
        }
        // The total is unknown in records; -1 makes the bar an indeterminate counter with a rate.
        return new Progress(new ProgressBarBuilder().setTaskName("batch").setUnit(" records", 1)
                .setInitialMax(-1).setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(500)
                .build());
    }

    @Override
    public void accept(long records) {
        if (bar != null) {
            bar.stepTo(records);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
