package org.smtpdoctor.reply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * The error texts of an application's output read line by line ({@code some-app 2>&1 | smtp-doctor diagnose}):
 * each line is a text, except that a logged stack trace is one text with its exception line. A line joins the
 * text before it when it is a stack frame ({@code \tat …}), a {@code ... 12 more} line, a {@code Caused by:} or
 * {@code Suppressed:} line, Jakarta Mail's {@code nested exception is:} line or the line after it (the chained
 * exception). Blank lines separate texts and are no text themselves.
 *
 * <p>Bounded: a text keeps at most {@link #MAX_TEXT_CHARS} characters (the parser reads no more); the frames
 * of a longer trace are read and dropped, so an endless trace cannot fill memory.
 */
public final class LoggedTexts implements Iterator<String> {
    /** As much as {@link ReplyParser} reads of a text. */
    public static final int MAX_TEXT_CHARS = 64 * 1024;
    private static final Pattern PART_OF_TRACE = Pattern.compile(
            "^(?:\\s+at \\S|\\s*\\.\\.\\. \\d+ (?:more|common frames omitted)|\\s*(?:Caused by|Suppressed): "
                    + "|\\s*nested exception is:)");
    private static final Pattern NESTED = Pattern.compile("nested exception is:\\s*$");

    private final BufferedReader in;
    private String pending;
    private String next;
    private boolean ended;

    public LoggedTexts(BufferedReader in) {
        this.in = in;
    }

    /** Whether {@code line} continues the text of {@code previous} (the line before it). */
    static boolean continues(String previous, String line) {
        return PART_OF_TRACE.matcher(line).find() || (NESTED.matcher(previous).find() && !line.isBlank());
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            next = read();
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String text = next;
        next = null;
        return text;
    }

    private String read() {
        try {
            String first = pending != null ? pending : in.readLine();
            pending = null;
            while (first != null && first.isBlank()) {
                first = in.readLine();
            }
            if (first == null) {
                ended = true;
                return null;
            }
            StringBuilder text = new StringBuilder(first.length() > MAX_TEXT_CHARS ? first.substring(0, MAX_TEXT_CHARS) : first);
            String previous = first;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!continues(previous, line)) {
                    pending = line;
                    return text.toString();
                }
                if (text.length() + 1 + line.length() <= MAX_TEXT_CHARS) {
                    text.append('\n').append(line);
                }
                previous = line;
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
