package org.smtpdoctor.authoring;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.smtpdoctor.engine.RuleSetCheck;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.wording.RuleWording;

/**
 * A wording written twice in one rule: harmless to the engine, which matches each pattern once, but a sign the
 * author did not know that capitals, spacing, the apostrophe's form and Turkish dotted and dotless i do not
 * count. A warning at the second, naming the first.
 */
final class RepeatedWordings {
    private RepeatedWordings() {
    }

    static void check(RuleSetCheck rules, Problems problems) {
        for (RuleSetCheck.Rule rule : rules.rules()) {
            if (rule.yaml() == null) {
                continue;
            }
            Map<String, RuleWording> first = new HashMap<>();
            for (RuleWording wording : rule.yaml().says()) {
                // A wording's pattern escapes no letter, so its lower case is the same pattern read without capitals.
                String pattern = wording.wording().pattern();
                RuleWording earlier = first.putIfAbsent(wording.wording().regex() ? pattern
                        : pattern.toLowerCase(Locale.ROOT), wording);
                if (earlier != null) {
                    problems.warning(rule.rule().file(), wording.line(), wording.column(), "the wording "
                            + TodoMarkers.span(wording.wording().written()) + " is the one at line " + earlier.line()
                            + " as the engine reads replies (capitals, spacing, the apostrophe's form and Turkish i"
                            + " do not count): remove this one, and add its source to the other's if it is another");
                }
            }
        }
    }
}
