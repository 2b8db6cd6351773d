package org.smtpdoctor.rules;

import java.util.Map;

/**
 * One rule's conclusion about one reply.
 *
 * @param category    the category id the rule concluded
 * @param rulePackage the DRL package of the rule
 * @param ruleName    the rule's name
 * @param params      what the rule's patterns extracted from the text
 */
public record Verdict(String category, String rulePackage, String ruleName, Map<String, String> params) {
}
