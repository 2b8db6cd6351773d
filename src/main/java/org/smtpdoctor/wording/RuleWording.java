package org.smtpdoctor.wording;

/**
 * A wording as it stands in a rule file: compiled, with where it is written and where it was seen.
 *
 * @param wording the compiled wording
 * @param source  where the wording comes from (its own {@code source}, else the rule's)
 * @param line    1-based line of the wording in the rule file
 * @param column  1-based column of the wording
 */
public record RuleWording(Wording wording, String source, int line, int column) {
}
