package org.smtpdoctor.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule's conclusion about one reply.
 *
 * @param category    the category id the rule concluded
 * @param rulePackage the DRL package of the rule
 * @param ruleName    the rule's name
 * @param given       parameters the rule states itself ({@code provider}); a value read from the text replaces one
 * @param matches     the wordings and patterns the rule matched, in its conditions' order: their placeholders and
 *                    named groups are read from the text only when {@link #params()} is asked for
 * @param saidIds     the ids of the {@link Said} facts among them, in the same order
 */
public record Verdict(String category, String rulePackage, String ruleName, Map<String, String> given,
                      List<TextMatch> matches, List<String> saidIds) {

    /** What the rule's wordings and patterns read from the text, over the parameters it states itself. */
    public Map<String, String> params() {
        if (matches.isEmpty()) {
            return given;
        }
        Map<String, String> params = new LinkedHashMap<>(given);
        matches.forEach(m -> params.putAll(m.params()));
        return Collections.unmodifiableMap(params);
    }
}
