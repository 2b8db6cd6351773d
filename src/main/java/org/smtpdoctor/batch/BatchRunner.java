package org.smtpdoctor.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.smtpdoctor.engine.Diagnoser;

/**
 * Diagnoses logs and writes one record per input record, in input order: blank, garbage, undecodable
 * (bytes that are not UTF-8 become U+FFFD), overlong and malformed lines included.
 *
 * <p>A pipeline with bounded memory: this thread reads records into chunks (at most
 * {@link #CHUNK_RECORDS} records or {@link #CHUNK_CHARS} characters), worker threads (one per core)
 * diagnose and render each chunk, and a writer thread writes the chunks in the order they were read.
 * At most {@code 2 * workers + 2} chunks are in flight, so a 10-million-line log needs no more memory
 * than a small one.
 */
public final class BatchRunner {
    static final int CHUNK_RECORDS = 1024;
    static final int CHUNK_CHARS = 2 << 20;

    private final Options options;
    private final BatchRecords records;
    private final BatchSummary summary = new BatchSummary();
    private final AtomicLong bytesRead = new AtomicLong();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    /**
     * How a run reads, diagnoses and writes (serializable: a Spark job ships it to its tasks).
     *
     * @param locale   the language of the advice
     * @param input    the input format
     * @param fields   where the error text is, and which fields to keep
     * @param output   the output format
     * @param workers  threads that diagnose (at least 1)
     * @param records  which fields the records hold
     */
    public record Options(Locale locale, InputFormat input, InputFormat.Fields fields, OutputFormat output,
                          int workers, RecordFields records) implements Serializable {

        /** Options for records with every field (the documented default records). */
        public Options(Locale locale, InputFormat input, InputFormat.Fields fields, OutputFormat output,
                       int workers) {
            this(locale, input, fields, output, workers, RecordFields.every());
        }

        /** Plain text in, JSON Lines out, one worker per core. */
        public static Options defaults(Locale locale) {
            return new Options(locale, InputFormat.PLAIN, new InputFormat.Fields(null, null, List.of()),
                    OutputFormat.JSONL, Runtime.getRuntime().availableProcessors());
        }
    }

    public BatchRunner(Diagnoser diagnoser, Options options) {
        this.options = options;
        this.records = new BatchRecords(diagnoser, options);
    }

    /**
     * Reads every input to its end and writes their records to {@code out}, in input order.
     *
     * @param progress told the number of records written after each chunk (for a progress bar)
     * @throws IOException when an input cannot be read or the output cannot be written (the message says which)
     */
    public void run(List<BatchInput> inputs, OutputStream out, LongConsumer progress) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, options.workers()), daemon("batch-worker"));
        BlockingQueue<Future<Chunk>> inFlight = new ArrayBlockingQueue<>(2 * Math.max(1, options.workers()) + 2);
        ExecutorService writing = Executors.newSingleThreadExecutor(daemon("batch-writer"));
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(inFlight, out, progress), writing);
        try {
            out.write(records.header());
            for (BatchInput input : inputs) {
                read(input, workers, inFlight, writer);
            }
            put(inFlight, CompletableFuture.completedFuture(Chunk.END), writer);
            writer.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof OutputFailure failure ? (IOException) failure.getCause() : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            workers.shutdownNow();
            writing.shutdownNow();
        }
    }

    private void read(BatchInput input, ExecutorService workers, BlockingQueue<Future<Chunk>> inFlight,
                      CompletableFuture<Void> writer) throws IOException, InterruptedException, ExecutionException {
        try (BatchRecords.Chunks chunks = records.read(input.name(), input.open(bytesRead), 0)) {
            while (!chunks.ended()) {
                List<LogEntry> chunk = chunks.next();
                long otherLines = chunks.ended() ? chunks.otherLines() : 0;
                put(inFlight, workers.submit(() -> process(chunk, otherLines)), writer);
            }
            String shrinkage = input.shrinkage();
            if (shrinkage != null) {
                warnings.add(shrinkage);
            }
        } catch (IOException e) {
            throw new IOException("cannot read input " + input.name() + ": " + e.getMessage(), e);
        }
    }

    /** Queues a chunk; when the writer has failed, stops reading with its error. */
    private static void put(BlockingQueue<Future<Chunk>> inFlight, Future<Chunk> chunk, CompletableFuture<Void> writer)
            throws InterruptedException, ExecutionException {
        while (!inFlight.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            if (writer.isDone()) {
                writer.get();
                throw new IllegalStateException("the writer stopped before the end of input");
            }
        }
    }

    /** A worker's job: diagnose and render one chunk. */
    private Chunk process(List<LogEntry> entries, long otherLines) throws IOException {
        BatchSummary counts = new BatchSummary();
        counts.countOtherLines(otherLines);
        return new Chunk(records.render(entries, counts), counts);
    }

    private void write(BlockingQueue<Future<Chunk>> inFlight, OutputStream out, LongConsumer progress) {
        try {
            while (true) {
                Chunk chunk = inFlight.take().get();
                if (chunk == Chunk.END) {
                    out.flush();
                    return;
                }
                try {
                    out.write(chunk.bytes());
                } catch (IOException e) {
                    throw new OutputFailure(outputFailure(e));
                }
                summary.add(chunk.counts());
                progress.accept(summary.records());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch worker failed: " + e.getCause(), e.getCause());
        } catch (IOException e) {
            throw new OutputFailure(outputFailure(e));
        }
    }

    /** The error of a failed write: as it is when the output names itself ("cannot write FILE: …"). */
    private static IOException outputFailure(IOException e) {
        return e.getMessage() != null && e.getMessage().startsWith("cannot write ") ? e
                : new IOException("cannot write the output: " + e.getMessage(), e);
    }

    /** Bytes read from the input files so far (compressed bytes for .gz), for a progress estimate. */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** What went wrong without costing a record (an input that shrank while it was read), for standard error. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The advice that compact records left out, once per category (empty unless the records are compact). */
    public AdviceDictionary dictionary() {
        return records.dictionary();
    }

    /** The counts so far, over every input run through this runner. */
    public BatchSummary summary() {
        return summary;
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A chunk's rendered records and counts. */
    private record Chunk(byte[] bytes, BatchSummary counts) {
        static final Chunk END = new Chunk(new byte[0], new BatchSummary());
    }

    /** An output error on the writer thread, carried to the caller as the IOException it is. */
    private static final class OutputFailure extends RuntimeException {
        OutputFailure(IOException cause) {
            super(cause);
        }
    }
}
