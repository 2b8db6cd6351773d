package org.smtpdoctor.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smtpdoctor.batch.Benchmark;

/**
 * {@code batch --compact} run as a user runs it, for {@code bench}: in a JVM of its own, which starts with nothing
 * compiled and the rules not loaded. The bench's other rows run in one JVM that has already compiled the hot code
 * and seen every combination of facts; a batch command pays for both on its first lines. The start-up (JVM, rule
 * set, class loading) is timed apart, on a file of one line, and taken off: Sisimai's perl start is not counted
 * either. The child gets this JVM's options (heap, collector, class-data archive, the rules' and samples' folders),
 * less those that record or write files.
 */
final class NewJvmBatch {
    private static final List<String> NOT_PASSED = List.of("-XX:StartFlightRecording", "-XX:ArchiveClassesAtExit",
            "-XX:+AutoCreateSharedArchive", "-agentlib", "-javaagent", "-XX:FlightRecorderOptions");

    private NewJvmBatch() {
    }

    /** A run: the rate over the log, its start-up not counted, and that start-up in seconds. */
    record Run(Benchmark.Throughput rate, double startUp) {
    }

    /** The batch command over the {@code lines} lines of {@code log}. */
    static Run run(Path log, long lines) throws IOException {
        Path first = Files.createTempFile("smtp-doctor-bench-one", ".log");
        try {
            try (var all = Files.lines(log, StandardCharsets.UTF_8)) {
                Files.write(first, (Iterable<String>) all.limit(1)::iterator, StandardCharsets.UTF_8);
            }
            double startUp = seconds(first);
            return new Run(new Benchmark.Throughput(lines, Math.max(seconds(log) - startUp, 1e-3), 0), startUp);
        } finally {
            Files.deleteIfExists(first);
        }
    }

    /** Wall-clock seconds of {@code batch --compact file} in a new JVM, records discarded. */
    private static double seconds(Path file) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (NOT_PASSED.stream().noneMatch(option::startsWith)) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "batch", "--compact",
                file.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IOException("batch in a new JVM exited with " + exit + ": " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while batch ran in a new JVM", e);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
