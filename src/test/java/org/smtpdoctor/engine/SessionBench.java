package org.smtpdoctor.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.kie.api.runtime.KieSessionsPool;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.batch.SampleTexts;
import org.smtpdoctor.reply.ReplyParser;
import org.smtpdoctor.rules.Budget;
import org.smtpdoctor.rules.Reply;
import org.smtpdoctor.source.SourceTree;

/** Not a test: the ways to run the rules on one fact, interleaved in one run (median us per text). */
public final class SessionBench {
    private SessionBench() {
    }

    public static void main(String[] args) {
        RuleSet rules = RuleSetLoader.load(SourceTree.of(TestRules.PROJECT_RULES));
        ReplyParser parser = new ReplyParser();
        List<org.smtpdoctor.reply.ParsedReply> parsed = new ArrayList<>();
        SampleTexts.all().forEach(t -> parsed.add(parser.parse(t)));
        Consumer<Reply> fresh = r -> rules.kieBase().newStatelessKieSession().execute(r.facts());
        KieSessionsPool pool = rules.kieBase().newKieSessionsPool(1);
        Consumer<Reply> pooled = r -> pool.newStatelessKieSession().execute(r.facts());
        Consumer<Reply> reused = r -> rules.sessions().fire(r.facts());
        Consumer<Reply> scanOnly = r -> r.facts();
        for (int round = 0; round < 8; round++) {
            System.out.printf("round %d: scan only %.1f us%n", round, run(rules, parsed, scanOnly) / 1e3);
            System.out.printf("round %d: new stateless %.1f us, pooled stateless %.1f us, one stateful session per thread, insert/fire/delete (ThreadSessions) %.1f us%n",
                    round, run(rules, parsed, fresh) / 1e3, run(rules, parsed, pooled) / 1e3, run(rules, parsed, reused) / 1e3);
        }
    }

    private static long run(RuleSet rules, List<org.smtpdoctor.reply.ParsedReply> parsed, Consumer<Reply> execute) {
        long[] nanos = new long[parsed.size()];
        for (int i = 0; i < parsed.size(); i++) {
            Reply fact = new Reply(parsed.get(i), rules.patterns(), new Budget(1_000_000_000L));
            long start = System.nanoTime();
            execute.accept(fact);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2];
    }
}
