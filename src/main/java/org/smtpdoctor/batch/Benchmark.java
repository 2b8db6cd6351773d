package org.smtpdoctor.batch;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.reply.ReplyParser;

/**
 * The measurements of {@code smtp-doctor bench}, each on the same file in the same JVM: the floor (reading
 * and splitting lines only), the batch run end to end (full or compact records rendered, written to a
 * counting sink), the same rules without cache or prefilter, and the latency of single {@code diagnose()}
 * and parse calls. {@link SisimaiBaseline} times the classifier they are compared with.
 */
public final class Benchmark {
    private Benchmark() {
    }

    /**
     * A throughput.
     *
     * @param lines   lines processed
     * @param seconds wall-clock time
     * @param bytes   bytes of output rendered (0 when none)
     */
    public record Throughput(long lines, double seconds, long bytes) {
        public double linesPerSecond() {
            return lines / seconds;
        }
    }

    /** Reads {@code file} and splits it into lines in the JVM, doing nothing else: the floor. */
    public static Throughput floor(Path file) throws IOException {
        long start = System.nanoTime();
        long lines = 0;
        try (InputStreamReader in = new InputStreamReader(BatchInput.of(file.toString(), null).open(), StandardCharsets.UTF_8)) {
            PlainSource source = new PlainSource(file.toString(), new LineReader(in));
            while (source.next() != null) {
                lines++;
            }
        }
        return new Throughput(lines, (System.nanoTime() - start) / 1e9, 0);
    }

    /** A full batch run over {@code file} (JSON Lines, English advice), its records counted and dropped. */
    public static Throughput batch(Diagnoser diagnoser, Path file, int workers) throws IOException {
        return batch(diagnoser, file, workers, RecordFields.every());
    }

    /** A batch run over {@code file} with records of {@code fields} (JSON Lines, English advice), counted and dropped. */
    public static Throughput batch(Diagnoser diagnoser, Path file, int workers, RecordFields fields)
            throws IOException {
        BatchRunner.Options defaults = BatchRunner.Options.defaults(Locale.ENGLISH);
        BatchRunner runner = new BatchRunner(diagnoser, new BatchRunner.Options(defaults.locale(), defaults.input(),
                defaults.fields(), defaults.output(), workers, fields));
        CountingSink sink = new CountingSink();
        long start = System.nanoTime();
        runner.run(List.of(BatchInput.of(file.toString(), null)), sink, done -> { });
        return new Throughput(runner.summary().records(), (System.nanoTime() - start) / 1e9, sink.bytes);
    }

    /** The first {@code lines} lines of {@code file}, as a new temporary file (for the slow baselines). */
    public static Path head(Path file, int lines) throws IOException {
        Path head = Files.createTempFile("smtp-doctor-bench-head", ".log");
        try (var all = Files.lines(file, StandardCharsets.UTF_8)) {
            Files.write(head, (Iterable<String>) all.limit(lines)::iterator, StandardCharsets.UTF_8);
        }
        return head;
    }

    /**
     * Nanoseconds of {@code calls} single calls ({@code diagnose}, {@code explain}) over {@code texts} in turn, after
     * as many warm-up calls, sorted (so percentiles are indexes).
     */
    public static long[] latencies(Consumer<String> call, List<String> texts, int calls) {
        for (int i = 0; i < calls; i++) {
            call.accept(texts.get(i % texts.size()));
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            String text = texts.get(i % texts.size());
            long start = System.nanoTime();
            call.accept(text);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /**
     * Nanoseconds of one {@link ReplyParser#parse} call on each of the first {@code calls} lines of {@code log}
     * (a generated log's lines are all distinct: each has its own time stamp, ids and numbers), one thread,
     * after a warm-up pass over the same lines; sorted.
     */
    public static long[] parseLatencies(Path log, int calls) throws IOException {
        List<String> lines;
        try (var all = Files.lines(log, StandardCharsets.UTF_8)) {
            lines = all.limit(calls).toList();
        }
        ReplyParser parser = new ReplyParser();
        for (int round = 0; round < 3; round++) {
            lines.forEach(parser::parse);
        }
        long[] nanos = new long[lines.size()];
        for (int i = 0; i < nanos.length; i++) {
            String line = lines.get(i);
            long start = System.nanoTime();
            parser.parse(line);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /** The {@code p}-th percentile (0-100) of sorted values. */
    public static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    /**
     * The peak resident memory in bytes of the process {@code pid} so far (VmHWM in its /proc status), or -1 where
     * there is none (not Linux, or the process has ended).
     */
    public static long peakResidentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Counts what it is given and keeps nothing. */
    private static final class CountingSink extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
