package org.smtpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sisimai baseline of the bench: skipped cleanly without the module, never a way to run other Perl. */
class SisimaiBaselineTest {
    @TempDir
    Path temp;

    @Test
    void aMissingModuleIsReportedNotRun() {
        String why = new SisimaiBaseline("Sisimai::NoSuchModuleHere").unavailable();

        assertThat(why).contains("Sisimai::NoSuchModuleHere");
    }

    @Test
    void aModuleNameThatIsPerlCodeIsRefused() {
        assertThatThrownBy(() -> new SisimaiBaseline("Sisimai::Reason; system('touch /tmp/x')"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SisimaiBaseline("-e1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClassifierThatFailsFailsTheRunInsteadOfGivingARate() throws IOException {
        Path log = temp.resolve("one.log");
        Files.writeString(log, "550 5.1.1 User unknown\n");

        // strict loads but has no match(): perl dies on the first line.
        assertThatThrownBy(() -> new SisimaiBaseline("strict").run(log, 1))
                .isInstanceOf(IOException.class).hasMessageContaining("exited");
    }

    @Test
    void withTheModuleEveryLineIsClassifiedWithoutError() throws IOException {
        SisimaiBaseline sisimai = new SisimaiBaseline(SisimaiBaseline.MODULE);
        assumeTrue(sisimai.unavailable() == null, "Sisimai is not installed (" + SisimaiBaseline.INSTALL + ")");
        Path log = temp.resolve("three.log");
        Files.writeString(log, "550 5.1.1 User unknown\n452 4.2.2 Mailbox full\nnonsense\n");

        Benchmark.Throughput run = sisimai.run(log, 3); // throws when perl does not exit 0

        assertThat(run.lines()).isEqualTo(3);
    }
}
