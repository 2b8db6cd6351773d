package org.smtpdoctor.source;

/**
 * One thing wrong with a rule, catalog or sample file, at a position a person can open in an editor.
 *
 * @param file   path as the author knows it (relative to the rules or samples directory)
 * @param line   1-based line, or 0 when the source gives none
 * @param column 1-based column, or 0 when the source gives none
 */
public record Problem(String file, int line, int column, Severity severity, String message) {

    /** How bad a problem is: errors stop a rule set from loading, warnings do not. */
    public enum Severity { ERROR, WARNING }

    public static Problem error(String file, int line, int column, String message) {
        return new Problem(file, line, column, Severity.ERROR, message);
    }

    public static Problem warning(String file, int line, int column, String message) {
        return new Problem(file, line, column, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The compiler-style form {@code path:line:col: error: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
