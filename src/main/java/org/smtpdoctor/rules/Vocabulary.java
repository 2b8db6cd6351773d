package org.smtpdoctor.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Functions for rule consequences, imported into DRL with
 * {@code import function org.smtpdoctor.rules.Vocabulary.conclude;}.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    /**
     * Records that the firing rule diagnoses its {@link Reply} as {@code category}; the placeholders of every
     * {@link Said} and the named groups of every {@link TextMatch} the rule matched become parameters.
     */
    public static void conclude(RuleContext kcontext, String category) {
        record(kcontext, category, Map.of());
    }

    /**
     * Like {@link #conclude(RuleContext, String)}, adding a parameter the rule knows rather than reads,
     * such as the provider a wording belongs to: {@code conclude(kcontext, "auth.account-verification",
     * "provider", "Mail.ru")}. A value read from the text by a named group takes precedence.
     */
    public static void conclude(RuleContext kcontext, String category, String param, String value) {
        record(kcontext, category, Map.of(param, value));
    }

    private static void record(RuleContext kcontext, String category, Map<String, String> given) {
        Reply reply = null;
        List<TextMatch> matches = new ArrayList<>(2);
        List<String> saidIds = new ArrayList<>(2);
        for (Object fact : kcontext.getMatch().getObjects()) {
            if (fact instanceof Reply r) {
                reply = r;
            } else if (fact instanceof Said s) {
                reply = s.reply();
                matches.add(s.match());
                saidIds.add(s.getId());
            } else if (fact instanceof TextMatch m) {
                matches.add(m);
            }
        }
        Rule rule = kcontext.getRule();
        if (reply == null) {
            throw new IllegalStateException("rule '" + rule.getName() + "' concludes without matching a Reply");
        }
        reply.conclude(new Verdict(category, rule.getPackageName(), rule.getName(), given,
                List.copyOf(matches), List.copyOf(saidIds)));
    }
}
