package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The bench's "command in a new JVM" row runs the real batch command in a JVM of its own. */
class NewJvmBatchTest {
    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "the child's peak memory is read from /proc")
    void runsTheBatchCommandInANewJvmAndTakesItsStartUpOff() throws IOException {
        Path log = Path.of("samples/logs/mail-errors.log");
        long lines = Files.readAllLines(log).size();

        NewJvmBatch.Run run = NewJvmBatch.run(log, lines);

        assertThat(run.startUp()).as("a JVM that loads the rule set takes time").isGreaterThan(0.1);
        assertThat(run.rate().lines()).isEqualTo(lines);
        assertThat(run.rate().seconds()).isPositive();
        assertThat(run.peakResident()).as("the child's peak resident memory, read from /proc while it ran")
                .isGreaterThan(32L << 20).isLessThan(4L << 30);
    }
}
