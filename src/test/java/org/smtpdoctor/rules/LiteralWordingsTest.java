package org.smtpdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.wording.Wording;

/**
 * The phrase automaton on wordings with gaps ({@code {...}}): the same answer as RE2/J on texts made to probe the
 * gap's bounds (100 code points, a surrogate pair counting once, no line break, a run of white space two phrases
 * share). The automaton on plain phrases and on the project's wordings is {@code PatternSetTest}'s.
 */
class LiteralWordingsTest {
    @Test
    void gapsBetweenPhrasesReadAsRe2Does() throws Exception {
        List<Pattern> patterns = new ArrayList<>();
        for (String written : List.of("authentication failed: {...} not supported", "failed{...}password",
                "{...}mailbox full", "quota {...}", "a{...}a", "mailbox {...} full{...}exceeded", "x {...} {...} y",
                "from {...} {host}", "ab {...} cd", "{...} ошибка {...} ящик")) {
            patterns.add(Wording.of(written).compile());
        }
        LiteralWordings phrases = LiteralWordings.of(patterns.stream().map(Pattern::pattern).toList());
        // A gap with nothing but a gap beside it, and a parameter, are left to the regex matchers.
        assertThat(phrases.taken().stream().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 8, 9);
        // Texts of the words of one wording at a time (so that each is matched often) and of what may stand between
        // them: white space with and without line breaks, and runs of characters up to and over a gap's 100.
        List<List<String>> words = List.of(List.of("authentication failed:", "not supported"), List.of("failed", "password"),
                List.of("mailbox full"), List.of("quota"), List.of("a"), List.of("mailbox", "full", "exceeded"),
                List.of("x", "y"), List.of("from", "mx.example.com"), List.of("ab", "cd"), List.of("ОШИБКА", "ящик"));
        List<String> between = List.of(" ", "  ", "\n", " \n ", "\t", "\u00A0", "x", "-", "x".repeat(98), "x".repeat(99),
                "x".repeat(100), "\uD83D\uDE00".repeat(49), "\uD83D\uDE00".repeat(50));
        Random random = new Random(7);
        int[] matched = new int[patterns.size()];
        for (int n = 0; n < 40_000; n++) {
            List<String> own = words.get(n % words.size());
            StringBuilder text = new StringBuilder();
            int next = random.nextInt(own.size()); // the wording's words mostly in their order, so that many texts match
            for (int k = random.nextInt(7); k >= 0; k--) {
                text.append(random.nextBoolean() ? own.get(next++ % own.size()) : between.get(random.nextInt(between.size())));
            }
            BitSet expected = new BitSet();
            for (int i = 0; i < patterns.size(); i++) {
                if (phrases.taken().get(i) && patterns.get(i).matcher(text).find()) {
                    expected.set(i);
                }
            }
            expected.stream().forEach(i -> matched[i]++);
            int[] occurrences = phrases.occurrences(text.toString());
            assertThat(occurrences).as(text.toString()).isSorted().doesNotHaveDuplicates();
            BitSet found = new BitSet();
            IntStream.of(occurrences).forEach(found::set);
            for (int i = phrases.taken().nextClearBit(0); i < patterns.size(); i = phrases.taken().nextClearBit(i + 1)) {
                // a pattern left to RE2/J is looked at wherever it occurs: its gate is in every match
                assertThat(found.get(i) || !patterns.get(i).matcher(text).find()).as(text + " for " + patterns.get(i)).isTrue();
            }
            found.and(phrases.taken());
            assertThat(found).as(text.toString()).isEqualTo(expected);
        }
        phrases.taken().stream().forEach(i -> assertThat(matched[i]).as("texts " + patterns.get(i) + " matched").isGreaterThan(10));
    }
}
