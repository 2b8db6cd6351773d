package org.smtpdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tiered set answers by RE2/J until it has matched its share of texts, then compiles the Hyperscan database in
 * the background and answers by it, the same answers throughout.
 */
class TieredPatternSetTest {
    private static final List<Pattern> PATTERNS = List.of(compile("quota\\s+exceeded"), compile("mailbox\\s+full"),
            compile("(?:^|[^\\pL\\pN])ящик\\s+переполнен"));
    private static final List<String> TEXTS = List.of("552 5.2.2 Quota exceeded", "mailbox FULL", "Почтовый ящик переполнен",
            "421 try later", "");

    @Test
    void itTiersUpAfterItsShareOfTextsAndAnswersAlikeBeforeAndAfter() throws InterruptedException {
        TieredPatternSet tiered = new TieredPatternSet(new Re2PatternSet(PATTERNS),
                () -> PatternSet.hyperscanOr(PATTERNS, new Re2PatternSet(PATTERNS)), 20);
        for (int i = 0; i < 19; i++) {
            assertSameAsRe2(tiered, TEXTS.get(i % TEXTS.size()));
        }
        Thread.sleep(200);
        assertThat(tiered.tieredUp()).as("no compile before the 20th text").isFalse();
        long deadline = System.nanoTime() + 120_000_000_000L;
        int matched = 0;
        while (!tiered.tieredUp() && System.nanoTime() < deadline) {
            assertSameAsRe2(tiered, TEXTS.get(matched++ % TEXTS.size()));
            Thread.sleep(20);
        }
        assertThat(tiered.tieredUp()).as("the database answers within two minutes").isTrue();
        for (String text : TEXTS) {
            assertSameAsRe2(tiered, text);
        }
    }

    private static void assertSameAsRe2(TieredPatternSet set, String text) {
        BitSet expected = new BitSet();
        for (int i = 0; i < PATTERNS.size(); i++) {
            if (PATTERNS.get(i).matcher(text).find()) {
                expected.set(i);
            }
        }
        assertThat(set.matching(text)).as(text).isEqualTo(expected);
    }

    private static Pattern compile(String pattern) {
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    }
}
