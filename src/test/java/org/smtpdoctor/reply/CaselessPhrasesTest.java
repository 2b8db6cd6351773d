package org.smtpdoctor.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one-pass phrase finder reports exactly where each phrase's {@code (?i)} pattern matches, and stops when told. */
class CaselessPhrasesTest {
    private static final List<String> PHRASES = List.of("in reply to data command", "in reply to rcpt", "in ", "pass",
            "password", "-p", "334", "://", "(ehlo)", "ke", "key");
    private static final List<String> PIECES = List.of("In Reply To ", "in reply", " to ", "data", "DATA COMMAND", "command",
            "rcpt", "PASS", "pass", "word", "Pa", "sS", "-", "p", "-P", "33", "4", ":/", "/", "(EHLO)", "(ehl0)", "K", "e",
            "y", "\u212Aey", "\u0130n ", "\u00e9", "x", " ", "\uD83D\uDE00");

    private final CaselessPhrases phrases = new CaselessPhrases(PHRASES);

    @Test
    void findsEveryPhraseWhereItsCaselessPatternMatches() {
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int piece = random.nextInt(12); piece > 0; piece--) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String s = text.toString();
            List<String> found = new ArrayList<>();
            phrases.scan(s, (phrase, start, end) -> {
                assertThat(end - start).isEqualTo(PHRASES.get(phrase).length());
                return found.add(phrase + "@" + start);
            });
            assertThat(found).as(s).containsExactlyInAnyOrderElementsOf(expected(s));
        }
    }

    @Test
    void stopsWhenTold() {
        List<Integer> starts = new ArrayList<>();
        phrases.scan("pass pass pass", (phrase, start, end) -> {
            starts.add(start);
            return false;
        });
        assertThat(starts).containsExactly(0);
    }

    @Test
    void takesOnlyLowerCaseAsciiPhrasesOfTwoCharacters() {
        assertThatThrownBy(() -> new CaselessPhrases(List.of("Pass"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaselessPhrases(List.of("é!"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaselessPhrases(List.of("p"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> expected(String text) {
        List<String> hits = new ArrayList<>();
        for (int p = 0; p < PHRASES.size(); p++) {
            var m = Pattern.compile("(?i)" + Pattern.quote(PHRASES.get(p))).matcher(text);
            for (int from = 0; from < text.length() && m.find(from); from = m.start() + 1) {
                hits.add(p + "@" + m.start());
            }
        }
        return hits;
    }
}
