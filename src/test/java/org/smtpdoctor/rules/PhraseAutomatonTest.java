package org.smtpdoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The automaton's pass against the plain search it stands for: every occurrence of every phrase (found by
 * {@link String#indexOf} from every position), with each of the phrase's entries, in the order the occurrences end.
 */
class PhraseAutomatonTest {

    /** An occurrence as the pass reports it. */
    private record Hit(int begin, int end, int entry) {
    }

    @Test
    void findsWhatAPlainSearchFindsAmongManyOverlappingPhrases() {
        // A four-letter alphabet makes phrases inside phrases and long failure chains, the cases a wrong link misses.
        Random random = new Random(7);
        Map<String, int[]> phrases = new TreeMap<>();
        while (phrases.size() < 400) {
            int entries = 1 + random.nextInt(3);
            int[] of = new int[entries];
            for (int e = 0; e < entries; e++) {
                of[e] = random.nextInt(1000) - 500; // negative entries too, as gap steps are
            }
            phrases.put(randomText(random, 1 + random.nextInt(7), "\u0001\u0002\u0003\u0004"), of);
        }
        PhraseAutomaton automaton = PhraseAutomaton.of(phrases);
        assertEquals(400, automaton.size());
        int compared = 0;
        for (int t = 0; t < 300; t++) {
            String text = randomText(random, random.nextInt(120), "\u0001\u0002\u0003\u0004\u0005");
            List<Hit> found = scan(automaton, text);
            assertEquals(sorted(plainSearch(phrases, text)), sorted(found), text);
            for (int i = 1; i < found.size(); i++) {
                assertTrue(found.get(i - 1).end() <= found.get(i).end(), "reported in the order the phrases end");
            }
            compared += found.size();
        }
        assertTrue(compared > 10_000, "the texts hold many occurrences: " + compared);
    }

    @Test
    void findsChildrenWhoseCodesClashInEveryTable() {
        // Five children of one state whose codes share their low four bits (and pairwise their low five): no table of
        // up to four slots a child holds them apart, so they are searched; beside them codes far apart (CJK-like).
        Map<String, int[]> phrases = new TreeMap<>();
        char[] clashing = {1, 17, 33, 49, 65, 40_001, 40_017};
        for (int k = 0; k < clashing.length; k++) {
            phrases.put("\u0007" + clashing[k], new int[] {k});
            phrases.put("\u0007" + clashing[k] + "\u0002", new int[] {100 + k});
        }
        phrases.put(String.valueOf(clashing[2]), new int[] {200});
        PhraseAutomaton automaton = PhraseAutomaton.of(phrases);
        StringBuilder text = new StringBuilder();
        for (char c : clashing) {
            text.append('\u0007').append(c).append('\u0002').append('\u0007').append((char) (c + 2));
        }
        List<Hit> found = scan(automaton, text.toString());
        assertEquals(sorted(plainSearch(phrases, text.toString())), sorted(found));
        assertEquals(clashing.length * 2 + 1, found.size());
    }

    @Test
    void anEmptySetFindsNothingAndAnEmptyPhraseIsRefused() {
        assertEquals(List.of(), scan(PhraseAutomaton.of(Map.of()), "\u0001\u0002"));
        assertThrows(IllegalArgumentException.class, () -> PhraseAutomaton.of(Map.of("", new int[] {1})));
    }

    private static List<Hit> scan(PhraseAutomaton automaton, String text) {
        List<Hit> found = new ArrayList<>();
        automaton.scan(text.toCharArray(), (begin, end, entry) -> found.add(new Hit(begin, end, entry)));
        return found;
    }

    private static List<Hit> plainSearch(Map<String, int[]> phrases, String text) {
        List<Hit> hits = new ArrayList<>();
        phrases.forEach((phrase, entries) -> {
            for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
                for (int entry : entries) {
                    hits.add(new Hit(at, at + phrase.length(), entry));
                }
            }
        });
        return hits;
    }

    private static List<Hit> sorted(List<Hit> hits) {
        List<Hit> copy = new ArrayList<>(hits);
        copy.sort((a, b) -> a.end() != b.end() ? Integer.compare(a.end(), b.end())
                : a.begin() != b.begin() ? Integer.compare(a.begin(), b.begin()) : Integer.compare(a.entry(), b.entry()));
        return copy;
    }

    private static String randomText(Random random, int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
