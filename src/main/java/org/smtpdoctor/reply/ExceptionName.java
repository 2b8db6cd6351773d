package org.smtpdoctor.reply;

/**
 * The class name that opens an exception message: fully qualified with a lower-case package
 * ({@code jakarta.mail.MessagingException: }), or any dotted or bare name ending in Exception or Error
 * ({@code System.Net.Mail.SmtpException}, {@code SMTPAuthenticationError}), then ": " or the end. Read by a
 * scan that accepts what the regular expression
 * {@code ^(?:(?:[a-z_$][\w$]*\.){1,16}|(?:[A-Za-z_$][\w$]*\.){0,16}(?=[A-Z][\w$]*(?:Exception|Error)\b))([A-Z][\w$]*)(?::\s*|$)}
 * accepted.
 *
 * @param nameStart where the simple name starts
 * @param nameEnd   where it ends
 * @param end       where the message after it starts
 */
record ExceptionName(int nameStart, int nameEnd, int end) {
    private static final int MAX_PACKAGES = 16;

    /** The name that opens {@code message}, or null. */
    static ExceptionName at(String message) {
        int qualified = afterPackages(message, true);
        ExceptionName name = qualified > 0 && isUpper(message, qualified) ? nameAt(message, qualified) : null;
        if (name != null) {
            return name;
        }
        int any = afterPackages(message, false);
        return isUpper(message, any) && namesThrowable(message, any) ? nameAt(message, any) : null;
    }

    /** The simple name in {@code message}. */
    String simpleName(String message) {
        return message.substring(nameStart, nameEnd);
    }

    /**
     * Where the name after the leading {@code package.} parts (at most 16) starts; with {@code lowerCase}, parts
     * starting with a lower-case letter, '_' or '$' only, and -1 when there is none.
     */
    private static int afterPackages(String text, boolean lowerCase) {
        int at = 0;
        int parts = 0;
        while (parts < MAX_PACKAGES && at < text.length() && startsPart(text.charAt(at), lowerCase)) {
            int end = partEnd(text, at + 1);
            if (end >= text.length() || text.charAt(end) != '.') {
                break;
            }
            at = end + 1;
            parts++;
        }
        return lowerCase && parts == 0 ? -1 : at;
    }

    private static boolean startsPart(char c, boolean lowerCase) {
        return (c >= 'a' && c <= 'z') || c == '_' || c == '$' || (!lowerCase && c >= 'A' && c <= 'Z');
    }

    /** The end of the run of {@code [\w$]} from {@code at}. */
    private static int partEnd(String text, int at) {
        int i = at;
        while (i < text.length() && (Chars.isWord(text.charAt(i)) || text.charAt(i) == '$')) {
            i++;
        }
        return i;
    }

    private static boolean isUpper(String text, int at) {
        return at >= 0 && at < text.length() && text.charAt(at) >= 'A' && text.charAt(at) <= 'Z';
    }

    /** The name {@code [A-Z][\w$]*} at {@code at}, when ": " or the text's end follows it. */
    private static ExceptionName nameAt(String text, int at) {
        int end = partEnd(text, at + 1);
        if (end < text.length() && text.charAt(end) == ':') {
            return new ExceptionName(at, end, Chars.spacesEnd(text, end + 1));
        }
        return Chars.endsAt(text, end) ? new ExceptionName(at, end, end) : null;
    }

    /** Whether the name at {@code at} has "Exception" or "Error" in it, where a word ends. */
    private static boolean namesThrowable(String text, int at) {
        int end = partEnd(text, at + 1);
        for (int i = at + 1; i < end; i++) {
            if (text.charAt(i) == 'E') {
                int wordEnd = text.startsWith("Exception", i) ? i + 9 : text.startsWith("Error", i) ? i + 5 : -1;
                if (wordEnd > 0 && !Chars.wordGoesOn(text, wordEnd)) {
                    return true;
                }
            }
        }
        return false;
    }
}
