package org.smtpdoctor.authoring;

import java.util.List;
import org.smtpdoctor.engine.RuleSetCheck;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.wording.RuleWording;

/**
 * A regex wording that contains no word of three characters or more that every match holds: the engine finds
 * wordings by their words in one pass over a text, and one without such a word is run by the regex engine on
 * nearly every text (one such guard was a tenth of batch's time). A warning at the wording; a rule's guards
 * ({@code unless}) only when it has no {@code says}, since they are tried only where its wordings occur.
 */
final class CostlyRegexes {
    private static final int LETTERS = 3;

    private CostlyRegexes() {
    }

    static void check(RuleSetCheck rules, Problems problems) {
        for (RuleSetCheck.Rule rule : rules.rules()) {
            if (rule.yaml() != null) {
                check(rule, rule.yaml().says(), problems);
                if (rule.yaml().says().isEmpty()) {
                    check(rule, rule.yaml().unless(), problems); // with wordings, a guard runs only where they occur
                }
            }
        }
    }

    private static void check(RuleSetCheck.Rule rule, List<RuleWording> wordings, Problems problems) {
        for (RuleWording wording : wordings) {
            if (wording.wording().regex() && !RuleSetCheck.hasRequiredWord(wording.wording().pattern(), LETTERS)) {
                problems.warning(rule.rule().file(), wording.line(), wording.column(), "the regex "
                        + TodoMarkers.span(wording.wording().written()) + " contains no word of " + LETTERS
                        + " characters or more that every match holds, so it is run on nearly every reply and slows"
                        + " the engine: put such a word in it (an exception's name, a fixed word of the reply), or"
                        + " write it as a text wording");
            }
        }
    }
}
