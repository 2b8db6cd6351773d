package org.smtpdoctor.engine;

/**
 * Where the deciding knowledge of a diagnosis is written: a DRL rule, or an entry of a status code table.
 *
 * @param name the rule's name, or e.g. "enhanced status code X.7.8"
 * @param file path relative to the rules directory
 * @param line 1-based line
 */
public record RuleRef(String name, String file, int line) {

    @Override
    public String toString() {
        return file + ":" + line + " " + name;
    }
}
