package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.TestRules;

/**
 * A log's template cache steps aside while the lines do not repeat and comes back when they do, and every
 * line gets what a plain diagnosis gives either way.
 */
class CachePayoffTest {
    private static final Diagnoser DIAGNOSER = TestRules.projectDiagnoser();
    private static final int WINDOW = 32;
    private static final int SKIPPED_WINDOWS = 2;

    @Test
    void aWindowWithFewHitsSendsTheNextLinesStraightToTheRules() {
        CachePayoff payoff = new CachePayoff(WINDOW, SKIPPED_WINDOWS);
        for (int i = 0; i < WINDOW; i++) {
            assertThat(payoff.useCache()).isTrue();
            payoff.count(i == 0); // 1 of 32 served: under one in sixteen
        }
        for (int i = 0; i < WINDOW * SKIPPED_WINDOWS; i++) {
            assertThat(payoff.useCache()).as("line %d after the window", i).isFalse();
        }
        assertThat(payoff.useCache()).as("measuring again").isTrue();
    }

    @Test
    void aWindowWhereOneInSixteenIsServedKeepsTheCache() {
        CachePayoff payoff = new CachePayoff(WINDOW, SKIPPED_WINDOWS);
        for (int i = 0; i < WINDOW * 3; i++) {
            assertThat(payoff.useCache()).isTrue();
            payoff.count(i % CachePayoff.FEWEST_SERVED == 0); // exactly one in sixteen
        }
    }

    @Test
    void distinctLinesSkipTheCacheRepeatedOnesReturnToItAndEveryLineIsDiagnosedAsAlone() {
        LogDiagnoser log = new LogDiagnoser(DIAGNOSER, DIAGNOSER.replyTemplate(), new CachePayoff(WINDOW, SKIPPED_WINDOWS));
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < WINDOW * (SKIPPED_WINDOWS + 1); i++) {
            // Words, not digits: digits are masked, so lines differing only there would share a template.
            distinct.add("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown (" + word(i) + ")");
        }
        List<LogDiagnoser.Line> lines = new ArrayList<>();
        distinct.forEach(text -> lines.add(log.diagnose(text)));
        assertThat(lines.subList(0, WINDOW)).as("the first window goes through the cache")
                .allMatch(line -> line.template() != null);
        assertThat(lines.subList(WINDOW, WINDOW * (SKIPPED_WINDOWS + 1))).as("then the rules alone")
                .allMatch(line -> line.template() == null);

        String repeated = "452 4.2.2 <eve@example.org>: Mailbox full, quota exceeded";
        List<LogDiagnoser.Line> again = new ArrayList<>();
        for (int i = 0; i < WINDOW * 2; i++) {
            again.add(log.diagnose(repeated));
        }
        assertThat(again).as("measured again, and the cache serves the repeated line")
                .allMatch(line -> line.template() != null).anyMatch(line -> line.shared() != null);

        for (int i = 0; i < distinct.size(); i++) {
            assertThat(lines.get(i).diagnosis().category()).isEqualTo(DIAGNOSER.diagnose(distinct.get(i)).category());
            assertThat(lines.get(i).diagnosis().params()).isEqualTo(DIAGNOSER.diagnose(distinct.get(i)).params());
        }
        assertThat(again).allMatch(line -> line.diagnosis().category().equals(DIAGNOSER.diagnose(repeated).category()));
    }

    /** A word of letters for {@code n}: base 26, never a digit. */
    private static String word(int n) {
        StringBuilder word = new StringBuilder("x");
        for (int rest = n; rest > 0; rest /= 26) {
            word.append((char) ('a' + rest % 26));
        }
        return word.toString();
    }
}
