package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.rules.TextPatterns;

/**
 * Patterns that make a backtracking engine run for ages (exponential in the input) finish on long inputs:
 * RE2 matches in linear time. The timeout is a hang guard far above the expected time, not a measurement;
 * with java.util.regex these inputs would not finish in the lifetime of the build.
 */
class CatastrophicPatternTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+$", "(x+x+)+y", "(a|aa)+$", "(.*a){20}$", "^(\\w+\\s?)*$"})
    void catastrophicPatternAnswersOnAMegabyteOfText(String pattern) {
        // The near miss that makes a backtracking engine try every way to split the run: none of them matches.
        String input = "a".repeat(500_000) + "x".repeat(500_000) + "!";
        boolean found = assertTimeoutPreemptively(HANG_GUARD,
                () -> new TextPatterns().compile(pattern).matcher(input).find());
        assertThat(found).isFalse();
    }

    @Test
    void ruleWithACatastrophicPatternDoesNotHangTheEngine() {
        TestRules rules = TestRules.copyInto(temp).write("auth/too-many-attempts.drl", "package auth;\n\n"
                + "import org.smtpdoctor.rules.*;\nimport function org.smtpdoctor.rules.Vocabulary.conclude;\n\n"
                + "rule \"auth.too-many-attempts: nested repetition\"\nwhen\n    Reply( has(\"^(a+)+$\") )\nthen\n"
                + "    conclude(kcontext, \"auth.too-many-attempts\");\nend\n");
        Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules.root()).build();
        String nearMiss = "a".repeat(8_000) + "!"; // within the 8 KiB of text the parser keeps
        Diagnosis d = assertTimeoutPreemptively(HANG_GUARD, () -> diagnoser.diagnose(nearMiss));
        assertThat(d.category()).isEqualTo("unknown.unclassified");
        assertThat(diagnoser.diagnose("a".repeat(5_000)).category()).isEqualTo("auth.too-many-attempts");
    }
}
