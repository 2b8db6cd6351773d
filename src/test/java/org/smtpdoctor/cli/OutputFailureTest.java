package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails fails the run, saying what could not be written and why; an output file is complete or
 * absent, also when the run is stopped by a signal or killed.
 */
class OutputFailureTest {
    private static final File FULL = new File("/dev/full");

    @TempDir
    Path temp;

    private Path input() throws IOException {
        return Files.writeString(temp.resolve("in.log"), "535 5.7.8 Error: authentication failed\n550 5.1.1 User unknown\n");
    }

    @Test
    void batchToAFullDeviceFailsSayingSo() throws IOException {
        assumeTrue(FULL.exists(), "/dev/full (Linux) is needed");
        Launch run = Launch.run(temp, FULL, "batch", "--no-progress", input().toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines().filter(l -> l.contains("No space left on device")))
                .containsExactly("smtp-doctor batch: cannot write standard output: No space left on device");
    }

    @Test
    void diagnoseJsonToAFullDeviceFailsSayingSo() {
        assumeTrue(FULL.exists(), "/dev/full (Linux) is needed");
        Launch run = Launch.run(temp, FULL, "diagnose", "--json", "535 5.7.8 Error: authentication failed");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot write standard output: No space left on device");
        Launch text = Launch.run(temp, FULL, "diagnose", "535 5.7.8 Error: authentication failed");
        assertThat(text.exit()).isEqualTo(2);
    }

    @Test
    void anOutputIntoAMissingFolderNamesTheFolder() throws IOException {
        CliRun r = CliRun.of("batch", "--output", temp.resolve("no/such/out.jsonl").toString(), input().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot write " + temp.resolve("no/such/out.jsonl"))
                .contains("the folder " + temp.resolve("no/such") + " does not exist");
        CliRun unknowns = CliRun.of("batch", "--unknowns", temp.resolve("gone/u.yaml").toString(),
                "--output", temp.resolve("out.jsonl").toString(), input().toString());
        assertThat(unknowns.exit()).isEqualTo(2);
        assertThat(unknowns.err()).contains("cannot write " + temp.resolve("gone/u.yaml")).contains("does not exist");
    }

    @Test
    void aFullDiskNamesTheFileAndTheReason() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        NamedOutput out = new NamedOutput("unknowns.yaml", full);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> out.write(new byte[] {1})))
                .hasMessage("cannot write unknowns.yaml: No space left on device");
        assertThat(out.failure()).hasMessage("cannot write unknowns.yaml: No space left on device");
        assertThat(new NamedOutput("x", new ByteArrayOutputStream()).failure()).isNull();
    }

    @Test
    void aRunStoppedBySigtermLeavesNoPartFileAndAKilledOnesIsRemovedByTheNextRun() throws Exception {
        Path fifo = fifo();
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        // SIGTERM: the shutdown hook removes the part file.
        Process stopped = startWaitingOn(fifo, out);
        try (OutputStream writer = Files.newOutputStream(fifo)) {
            writer.write("535 5.7.8 Error: authentication failed\n".getBytes());
            writer.flush();
            awaitPartFile(out);
            stopped.destroy();
            assertThat(stopped.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } catch (IOException brokenPipe) {
            // the reader is gone: expected once it stopped
        }
        assertThat(partFiles(out)).isEmpty();
        assertThat(out.resolve("records.jsonl")).doesNotExist();

        // SIGKILL: no hook runs; the part file stays until the next run into the folder.
        Process killed = startWaitingOn(fifo, out);
        try (OutputStream writer = Files.newOutputStream(fifo)) {
            awaitPartFile(out);
            killed.destroyForcibly();
            assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } catch (IOException brokenPipe) {
            // as above
        }
        assertThat(partFiles(out)).hasSize(1);
        Launch next = Launch.run(temp, "batch", "--no-progress", "--output", out.resolve("records.jsonl").toString(),
                input().toString());
        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(partFiles(out)).isEmpty();
        assertThat(Files.readAllLines(out.resolve("records.jsonl"))).hasSize(2);
    }

    private Path fifo() throws Exception {
        Path fifo = temp.resolve("input.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed");
        return fifo;
    }

    private Process startWaitingOn(Path fifo, Path out) throws IOException {
        return Launch.builder(temp, temp.resolve("stdout.txt").toFile(), temp.resolve("stderr.txt").toFile(),
                "batch", "--no-progress", "--output", out.resolve("records.jsonl").toString(), fifo.toString()).start();
    }

    private static void awaitPartFile(Path folder) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (partFiles(folder).isEmpty()) {
            assertThat(Instant.now()).as("a part file appears").isBefore(end);
            Thread.sleep(50);
        }
    }

    private static List<Path> partFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }
}
