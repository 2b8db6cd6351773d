package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bench} end to end on small logs: every row its documentation promises is printed, with rates that are
 * numbers above zero. Speed itself is measured by running the command, not here; this keeps the command working (it
 * ran out of heap once its naive baseline outgrew its room, which no test saw).
 */
class BenchCommandTest {
    @Test
    void printsEveryRowOnSmallLogs() {
        CliRun run = CliRun.of("bench", "--rules=rules", "--lines", "3000", "--distinct-lines", "600",
                "--memory-lines", "0", "--naive-lines", "20", "--latency-calls", "300");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("bench: 3,000 lines", "distinct log: 600 lines", "compact, the command in a new JVM",
                "peak resident memory of the command in a new JVM", "(first 20 lines)", "batch / naive:",
                "diagnose() warm, one thread, 300 calls", "explain() warm", "parse warm", "peak resident memory (VmHWM)");
        assertThat(run.out()).containsAnyOf("Sisimai::Reason->match (perl)", "Sisimai skipped:");
        assertThat(rate(run.out(), "floor   \\(read and split lines in the JVM\\)\\s+([\\d,]+) lines/s")).isPositive();
        assertThat(rate(run.out(), "full records\\s+([\\d,]+)\\s+[\\d,]+\\s+lines/s")).isPositive();
        assertThat(rate(run.out(), "compact records \\(--compact\\)\\s+[\\d,]+\\s+([\\d,]+)\\s+lines/s")).isPositive();
        assertThat(rate(run.out(), "naive .*?\\s([\\d,]+) lines/s")).isPositive();
    }

    private static long rate(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertThat(m.find()).as("'%s' in:%n%s", regex, out).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
