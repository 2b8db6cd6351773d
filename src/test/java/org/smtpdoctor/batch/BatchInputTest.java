package org.smtpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;

/** Inputs as they come: a fifo (or {@code <(…)}) is read as it is written; a file cut while read is warned of. */
class BatchInputTest {
    private static final Diagnoser DIAGNOSER = TestRules.projectDiagnoser();

    @TempDir
    Path temp;

    private static BatchRunner runner() {
        return new BatchRunner(DIAGNOSER, new BatchRunner.Options(Locale.ENGLISH, InputFormat.PLAIN,
                new InputFormat.Fields(null, null, List.of()), OutputFormat.JSONL, 1));
    }

    @Test
    void aFifoIsRead() throws Exception {
        Path fifo = temp.resolve("log.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is needed");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                for (int i = 0; i < 3000; i++) {
                    out.write(("550 5.1.1 <u" + i + "@example.org>: User unknown\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchRunner runner = runner();
        runner.run(List.of(BatchInput.of(fifo.toString(), null)), out, n -> { });
        writer.get(60, TimeUnit.SECONDS);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(3000);
        assertThat(runner.warnings()).isEmpty();
    }

    @Test
    void aFileThatShrinksWhileReadIsWarnedOf() throws IOException {
        Path log = temp.resolve("rotating.log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            text.append("550 5.1.1 <u").append(i).append("@example.org>: User unknown\n");
        }
        Files.writeString(log, text);
        long size = Files.size(log);
        BatchRunner runner = runner();
        AtomicBoolean cut = new AtomicBoolean();
        // The pipeline holds a few chunks of 1024 records: when the first is written, most of the file is unread.
        runner.run(List.of(BatchInput.of(log.toString(), null)), OutputStream.nullOutputStream(), written -> {
            if (cut.compareAndSet(false, true)) {
                try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
                    file.setLength(size / 2 + 7); // mid-line: a torn last record
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        assertThat(runner.summary().records()).isLessThan(200_000);
        assertThat(runner.warnings()).singleElement().asString()
                .contains(log.toString()).contains("shrank from " + size + " to " + (size / 2 + 7) + " bytes")
                .contains("last record may be cut off");

        BatchRunner again = runner();
        again.run(List.of(BatchInput.of(log.toString(), null)), OutputStream.nullOutputStream(), n -> { });
        assertThat(again.warnings()).as("a file left alone").isEmpty();
    }
}
