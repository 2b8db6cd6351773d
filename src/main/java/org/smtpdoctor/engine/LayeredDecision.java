package org.smtpdoctor.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smtpdoctor.catalog.Catalog;
import org.smtpdoctor.catalog.CodeMeaning;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.reply.ParsedReply;
import org.smtpdoctor.rules.Verdict;

/**
 * Decides one diagnosis from the rules' verdicts and the code tables, layer by layer:
 * provider wording rules, then concept wording rules, then the enhanced status code, then stage rules (the SMTP
 * command a text names, which tells only the family, where an enhanced code names the cause; in a text without a reply
 * code, a wording of the same family said nearly names the cause in its place), then the reply code, then, for a text
 * without a reply code, a wording said nearly ({@link NearWordings}), then unknown.*.
 *
 * <p>When several wording rules of one layer match, the winner is the verdict whose category comes first in
 * categories.yaml; within one category, the rule written first (by file, then line). A code layer
 * whose table says unknown.* does not decide: the next layer gets its turn.
 */
final class LayeredDecision {
    private LayeredDecision() {
    }

    /** @param ranked the rules' verdicts in {@link #rank} order */
    static Diagnosis decide(ParsedReply reply, List<Verdict> ranked, RuleSet rules) {
        Catalog catalog = rules.catalog();

        CodeMeaning enhanced = catalog.statusCodes().enhanced(reply.enhancedCode());
        CodeMeaning replyCode = catalog.statusCodes().reply(reply.code());
        String enhancedCategory = enhanced == null ? null : enhanced.categoryFor(reply.enhancedCode().statusClass());
        String replyCategory = replyCode == null ? null : replyCode.category();

        Set<String> candidates = new LinkedHashSet<>();
        ranked.forEach(v -> candidates.add(v.category()));
        addIfKnown(candidates, enhancedCategory);
        addIfKnown(candidates, replyCategory);

        String category;
        Basis basis;
        RuleRef rule;
        Map<String, String> params = Map.of();
        NearWordings.Near near;
        RuleSet.Placed first = ranked.isEmpty() ? null : rules.place(ranked.get(0).rulePackage(), ranked.get(0).ruleName());
        Basis winnerLayer = first == null ? Basis.NONE : first.layer();
        // Provider and concept wordings decide before the enhanced code; a stage rule only where the code names no cause.
        boolean stageDecides = winnerLayer == Basis.STAGE && !isKnown(enhancedCategory);
        if (stageDecides && (near = nearInFamily(reply, ranked.get(0).category(), rules)) != null) {
            category = near.category();
            basis = Basis.NEAR_WORDING;
            rule = near.wording();
        } else if (winnerLayer == Basis.PATTERN || winnerLayer == Basis.CONCEPT || stageDecides) {
            Verdict winner = ranked.get(0);
            category = winner.category();
            basis = winnerLayer;
            rule = first.location();
            params = winner.params();
        } else if (isKnown(enhancedCategory)) {
            category = enhancedCategory;
            basis = Basis.ENHANCED_CODE;
            rule = new RuleRef("enhanced status code X." + enhanced.code(), enhanced.file(), enhanced.line());
        } else if (isKnown(replyCategory)) {
            category = replyCategory;
            basis = Basis.REPLY_CODE;
            rule = new RuleRef("reply code " + replyCode.code(), replyCode.file(), replyCode.line());
        } else if (reply.code() == 0 && (near = rules.near().nearest(reply.text())) != null) {
            // Only a text without a reply code: a coded reply no wording took keeps its code's class (below).
            category = near.category();
            basis = Basis.NEAR_WORDING;
            rule = near.wording();
        } else {
            category = switch (catalog.statusCodes().failureClass(reply)) {
                case 4 -> Taxonomy.UNKNOWN_TRANSIENT;
                case 5 -> Taxonomy.UNKNOWN_PERMANENT;
                default -> Taxonomy.UNKNOWN_UNCLASSIFIED;
            };
            basis = Basis.NONE;
            rule = null;
        }
        candidates.remove(category);
        return new Diagnosis(reply.input(), category, basis, reply.code(), reply.enhancedCode(), params,
                List.copyOf(candidates), rule, enhanced != null ? enhanced : replyCode, catalog, rules.version(),
                reply.truncated(), reply.stage());
    }

    /**
     * Whether {@code quoted}, the diagnosis of a reply another server gave as a text quotes it, names a cause by a
     * rule (provider, concept or near wording), so that it decides before the quoting text's own words; a quote that
     * gets only a code table's answer, a stage rule's family or unknown.* leaves the decision to the whole text.
     */
    static boolean namesCause(Diagnosis quoted) {
        Basis basis = quoted.basis();
        return (basis == Basis.PATTERN || basis == Basis.CONCEPT || basis == Basis.NEAR_WORDING)
                && isKnown(quoted.category());
    }

    /** The verdicts in the order that decides: layer (provider first), category precedence, then file, then line. */
    static List<Verdict> rank(List<Verdict> verdicts, RuleSet rules) {
        if (verdicts.size() <= 1) {
            return List.copyOf(verdicts);
        }
        Taxonomy taxonomy = rules.catalog().taxonomy();
        List<Placing> placings = new ArrayList<>(verdicts.size());
        for (Verdict v : verdicts) {
            placings.add(new Placing(v, rules.place(v.rulePackage(), v.ruleName()), taxonomy.get(v.category()).precedence()));
        }
        placings.sort(Comparator
                .comparing((Placing p) -> p.placed().layer())
                .thenComparingInt(Placing::precedence)
                .thenComparing(p -> p.placed().location().file())
                .thenComparingInt(p -> p.placed().location().line()));
        return placings.stream().map(Placing::verdict).toList();
    }

    /** A verdict with its rule's place and its category's precedence, each looked up once, not per comparison. */
    private record Placing(Verdict verdict, RuleSet.Placed placed, int precedence) {
    }

    /**
     * The command a stage rule reads names the family only: in a text without a reply code, a wording of that family
     * said nearly names the cause. Null when there is none, or when the stage rule's category is a fallback (a notice
     * that says only the failure's class names no family, so the near wordings are not looked up).
     */
    private static NearWordings.Near nearInFamily(ParsedReply reply, String stageCategory, RuleSet rules) {
        if (reply.code() != 0 || !isKnown(stageCategory)) {
            return null;
        }
        NearWordings.Near near = rules.near().nearest(reply.text());
        Taxonomy taxonomy = rules.catalog().taxonomy();
        return near != null && taxonomy.get(near.category()).family().equals(taxonomy.get(stageCategory).family())
                ? near : null;
    }

    private static boolean isKnown(String category) {
        return !Taxonomy.isFallback(category);
    }

    private static void addIfKnown(Set<String> candidates, String category) {
        if (isKnown(category)) {
            candidates.add(category);
        }
    }
}
