package org.smtpdoctor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smtpdoctor.catalog.CodeMeaning;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.reply.ParsedReply;
import org.smtpdoctor.rules.Verdict;

/** Builds an {@link Explanation}: the decision of {@link LayeredDecision}, with every match that led to it. */
final class Explainer {
    private Explainer() {
    }

    /**
     * @param parsed the text as parsed
     * @param reply  the reply the rules were run on: {@code parsed} itself or the reply it quotes
     * @param ranked the rules' verdicts on {@code reply}, in {@link LayeredDecision#rank} order
     */
    static Explanation explain(ParsedReply parsed, ParsedReply reply, List<Verdict> ranked, RuleSet rules) {
        Diagnosis diagnosis = LayeredDecision.decide(reply, ranked, rules);
        Taxonomy taxonomy = rules.catalog().taxonomy();
        List<Explanation.Match> matches = new ArrayList<>();
        boolean first = true;
        for (Verdict v : ranked) {
            RuleSet.Placed placed = rules.place(v.rulePackage(), v.ruleName());
            matches.add(new Explanation.Match(placed.layer(), v.category(),
                    position(taxonomy, v.category()), placed.location(), v.params(),
                    first && diagnosis.basis().isWording()));
            first = false;
        }
        CodeMeaning enhanced = rules.catalog().statusCodes().enhanced(reply.enhancedCode());
        if (enhanced != null) {
            String category = enhanced.categoryFor(reply.enhancedCode().statusClass());
            matches.add(codeMatch(Basis.ENHANCED_CODE, category, "enhanced status code X." + enhanced.code(),
                    enhanced, diagnosis, taxonomy));
        }
        CodeMeaning replyCode = rules.catalog().statusCodes().reply(reply.code());
        if (replyCode != null) {
            matches.add(codeMatch(Basis.REPLY_CODE, replyCode.category(), "reply code " + replyCode.code(),
                    replyCode, diagnosis, taxonomy));
        }
        if (diagnosis.basis().isUntaught()) { // the near wording (its rule) or the fallback (no rule) decided
            matches.add(new Explanation.Match(diagnosis.basis(), diagnosis.category(),
                    position(taxonomy, diagnosis.category()), diagnosis.rule(), Map.of(), true));
        }
        return new Explanation(diagnosis, parsed, matches, reply != parsed);
    }

    private static Explanation.Match codeMatch(Basis layer, String category, String name, CodeMeaning entry,
                                               Diagnosis diagnosis, Taxonomy taxonomy) {
        return new Explanation.Match(layer, category, position(taxonomy, category),
                new RuleRef(name, entry.file(), entry.line()), Map.of(), diagnosis.basis() == layer);
    }

    private static int position(Taxonomy taxonomy, String category) {
        return taxonomy.get(category).precedence() + 1;
    }
}
