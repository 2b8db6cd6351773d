package org.smtpdoctor.spark;

import org.apache.spark.util.AccumulatorV2;
import org.smtpdoctor.batch.BatchSummary;

/**
 * Batch's summary added up over the tasks of a job. The tasks add to it inside the job that writes the
 * records (a single stage, no shuffle), where Spark merges each partition's updates once, also when a
 * task is retried or run speculatively.
 */
final class SummaryAccumulator extends AccumulatorV2<BatchSummary, BatchSummary> {
    private static final long serialVersionUID = 1L;
    private BatchSummary summary = new BatchSummary();

    @Override
    public boolean isZero() {
        return summary.records() == 0 && summary.otherLines() == 0;
    }

    @Override
    public AccumulatorV2<BatchSummary, BatchSummary> copy() {
        SummaryAccumulator copy = new SummaryAccumulator();
        copy.summary.add(summary);
        return copy;
    }

    @Override
    public void reset() {
        summary = new BatchSummary();
    }

    @Override
    public void add(BatchSummary counts) {
        summary.add(counts);
    }

    @Override
    public void merge(AccumulatorV2<BatchSummary, BatchSummary> other) {
        summary.add(other.value());
    }

    @Override
    public BatchSummary value() {
        return summary;
    }
}
