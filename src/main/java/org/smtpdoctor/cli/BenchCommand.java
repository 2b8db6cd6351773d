package org.smtpdoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.smtpdoctor.batch.Benchmark;
import org.smtpdoctor.batch.LogGenerator;
import org.smtpdoctor.batch.RecordFields;
import org.smtpdoctor.batch.SisimaiBaseline;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.samples.SampleCase;
import org.smtpdoctor.samples.SampleLoader;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smtp-doctor bench}: generates a realistic log from the sample replies, and one whose every line has a
 * template of its own, and measures, on those files in this run, the floor (read and split lines),
 * {@code batch} end to end with full and with compact records (warm, in this JVM, and as the command runs in a
 * new one), Sisimai on the same lines where it is installed, the latency of single diagnoses and parses, then the
 * same rules evaluated naively (last: its compiled programs would crowd the heap of any measurement after it), and
 * the peak memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        // One string: picocli prints each array element as a line of its own, and wraps a string itself.
        description = "Measures batch throughput (full and compact records) against the floor (reading lines),"
                + " Sisimai's Reason->match when installed, and the naive evaluation (every wording by RE2/J one"
                + " at a time, Drools on every line) on a generated log and on one of distinct lines; diagnose() and parse latency"
                + " and peak memory.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    private EngineOptions engine;

    @Option(names = "--lines", paramLabel = "N", defaultValue = "1000000",
            description = "Lines of the generated log (default: ${DEFAULT-VALUE}).")
    private long lines;

    @Option(names = "--distinct-lines", paramLabel = "N", defaultValue = "100000",
            description = "Lines of the generated log whose every line has a template of its own (default: ${DEFAULT-VALUE}).")
    private long distinctLines;

    @Option(names = "--memory-lines", paramLabel = "N", defaultValue = "10000000",
            description = "Lines of a longer generated log that the command in a new JVM runs over for its peak"
                    + " resident memory; 0 skips it (default: ${DEFAULT-VALUE}).")
    private long memoryLines;

    @Option(names = "--naive-lines", paramLabel = "N", defaultValue = "20000",
            description = "Lines (the log's first) for the slow baselines (default: ${DEFAULT-VALUE}).")
    private int naiveLines;

    @Option(names = "--latency-calls", paramLabel = "N", defaultValue = "20000",
            description = "Timed diagnose() calls, after as many warm-up calls; as many parse calls, on as many of"
                    + " the log's lines (default: ${DEFAULT-VALUE}).")
    private int latencyCalls;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "${sys:smtpdoctor.samples:-samples}",
            description = "The sample cases the log's wordings come from (default: ${DEFAULT-VALUE}).")
    private Path samples;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated log (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--keep-log", paramLabel = "FILE",
            description = "Write the generated log to FILE and keep it (to time other runs on it).")
    private Path keepLog;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        Diagnoser diagnoser = engine.diagnoser();
        List<String> wordings = wordings();
        LogGenerator generator = new LogGenerator(wordings, seed);
        Path log = keepLog != null ? keepLog : Files.createTempFile("smtp-doctor-bench", ".log");
        Path distinct = Files.createTempFile("smtp-doctor-bench-distinct", ".log");
        Path head = null;
        Path naiveWarmUp = null;
        try {
            generator.write(log, lines);
            new LogGenerator(wordings, seed, true).write(distinct, distinctLines);
            head = Benchmark.head(log, naiveLines);
            naiveWarmUp = Benchmark.head(head, Math.min(naiveLines, 2000));
            out.printf("bench: %,d lines (%,d MB) from %d wordings plus 5%% unknown; %d cores; %s%n", lines,
                    Files.size(log) >> 20, generator.wordings(), cores, log);
            out.printf("distinct log: %,d lines, the same wordings, each line with words of its own (a template of its own)%n",
                    distinctLines);
            out.flush();

            Benchmark.floor(log); // warm-up
            Benchmark.Throughput floor = Benchmark.floor(log);
            // Warm: every measured run once before it is measured, so that the JIT has compiled the rules' and the
            // records' code and the rules' memo holds the logs' combinations of facts. A warm-up over the log's first
            // 50,000 lines was not enough: the full records, measured first, ran at about half their warm rate.
            for (Path file : List.of(log, distinct)) {
                Benchmark.batch(diagnoser, file, cores);
                Benchmark.batch(diagnoser, file, cores, RecordFields.compactRecords());
            }
            Row full = new Row(Benchmark.batch(diagnoser, log, cores), Benchmark.batch(diagnoser, distinct, cores));
            Row compact = new Row(Benchmark.batch(diagnoser, log, cores, RecordFields.compactRecords()),
                    Benchmark.batch(diagnoser, distinct, cores, RecordFields.compactRecords()));
            NewJvmBatch.Run command = NewJvmBatch.run(log, full.repetitive.lines());
            NewJvmBatch.Run commandDistinct = NewJvmBatch.run(distinct, full.distinct.lines());
            Row newJvm = new Row(command.rate(), commandDistinct.rate());
            NewJvmBatch.Run commandLong = memoryLines > 0 ? longRun(wordings) : null;
            long[] warm = Benchmark.latencies(diagnoser::diagnose, wordings, latencyCalls);
            long[] uncached = Benchmark.latencies(diagnoser::explain, wordings, latencyCalls);
            long[] parse = Benchmark.parseLatencies(log, latencyCalls);
            // Last: the naive baseline compiles every wording's RE2/J program (with 45,600 wordings about 320 MB
            // beside the engine's 150), which no measurement after it should share the heap with.
            Diagnoser naive = engine.diagnoser(false);
            Benchmark.batch(naive, naiveWarmUp, cores); // warm-up
            Benchmark.Throughput naiveRun = Benchmark.batch(naive, head, cores);

            out.printf("floor   (read and split lines in the JVM)              %,12.0f lines/s%n", floor.linesPerSecond());
            out.printf("batch, %d workers, records rendered to a counting sink: warm (in this JVM, after warm-up runs:%n"
                    + "code compiled, the rules' memo filled), then as the command runs in a new JVM:%n", cores);
            row(out, "", "repetitive log", "distinct log", "");
            row(out, "full records", full, String.format("lines/s  %.2f of the floor; %,d MB of JSON",
                    full.repetitive.linesPerSecond() / floor.linesPerSecond(), full.repetitive.bytes() >> 20));
            row(out, "compact records (--compact)", compact, String.format("lines/s  %.2f of the floor; %,d MB of JSON",
                    compact.repetitive.linesPerSecond() / floor.linesPerSecond(), compact.repetitive.bytes() >> 20));
            row(out, "compact, the command in a new JVM", newJvm, String.format(
                    "lines/s  JIT cold, rules first seen; its start-up (%.1f s) not counted", command.startUp()));
            out.printf("  peak resident memory of the command in a new JVM: %s (repetitive log), %s (distinct log)%n",
                    megabytes(command.peakResident()), megabytes(commandDistinct.peakResident()));
            if (commandLong != null) {
                out.printf("  the same over a generated log of %,d lines: %s peak resident, %,.0f lines/s%n",
                        commandLong.rate().lines(), megabytes(commandLong.peakResident()),
                        commandLong.rate().linesPerSecond());
            }
            sisimai(out, log, distinct, full, compact, newJvm);
            out.printf("naive   (every wording by RE2/J, one at a time, Drools  %,12.0f lines/s  (first %,d lines)%n",
                    naiveRun.linesPerSecond(), naiveRun.lines());
            out.printf("         on every line; same pipeline)%n");
            out.printf("batch / naive: %.1fx%n", full.repetitive.linesPerSecond() / naiveRun.linesPerSecond());

            out.printf("diagnose() warm, one thread, %,d calls over the sample replies: p50 %.1f us, p99 %.1f us, max %.1f us%n",
                    latencyCalls, Benchmark.percentile(warm, 50) / 1e3, Benchmark.percentile(warm, 99) / 1e3,
                    warm[warm.length - 1] / 1e3);
            out.printf("explain() warm, the same calls, Drools run every time (diagnose() takes the verdicts of a reply with"
                    + " the same facts): p50 %.1f us, p99 %.1f us, max %.1f us%n", Benchmark.percentile(uncached, 50) / 1e3,
                    Benchmark.percentile(uncached, 99) / 1e3, uncached[uncached.length - 1] / 1e3);
            out.printf("parse warm, one thread, the log's first %,d lines (each distinct): p50 %.1f us, p99 %.1f us, max %.1f us%n",
                    parse.length, Benchmark.percentile(parse, 50) / 1e3, Benchmark.percentile(parse, 99) / 1e3,
                    parse[parse.length - 1] / 1e3);
            out.printf("peak resident memory (VmHWM) of this JVM: %,d MB (max heap %,d MB)%n",
                    Benchmark.peakResidentBytes(ProcessHandle.current().pid()) >> 20, Runtime.getRuntime().maxMemory() >> 20);
            out.flush();
            return 0;
        } finally {
            if (keepLog == null) {
                Files.deleteIfExists(log);
            }
            Files.deleteIfExists(distinct);
            for (Path made : new Path[] {head, naiveWarmUp}) {
                if (made != null) {
                    Files.deleteIfExists(made);
                }
            }
        }
    }

    /** The command in a new JVM over a generated log of {@code memoryLines} lines, written for it and deleted. */
    private NewJvmBatch.Run longRun(List<String> wordings) throws IOException {
        Path longLog = Files.createTempFile("smtp-doctor-bench-long", ".log");
        try {
            new LogGenerator(wordings, seed).write(longLog, memoryLines);
            return NewJvmBatch.run(longLog, memoryLines);
        } finally {
            Files.deleteIfExists(longLog);
        }
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "not known here" : String.format("%,d MB", bytes >> 20);
    }

    /** Sisimai's rate on the same two logs and ours against it; or why it was skipped. */
    private static void sisimai(PrintWriter out, Path log, Path distinct, Row full, Row compact, Row newJvm)
            throws IOException {
        SisimaiBaseline sisimai = new SisimaiBaseline(SisimaiBaseline.MODULE);
        String unavailable = sisimai.unavailable();
        if (unavailable != null) {
            out.printf("Sisimai skipped: %s (install it with: %s)%n", unavailable, SisimaiBaseline.INSTALL);
            return;
        }
        Row rate = new Row(sisimai.run(log, full.repetitive.lines()), sisimai.run(distinct, full.distinct.lines()));
        row(out, "Sisimai " + SisimaiBaseline.MODULE + "->match (perl)", rate, "lines/s on the same files");
        row(out, "full / Sisimai", ratio(full.repetitive, rate.repetitive), ratio(full.distinct, rate.distinct), "");
        row(out, "compact / Sisimai", ratio(compact.repetitive, rate.repetitive), ratio(compact.distinct, rate.distinct), "");
        row(out, "new JVM / Sisimai", ratio(newJvm.repetitive, rate.repetitive), ratio(newJvm.distinct, rate.distinct), "");
    }

    private static void row(PrintWriter out, String label, Row rates, String note) {
        row(out, label, rate(rates.repetitive.linesPerSecond()), rate(rates.distinct.linesPerSecond()), note);
    }

    /** A rate, or a dash where none was measured (a log too short for the command in a new JVM). */
    private static String rate(double linesPerSecond) {
        return Double.isNaN(linesPerSecond) ? "—" : String.format("%,.0f", linesPerSecond);
    }

    /** One line of the batch table: a label, the repetitive and the distinct log's column, a note. */
    private static void row(PrintWriter out, String label, String repetitive, String distinct, String note) {
        out.printf("  %-40s %14s %14s  %s%n", label, repetitive, distinct, note);
    }

    private static String ratio(Benchmark.Throughput ours, Benchmark.Throughput theirs) {
        double ratio = ours.linesPerSecond() / theirs.linesPerSecond();
        return Double.isNaN(ratio) ? "—" : String.format("%.1fx", ratio);
    }

    /** One measurement on the repetitive log and on the distinct one. */
    private record Row(Benchmark.Throughput repetitive, Benchmark.Throughput distinct) {
    }

    private List<String> wordings() {
        Problems problems = new Problems();
        List<String> texts = new ArrayList<>();
        for (SampleCase sample : SampleLoader.load(SourceTree.of(samples), problems)) {
            texts.add(sample.text());
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("--samples " + samples + ": no sample cases to make a log from");
        }
        return texts;
    }
}
