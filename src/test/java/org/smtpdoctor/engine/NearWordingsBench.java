package org.smtpdoctor.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.source.SourceTree;

/**
 * Not a test: what the near-wording layer costs a text no other layer took, in thread CPU time: the layer alone
 * ({@link NearWordings#nearest}) and a whole {@code diagnose()} of the same texts, a log prefix before each. The
 * texts are the bench log's unknown lines ({@code LogGenerator}): code-less, nothing any rule knows.
 */
public final class NearWordingsBench {
    private static final String[] UNKNOWN = {
        "Delivery pipeline stalled on shard %1$d, ticket %2$s", "Frobnicator refused envelope %2$s for tenant %1$d",
        "XQ-%1$d: upstream handoff incomplete (%2$s)", "Mailer daemon hiccup %2$s at step %1$d",
        "Outbound journal %2$s could not be reconciled after %1$d tries", "Gateway says: policy engine busy %2$s %1$d",
        "Queue %2$s parked by operator %1$d", "Unexpected token %2$s in envelope header at offset %1$d"};

    private NearWordingsBench() {
    }

    public static void main(String[] args) {
        RuleSet rules = RuleSetLoader.load(SourceTree.of(TestRules.PROJECT_RULES));
        Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(TestRules.PROJECT_RULES).build();
        Random random = new Random(1);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            texts.add(String.format(UNKNOWN[i % UNKNOWN.length], random.nextInt(100_000), Long.toHexString(random.nextLong())));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        double[] near = new double[rounds];
        double[] diagnose = new double[rounds];
        for (int r = -3; r < rounds; r++) { // three rounds to warm up
            long start = threads.getCurrentThreadCpuTime();
            texts.forEach(rules.near()::nearest);
            long middle = threads.getCurrentThreadCpuTime();
            texts.forEach(t -> diagnoser.diagnose("2026-11-01 10:00:00,123 ERROR [mail-3] o.e.Mailer - " + t));
            long end = threads.getCurrentThreadCpuTime();
            if (r >= 0) {
                near[r] = (middle - start) / 1e3 / texts.size();
                diagnose[r] = (end - middle) / 1e3 / texts.size();
            }
        }
        Arrays.sort(near);
        Arrays.sort(diagnose);
        System.out.printf("near wordings alone: best %.1f, median %.1f us a text; diagnose(): best %.1f, median %.1f us%n",
                near[0], near[rounds / 2], diagnose[0], diagnose[rounds / 2]);
    }
}
