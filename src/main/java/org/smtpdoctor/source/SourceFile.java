package org.smtpdoctor.source;

/**
 * A text file read from a rules or samples directory.
 *
 * @param name    path relative to the directory, with '/' separators (what problems and traces show)
 * @param content the whole text
 */
public record SourceFile(String name, String content) {
}
