package org.smtpdoctor.engine;

import java.util.List;
import java.util.Map;
import org.smtpdoctor.reply.ParsedReply;

/**
 * How a diagnosis came about, for a rule author: what the parser made of the text, everything that matched
 * on each layer, and which match decided. Made by {@link Diagnoser#explain}.
 *
 * @param diagnosis    the diagnosis, the same {@link Diagnoser#diagnose} gives
 * @param reply        the parsed reply: codes and the text the rules matched against, and the reply it quotes
 * @param matches      every match on the reply that decided (the quoted one when {@code quoteDecided}), layer by
 *                     layer in the order the layers are tried; wording rules in the order that decides among them
 *                     (category precedence, then file, then line)
 * @param quoteDecided true when the reply {@code reply} quotes ({@link ParsedReply#quoted}) named a cause by a rule
 *                     and so decided on its own words; false when the whole text decided
 */
public record Explanation(Diagnosis diagnosis, ParsedReply reply, List<Match> matches, boolean quoteDecided) {

    public Explanation {
        matches = List.copyOf(matches);
    }

    /**
     * One rule or code table entry that recognised the reply.
     *
     * @param layer      the layer it belongs to; {@link Basis#NONE} for the fallback
     * @param category   what it concludes
     * @param precedence the category's 1-based position in categories.yaml (lower wins among wording rules)
     * @param source     the rule or table entry, with file and line; null for the fallback
     * @param params     what a wording rule extracted from the text; empty for the other layers
     * @param decided    true for the one match that decided the diagnosis
     */
    public record Match(Basis layer, String category, int precedence, RuleRef source, Map<String, String> params,
                        boolean decided) {
    }

    /** The match that decided. */
    public Match decision() {
        return matches.stream().filter(Match::decided).findFirst().orElseThrow();
    }
}
