package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.smtpdoctor.batch.SampleTexts;
import org.smtpdoctor.reply.ReplyParser;

/**
 * Not a test: a micro measurement of the one-pass set against RE2/J pattern by pattern, over the project's wordings
 * and the sample texts, in one run, interleaved (run with {@code mvn -q test-compile exec:java} or from an IDE; see
 * docs/benchmarks.md). Prints microseconds per text for each.
 */
public final class MatcherBench {
    private MatcherBench() {
    }

    public static void main(String[] args) {
        List<Pattern> patterns = PatternSetTest.projectWordings();
        List<String> sources = patterns.stream().map(Pattern::pattern).toList();
        ReplyParser parser = new ReplyParser();
        List<String> texts = new ArrayList<>();
        SampleTexts.all().forEach(t -> texts.add(parser.parse(t).text()));
        long start = System.nanoTime();
        PatternSet onePass = PatternSet.of(sources);
        System.out.printf("built the one-pass set of %d patterns in %.0f ms; %d texts%n", patterns.size(),
                (System.nanoTime() - start) / 1e6, texts.size());
        for (int round = 0; round < 6; round++) {
            long naive = time(texts, 1, t -> {
                int n = 0;
                for (Pattern p : patterns) {
                    n += p.matcher(t).find() ? 1 : 0;
                }
                return n;
            });
            long scanned = time(texts, 100, t -> onePass.matching(t).cardinality());
            System.out.printf("round %d: RE2/J one by one %.1f us, one pass %.1f us per text%n", round, naive / 1e3,
                    scanned / 1e3);
        }
    }

    private static long time(List<String> texts, int repeats, java.util.function.ToIntFunction<String> match) {
        long sink = 0;
        long start = System.nanoTime();
        for (int r = 0; r < repeats; r++) {
            for (String t : texts) {
                sink += match.applyAsInt(t);
            }
        }
        long perText = (System.nanoTime() - start) / ((long) repeats * texts.size());
        return sink < 0 ? -1 : perText;
    }
}
