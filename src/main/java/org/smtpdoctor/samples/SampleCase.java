package org.smtpdoctor.samples;

import java.util.Map;

/**
 * One sample case: an error text and what smtp-doctor must conclude about it.
 *
 * @param file     the sample file, relative to the samples directory
 * @param line     the case's line in that file
 * @param text     the error text
 * @param expect   the expected category (the file's category unless the case names another)
 * @param source   where the wording comes from (provider documentation, RFC, MTA source, a real log)
 * @param basis    the expected basis id, or null when any basis will do
 * @param params   parameters the diagnosis must have, with these values
 * @param advice   per language, a fragment the rendered advice must contain
 */
public record SampleCase(String file, int line, String text, String expect, String source, String basis,
                         Map<String, String> params, Map<String, String> advice) {

    /** A short name for test reports: {@code auth/invalid-credentials.yaml:12}. */
    public String location() {
        return file + ":" + line;
    }
}
