package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.smtpdoctor.batch.SampleTexts;
import org.smtpdoctor.reply.ReplyParser;

/**
 * Not a test: a micro measurement of the ways to match every wording of the project's rules against the sample
 * texts, in one run, interleaved (run with {@code mvn -q test-compile exec:java} or from an IDE; see
 * docs/benchmarks.md). Prints microseconds per text for each.
 */
public final class MatcherBench {
    private MatcherBench() {
    }

    public static void main(String[] args) {
        List<Pattern> patterns = PatternSetTest.projectWordings();
        ReplyParser parser = new ReplyParser();
        List<String> texts = new ArrayList<>();
        SampleTexts.all().forEach(t -> texts.add(parser.parse(t).text()));
        long start = System.nanoTime();
        Re2PatternSet java = new Re2PatternSet(patterns);
        long built = System.nanoTime();
        HyperscanPatternSet hyperscan = new HyperscanPatternSet(patterns, java);
        System.out.printf("built: RE2/J with prefilter %.0f ms, Hyperscan database %.0f ms%n",
                (built - start) / 1e6, (System.nanoTime() - built) / 1e6);
        List<String> other = texts.stream().filter(t -> !HyperscanPatternSet.printableAscii(t)).toList();
        System.out.printf("%d patterns (%d left to RE2/J, %d confirmed by RE2/J on ASCII too), %d texts (%d not printable ASCII)%n",
                patterns.size(), hyperscan.refusedCount(), hyperscan.widenedCount(), texts.size(), other.size());
        for (int round = 0; round < 6; round++) {
            long otherPrefiltered = time(other, 5, t -> java.matching(t).cardinality());
            long otherScanned = time(other, 50, t -> hyperscan.matching(t).cardinality());
            System.out.printf("round %d, texts not printable ASCII: RE2/J + literal prefilter %.1f us, Hyperscan byte form + RE2/J confirming %.1f us per text%n",
                    round, otherPrefiltered / 1e3, otherScanned / 1e3);
            long naive = time(texts, 3, t -> {
                int n = 0;
                for (Pattern p : patterns) {
                    n += p.matcher(t).find() ? 1 : 0;
                }
                return n;
            });
            long prefiltered = time(texts, 20, t -> java.matching(t).cardinality());
            long scanned = time(texts, 100, t -> hyperscan.matching(t).cardinality());
            System.out.printf("round %d: RE2/J one by one %.1f us, RE2/J + literal prefilter %.1f us, Hyperscan %.1f us per text%n",
                    round, naive / 1e3, prefiltered / 1e3, scanned / 1e3);
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
