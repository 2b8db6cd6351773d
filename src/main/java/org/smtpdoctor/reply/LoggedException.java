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
    private static final Pattern HEADER = Pattern.compile(
            "^(?:Caused by:\\s*|Suppressed:\\s*)?((?:[a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error))(?::\\s?(.*))?$");
    private static final Pattern FRAME = Pattern.compile("^at\\s+([\\w$.]+)\\.([\\w$<>]+)\\(.*\\)$");
    private static final Pattern NESTED_IS = Pattern.compile(";?\\s*nested exception is:?\\s*$");
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
        for (String raw : text.split("\r\n|\r|\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.length() > MAX_LINE_CHARS) {
                continue;
            }
            Matcher frame = FRAME.matcher(line);
            if (frame.matches()) {
                if (name != null) {
                    frames.add(frame.group(1) + "." + frame.group(2));
                }
                continue;
            }
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                if (name != null) {
                    chain.add(new LoggedException(name, message, frames));
                    if (chain.size() == MAX_EXCEPTIONS) {
                        return chain;
                    }
                }
                name = header.group(1);
                message = header.group(2) == null ? "" : NESTED_IS.matcher(header.group(2)).replaceAll("");
                frames = new ArrayList<>();
            }
        }
        if (name != null) {
            chain.add(new LoggedException(name, message, frames));
        }
        return chain;
    }

    /** The class name without its package: {@code SMTPSendFailedException}. */
    String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
