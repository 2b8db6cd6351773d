package org.smtpdoctor.catalog;

/**
 * One text of the catalog where its author wrote it: an advice title, explanation or remedy step, a
 * category's one-line description, or an entry's key. Kept by the catalog so that checks of its texts
 * (placeholders no rule provides, unfinished stubs) point at the line without reading the YAML again.
 *
 * @param category the category the text belongs to
 * @param what     what the text is, in words: "the English title", "remedy step 2 in Russian", "the entry"
 * @param file     the file, relative to the rules folder
 * @param line     1-based line
 * @param column   1-based column
 * @param text     the text as written (the key itself for an entry)
 */
public record CatalogText(String category, String what, String file, int line, int column, String text) {
    /** The marker of a text not written yet: new-rule writes its stubs with it, and it must never reach a user. */
    public static final String UNFINISHED_MARKER = "TODO";

    /** True when this is a stub still to be written (it holds {@value #UNFINISHED_MARKER}). */
    public boolean isUnfinished() {
        return text.contains(UNFINISHED_MARKER);
    }

    /** The language's name for messages: English for en, Russian for ru, else the code. */
    static String languageName(String language) {
        return switch (language) {
            case "en" -> "English";
            case "ru" -> "Russian";
            default -> "'" + language + "'";
        };
    }
}
