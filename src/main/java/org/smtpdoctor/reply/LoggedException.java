package org.smtpdoctor.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One exception of a logged Java stack trace: its class, message and frames ({@code Class.method}).
 * {@link #read} splits a logged trace (outermost exception first, then each {@code Caused by:} or
 * {@code nested exception is:}) into these, so that the frames, which the reply text drops, can still
 * tell at which SMTP stage the failure happened.
 */
record LoggedException(String className, String message, List<String> frames) {
    private static final Pattern FRAME = Pattern.compile("^at\\s+([\\w$.]+)\\.([\\w$<>]+)\\(.*\\)$");
    private static final String NESTED_IS = "nested exception is";
    /** Enough for any real chain; a pasted log with more is cut, not slowed down. */
    private static final int MAX_EXCEPTIONS = 32;
    private static final int MAX_LINE_CHARS = 2000;

    LoggedException {
        frames = List.copyOf(frames);
    }

    /** The exceptions of a logged trace, outermost first; empty when the text holds no exception header. */
    static List<LoggedException> read(String text) {
        List<LoggedException> chain = new ArrayList<>();
        String name = null;
        String message = null;
        List<String> frames = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Chars.lineEnd(text, start);
            String line = text.substring(start, end).strip();
            start = text.startsWith("\r\n", end) ? end + 2 : end + 1;
            if (line.isEmpty() || line.length() > MAX_LINE_CHARS) {
                continue;
            }
            if (line.startsWith("at")) {
                Matcher frame = FRAME.matcher(line);
                if (frame.matches()) {
                    if (name != null) {
                        frames.add(frame.group(1) + "." + frame.group(2));
                    }
                    continue;
                }
            }
            String[] header = header(line);
            if (header != null) {
                if (name != null) {
                    chain.add(new LoggedException(name, message, frames));
                    if (chain.size() == MAX_EXCEPTIONS) {
                        return chain;
                    }
                }
                name = header[0];
                message = header[1];
                frames = new ArrayList<>();
            }
        }
        if (name != null) {
            chain.add(new LoggedException(name, message, frames));
        }
        return chain;
    }

    /**
     * The class name and message of a header line, the message without a trailing "nested exception is"; or null.
     * Read by a scan that accepts what the regular expressions
     * {@code ^(?:Caused by:\s*|Suppressed:\s*)?((?:[a-zA-Z_$][\w$]*\.)*[A-Z][\w$]*(?:Exception|Error))(?::\s?(.*))?$}
     * (matching the whole line) and {@code ;?\s*nested exception is:?\s*$} (removed from the message) accepted.
     */
    private static String[] header(String line) {
        int at = line.startsWith("Caused by:") ? Chars.spacesEnd(line, 10)
                : line.startsWith("Suppressed:") ? Chars.spacesEnd(line, 11) : 0;
        int nameEnd = at;
        while (nameEnd < line.length() && (Chars.isWord(line.charAt(nameEnd)) || line.charAt(nameEnd) == '$'
                || line.charAt(nameEnd) == '.')) {
            nameEnd++;
        }
        if (!isThrowableName(line, at, nameEnd)) {
            return null;
        }
        if (nameEnd == line.length()) {
            return new String[] {line.substring(at, nameEnd), ""};
        }
        if (line.charAt(nameEnd) != ':') {
            return null;
        }
        int messageStart = nameEnd + 1 < line.length() && Chars.isSpace(line.charAt(nameEnd + 1)) ? nameEnd + 2 : nameEnd + 1;
        for (int i = messageStart; i < line.length(); i++) {
            if (Chars.isLineTerminator(line.charAt(i))) {
                return null;
            }
        }
        return new String[] {line.substring(at, nameEnd), withoutNestedIs(line.substring(messageStart))};
    }

    /** Whether [from, to) is dot-separated parts, each from {@code [a-zA-Z_$]}, the last {@code [A-Z][\w$]*(?:Exception|Error)}. */
    private static boolean isThrowableName(String line, int from, int to) {
        int last = line.lastIndexOf('.', to - 1) + 1;
        if (last <= from) {
            last = from;
        }
        for (int part = from; part < last; ) {
            int dot = line.indexOf('.', part);
            char first = line.charAt(part);
            if (dot == part || !(Chars.isAlpha(first) || first == '_' || first == '$')) {
                return false;
            }
            part = dot + 1;
        }
        int suffix = line.startsWith("Exception", to - 9) && to - 9 > last ? 9 : line.startsWith("Error", to - 5) && to - 5 > last ? 5 : 0;
        return suffix > 0 && line.charAt(last) >= 'A' && line.charAt(last) <= 'Z';
    }

    /** {@code message} without a trailing {@code ;?\s*nested exception is:?\s*}. */
    private static String withoutNestedIs(String message) {
        int end = message.length();
        while (end > 0 && Chars.isSpace(message.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && message.charAt(end - 1) == ':') {
            end--;
        }
        if (!message.startsWith(NESTED_IS, end - NESTED_IS.length())) {
            return message;
        }
        int start = end - NESTED_IS.length();
        while (start > 0 && Chars.isSpace(message.charAt(start - 1))) {
            start--;
        }
        if (start > 0 && message.charAt(start - 1) == ';') {
            start--;
        }
        return message.substring(0, start);
    }

    /** The class name without its package: {@code SMTPSendFailedException}. */
    String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
