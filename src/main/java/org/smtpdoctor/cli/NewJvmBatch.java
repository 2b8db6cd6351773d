package org.smtpdoctor.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.smtpdoctor.batch.Benchmark;

/**
 * {@code batch --compact} run as a user runs it, for {@code bench}: in a JVM of its own, which starts with nothing
 * compiled and the rules not loaded. The bench's other rows run in one JVM that has already compiled the hot code
 * and seen every combination of facts; a batch command pays for both on its first lines. The start-up (JVM, rule
 * set, class loading) is timed apart, on a file of one line, and taken off: Sisimai's perl start is not counted
 * either. The child gets this JVM's options (collector, class-data archive, the rules' and samples' folders), less
 * those that record or write files, and the heap the launcher gives {@code batch} (system property
 * {@value #BATCH_HEAP}) instead of the bench's larger one, so that its peak resident memory is the command's.
 */
final class NewJvmBatch {
    private static final List<String> NOT_PASSED = List.of("-XX:StartFlightRecording", "-XX:ArchiveClassesAtExit",
            "-XX:+AutoCreateSharedArchive", "-agentlib", "-javaagent", "-XX:FlightRecorderOptions");

    /** The system property in which the launcher names batch's maximum heap ("192m"). */
    static final String BATCH_HEAP = "smtpdoctor.batchHeap";

    /** How often the child's peak resident memory is read while it runs. */
    private static final long POLL_MILLIS = 20;

    private NewJvmBatch() {
    }

    /**
     * A run: the rate over the log, its start-up not counted (NaN when the log is too short to time apart from the
     * start-up), that start-up in seconds, and the child's peak resident memory in bytes (-1 where the system does
     * not tell).
     */
    record Run(Benchmark.Throughput rate, double startUp, long peakResident) {
    }

    /** One JVM's run: wall-clock seconds and the last peak resident memory read before it ended. */
    private record Child(double seconds, long peakResident) {
    }

    /** The batch command over the {@code lines} lines of {@code log}. */
    static Run run(Path log, long lines) throws IOException {
        Path first = Files.createTempFile("smtp-doctor-bench-one", ".log");
        try {
            try (var all = Files.lines(log, StandardCharsets.UTF_8)) {
                Files.write(first, (Iterable<String>) all.limit(1)::iterator, StandardCharsets.UTF_8);
            }
            double startUp = batch(first).seconds();
            Child whole = batch(log);
            // A log the command runs over in less than a tenth of its start-up has no rate worth printing: the
            // difference is within the start-up's own variation (a short log gave "30,000,000 lines/s").
            double seconds = whole.seconds() - startUp;
            return new Run(new Benchmark.Throughput(lines, seconds > startUp / 10 ? seconds : Double.NaN, 0), startUp,
                    whole.peakResident());
        } finally {
            Files.deleteIfExists(first);
        }
    }

    /** {@code batch --compact file} in a new JVM, records discarded. */
    private static Child batch(Path file) throws IOException {
        String heap = System.getProperty(BATCH_HEAP);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (NOT_PASSED.stream().noneMatch(option::startsWith) && !(heap != null && option.startsWith("-Xmx"))) {
                command.add(option);
            }
        }
        if (heap != null) {
            command.add("-Xmx" + heap);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "batch", "--compact",
                file.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long peakResident = -1;
        try {
            // VmHWM only grows, so its last reading before the end is the run's peak (less what the last 20 ms added).
            do {
                peakResident = Math.max(peakResident, Benchmark.peakResidentBytes(process.pid()));
            } while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS));
            int exit = process.exitValue();
            if (exit != 0) {
                throw new IOException("batch in a new JVM exited with " + exit + ": " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while batch ran in a new JVM", e);
        }
        return new Child((System.nanoTime() - start) / 1e9, peakResident);
    }
}
