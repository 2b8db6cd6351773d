package org.smtpdoctor.authoring;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.smtpdoctor.engine.RuleSetCheck;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.wording.RuleWording;

/**
 * A regex wording that contains no word of three characters or more that every match holds: the engine finds
 * wordings by their words in one pass over a text, and one without such a word is run by the regex engine on
 * nearly every text (one such guard was a tenth of batch's time). A warning at the wording; a rule's guards
 * ({@code unless}) only when it has no {@code says}, since they are tried only where its wordings occur. A text
 * wording the one pass cannot read (letters beyond the Basic Multilingual Plane, such as Shavian's: four of them made
 * batch three times slower) is warned of the same way.
 */
final class CostlyWordings {
    private static final int LETTERS = 3;

    private CostlyWordings() {
    }

    static void check(RuleSetCheck rules, Problems problems) {
        List<Placed> texts = new ArrayList<>();
        for (RuleSetCheck.Rule rule : rules.rules()) {
            if (rule.yaml() != null) {
                check(rule, rule.yaml().says(), problems, texts);
                if (rule.yaml().says().isEmpty()) {
                    // With wordings, a guard runs only where they occur.
                    check(rule, rule.yaml().unless(), problems, texts);
                }
            }
        }
        BitSet unread = RuleSetCheck.runOnEveryReply(texts.stream().map(t -> t.wording().wording().pattern()).toList());
        for (int i = unread.nextSetBit(0); i >= 0; i = unread.nextSetBit(i + 1)) {
            RuleWording wording = texts.get(i).wording();
            problems.warning(texts.get(i).rule().rule().file(), wording.line(), wording.column(), "the wording "
                    + TodoMarkers.span(wording.wording().written()) + " holds no phrase the engine's one pass over a"
                    + " reply can read (letters beyond the common ones of every script, such as Shavian's), so the"
                    + " regex engine runs it on every reply and slows the engine: write it in the letters the reply"
                    + " is written in, or leave it out");
        }
    }

    /** Warns of the costly regexes among {@code wordings} now; adds the text wordings to {@code texts}. */
    private static void check(RuleSetCheck.Rule rule, List<RuleWording> wordings, Problems problems, List<Placed> texts) {
        for (RuleWording wording : wordings) {
            if (!wording.wording().regex()) {
                texts.add(new Placed(rule, wording));
            } else if (!RuleSetCheck.hasRequiredWord(wording.wording().pattern(), LETTERS)) {
                problems.warning(rule.rule().file(), wording.line(), wording.column(), "the regex "
                        + TodoMarkers.span(wording.wording().written()) + " contains no word of " + LETTERS
                        + " characters or more that every match holds, so it is run on nearly every reply and slows"
                        + " the engine: put such a word in it (an exception's name, a fixed word of the reply), or"
                        + " write it as a text wording");
            }
        }
    }

    /** A text wording and the rule it belongs to. */
    private record Placed(RuleSetCheck.Rule rule, RuleWording wording) {
    }
}
