package org.smtpdoctor.wording;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One rule of a YAML rule file: conditions on the reply's codes, stage and exceptions, the wordings that say
 * the cause, and the wordings that veto it. It matches when every condition given holds (a rule giving both
 * {@code code} and {@code enhanced} needs either one), one of {@code says} occurs (when given) and none of
 * {@code unless} does.
 *
 * @param name       the rule's name in its file; the Drools rule is named {@code <category>: <name>}
 * @param provider   the provider the wordings belong to, or null; becomes the parameter {@code provider}
 * @param layer      provider wordings (the default) decide before concept wordings
 * @param codes      the reply codes the rule is limited to, or null
 * @param notCodes   reply codes the rule does not apply to, or null
 * @param enhanced   enhanced status codes the rule is limited to ({@code 5.7.8}); empty for any
 * @param stages     SMTP stages the rule is limited to ({@code end-of-data}); empty for any
 * @param exceptions simple class names of exceptions, one of which must be in the chain; empty for any
 * @param says       the wordings, one of which must occur; empty when the conditions alone decide
 * @param unless     wordings that, when one occurs, keep the rule from matching
 * @param line       1-based line of the rule in its file
 * @param column     1-based column of the rule
 */
public record WordingRule(String name, String provider, RuleLayer layer, CodeSet codes, CodeSet notCodes, List<String> enhanced,
                          List<String> stages, List<String> exceptions, List<RuleWording> says,
                          List<RuleWording> unless, int line, int column) {

    /** Every parameter the rule can give the advice: its wordings' placeholders and {@code provider}. */
    public Set<String> params() {
        Set<String> params = new LinkedHashSet<>();
        says.forEach(w -> params.addAll(w.wording().params()));
        if (provider != null) {
            params.add("provider");
        }
        return params;
    }
}
