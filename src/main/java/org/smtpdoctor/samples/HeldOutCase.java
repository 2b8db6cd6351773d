package org.smtpdoctor.samples;

/**
 * One case of the held-out evaluation set: a real reply or client error, the category a person gave it by
 * reading it, and where it came from.
 *
 * @param file     the case file, relative to the set's folder
 * @param line     the 1-based line of the case in that file
 * @param text     the text as the server, MTA or program printed it
 * @param expect   the category labelled by hand
 * @param kind     the kind of source: {@code provider}, {@code mta} or {@code client-library}
 * @param language the language of the text (ISO 639-1: en, ru, de, ...)
 * @param source   the repository, commit and path (or message id) the text was taken from
 */
public record HeldOutCase(String file, int line, String text, String expect, String kind, String language,
        String source) {
}
