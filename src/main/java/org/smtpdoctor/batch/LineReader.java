package org.smtpdoctor.batch;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines on '\n' only, dropping one '\r' before it: a stray '\r' or any other control
 * character inside a line stays part of that line, so the line count agrees with {@code wc -l} (plus a
 * last line without '\n').
 */
final class LineReader {
    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;

    LineReader(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end. */
    String next() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position >= limit && !fill()) {
                return line == null ? null : withoutCarriageReturn(line);
            }
            if (line == null) {
                line = new StringBuilder();
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.append(buffer, start, position - start);
            if (position < limit) {
                position++;
                return withoutCarriageReturn(line);
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private static String withoutCarriageReturn(StringBuilder line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }
}
