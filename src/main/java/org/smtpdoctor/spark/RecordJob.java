package org.smtpdoctor.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.smtpdoctor.batch.BatchRecords;
import org.smtpdoctor.batch.BatchRunner;
import org.smtpdoctor.batch.BatchSummary;

/**
 * The records of a Spark job: each task reads its {@link InputPiece} and has batch's own
 * {@link BatchRecords} read, diagnose and render it, so a record is byte for byte the JSON line
 * {@code batch} writes for that line. The rule set goes to the executors once, as a broadcast.
 */
final class RecordJob {
    private final SparkSession spark;
    private final Broadcast<RuleBundle> rules;
    private final BatchRunner.Options options;
    private final SummaryAccumulator summary = new SummaryAccumulator();

    RecordJob(SparkSession spark, RuleBundle rules, BatchRunner.Options options) {
        this.spark = spark;
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.rules = jsc.broadcast(rules);
        this.options = options;
        spark.sparkContext().register(summary, "smtp-doctor summary");
    }

    /** The table of {@link #records}: one string column, {@code value}. */
    static final StructType TEXT = DataTypes.createStructType(List.of(DataTypes.createStructField("value", DataTypes.StringType, false)));

    /**
     * One JSON record a row ({@link #TEXT}), pieces in input order; computed by the action that writes them.
     * The rows hold the rendered UTF-8 bytes as they are (no String made and encoded again per record).
     */
    Dataset<Row> records(List<InputPiece> pieces) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
        Broadcast<RuleBundle> shipped = rules;
        BatchRunner.Options how = options;
        SummaryAccumulator counts = summary;
        JavaRDD<InternalRow> lines = jsc.parallelize(pieces, Math.max(1, pieces.size()))
                .mapPartitions(assigned -> new Records(assigned, shipped.value().records(how), conf.value(), counts));
        return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(lines.rdd(), TEXT, false);
    }

    /** The summary of the records written so far (complete once the writing action has run). */
    BatchSummary summary() {
        return summary.value();
    }

    /** A task's records: its pieces, chunk by chunk, so memory stays bounded. */
    private static final class Records implements Iterator<InternalRow> {
        private final Iterator<InputPiece> pieces;
        private final BatchRecords maker;
        private final SerializableConfiguration conf;
        private final SummaryAccumulator counts;
        private final ArrayDeque<InternalRow> ready = new ArrayDeque<>();
        private BatchRecords.Chunks current;

        Records(Iterator<InputPiece> pieces, BatchRecords maker, SerializableConfiguration conf, SummaryAccumulator counts) {
            this.pieces = pieces;
            this.maker = maker;
            this.conf = conf;
            this.counts = counts;
        }

        @Override
        public boolean hasNext() {
            try {
                while (ready.isEmpty()) {
                    if (current == null) {
                        if (!pieces.hasNext()) {
                            return false;
                        }
                        InputPiece piece = pieces.next();
                        InputPiece.Opened opened = Inputs.open(piece, conf.value());
                        current = maker.read(piece.name(), opened.in(), opened.linesBefore());
                    }
                    BatchSummary chunkCounts = new BatchSummary();
                    byte[] chunk = current.next(chunkCounts);
                    counts.add(chunkCounts);
                    if (chunk == null) {
                        current.close();
                        current = null;
                    } else {
                        split(chunk);
                    }
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read input: " + e.getMessage(), e);
            }
        }

        /** JSON Lines bytes into records (a raw '\n' occurs only between records: JSON escapes it in strings). */
        private void split(byte[] chunk) {
            int start = 0;
            for (int i = 0; i < chunk.length; i++) {
                if (chunk[i] == '\n') {
                    ready.add(new GenericInternalRow(new Object[] {UTF8String.fromBytes(chunk, start, i - start)}));
                    start = i + 1;
                }
            }
        }

        @Override
        public InternalRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }
    }
}
