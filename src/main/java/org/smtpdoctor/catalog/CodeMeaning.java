package org.smtpdoctor.catalog;

import java.util.Map;

/**
 * What a reply code or enhanced status code means, and what it falls back to when no wording rule decides.
 *
 * @param code              "535", or "7.8" for enhanced code X.7.8
 * @param category          the category for the code
 * @param transientCategory the category when the enhanced code's class is 4, if it differs (else null)
 * @param reference         the RFC that defines it
 * @param meaning           one sentence per language
 * @param file              the table file, relative to the rules directory
 * @param line              the entry's line in that file
 */
public record CodeMeaning(String code, String category, String transientCategory, String reference,
                          Map<String, String> meaning, String file, int line) {

    /** The category for a code of class {@code statusClass} (4 or 5). */
    public String categoryFor(int statusClass) {
        return statusClass == 4 && transientCategory != null ? transientCategory : category;
    }
}
