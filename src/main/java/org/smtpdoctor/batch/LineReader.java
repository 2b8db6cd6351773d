package org.smtpdoctor.batch;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines on '\n' only, dropping one '\r' before it: a stray '\r' or any other control
 * character inside a line stays part of that line, so the line count agrees with {@code wc -l} (plus a
 * last line without '\n'). A line longer than {@link #MAX_LINE_CHARS} keeps only its start (the rest is
 * skipped, not buffered, so memory stays bounded) and {@link #overlong()} says so.
 */
final class LineReader {
    /** 1 MiB of characters: far more than any reply; the parser reads only the first 64 KiB anyway. */
    static final int MAX_LINE_CHARS = 1 << 20;
    private final Reader in;
    private final int maxLineChars;
    private final char[] buffer = new char[64 * 1024];
    private final StringBuilder line = new StringBuilder(256);
    private int position;
    private int limit;
    private boolean overlong;

    LineReader(Reader in) {
        this(in, MAX_LINE_CHARS);
    }

    LineReader(Reader in, int maxLineChars) {
        this.in = in;
        this.maxLineChars = maxLineChars;
    }

    /** The next line without its terminator, or null at the end. */
    String next() throws IOException {
        line.setLength(0);
        overlong = false;
        boolean any = false;
        while (true) {
            if (position >= limit && !fill()) {
                return any ? withoutCarriageReturn() : null;
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int room = maxLineChars - line.length();
            int length = position - start;
            if (length > room) {
                overlong = true;
                length = Math.max(room, 0);
            }
            line.append(buffer, start, length);
            if (position < limit) {
                position++;
                return withoutCarriageReturn();
            }
        }
    }

    /** True when the line {@link #next} returned last was longer than the limit and was cut. */
    boolean overlong() {
        return overlong;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private String withoutCarriageReturn() {
        int end = line.length();
        if (!overlong && end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }
}
