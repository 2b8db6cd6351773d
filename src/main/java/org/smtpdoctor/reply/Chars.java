package org.smtpdoctor.reply;

/**
 * Character classes as {@link java.util.regex.Pattern} reads them without flags, for the parser's hand-written
 * scans: they replace patterns and must accept exactly what the patterns did.
 */
final class Chars {
    private Chars() {
    }

    /** {@code \s}: {@code [ \t\n\x0B\f\r]}. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** {@code \d}: {@code [0-9]}. */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \w}: {@code [a-zA-Z_0-9]}. */
    static boolean isWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
    }

    /** {@code [a-zA-Z]}. */
    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** {@code [a-zA-Z0-9]}. */
    static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    /** The end of the run of {@code \s} from {@code from}. */
    static int spacesEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the line that holds {@code from} ends: at the next CR or LF, or the text's end. */
    static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The end of the run of digits from {@code from}. */
    static int digitsEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether {@code text} holds {@code count} digits at {@code at}. */
    static boolean digitsAt(String text, int at, int count) {
        return digitsEnd(text, at) - at >= count;
    }

    /**
     * Whether a word goes on at {@code at}, as {@code \b} after a letter sees it: a letter, digit, '_', or a
     * combining mark (which belongs to the letter before it).
     */
    static boolean wordGoesOn(String text, int at) {
        if (at >= text.length()) {
            return false;
        }
        int c = text.codePointAt(at);
        return c == '_' || Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /**
     * {@code $} without flags: at the end of the text, or before a line terminator that ends it
     * ({@code \n}, {@code \r\n}, {@code \r}, U+0085, U+2028, U+2029).
     */
    static boolean endsAt(String text, int at) {
        int n = text.length();
        if (at == n) {
            return true;
        }
        if (at == n - 2) {
            return text.charAt(at) == '\r' && text.charAt(at + 1) == '\n';
        }
        if (at != n - 1) {
            return false;
        }
        char c = text.charAt(at);
        return (c == '\n' && (at == 0 || text.charAt(at - 1) != '\r')) || c == '\r' || c == '\u0085' || (c | 1) == '\u2029';
    }

    /** {@code .} without flags: any character but a line terminator. */
    static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || (c | 1) == '\u2029';
    }
}
