package org.smtpdoctor.catalog;

import java.util.List;

/**
 * Advice in one language, with placeholders filled from the diagnosis' parameters.
 *
 * @param language    the language the text is in, e.g. {@code ru}
 * @param title       one line
 * @param explanation what happened
 * @param remedy      what to do, step by step
 * @param links       documentation to read
 */
public record Advice(String language, String title, String explanation, List<String> remedy, List<String> links) {
}
