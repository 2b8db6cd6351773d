package org.smtpdoctor.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.batch.SampleTexts;

/** Not a test: warm single-call latency of diagnose() over the sample texts, and the slowest texts. */
public final class DiagnoseBench {
    private DiagnoseBench() {
    }

    public static void main(String[] args) {
        Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(TestRules.PROJECT_RULES).build();
        List<String> texts = SampleTexts.all();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long[][] perText = new long[texts.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < texts.size(); i++) {
                long start = System.nanoTime();
                diagnoser.diagnose(texts.get(i));
                perText[i][r] = System.nanoTime() - start;
            }
        }
        long[] all = Arrays.stream(perText).flatMapToLong(a -> Arrays.stream(a, rounds / 2, rounds)).sorted().toArray();
        System.out.printf("diagnose() warm (second half of %d rounds over %d texts): p50 %.1f us, p90 %.1f us, p99 %.1f us%n",
                rounds, texts.size(), all[all.length / 2] / 1e3, all[all.length * 9 / 10] / 1e3, all[all.length * 99 / 100] / 1e3);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(i -> -median(perText[i])));
        for (int i : order.subList(0, 8)) {
            System.out.printf("  median %8.1f us  %s%n", median(perText[i]) / 1e3,
                    texts.get(i).substring(0, Math.min(110, texts.get(i).length())).replace('\n', ' '));
        }
    }

    private static long median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
