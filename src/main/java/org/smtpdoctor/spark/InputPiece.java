package org.smtpdoctor.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * What one task reads: a whole input, or the lines that start within bytes {@code [start, end)} of a
 * line-based, uncompressed one. A piece owns each line that starts inside it, also when the line ends
 * beyond it, so pieces side by side read every line exactly once; {@code newlinesBefore} (counted in a
 * first pass) numbers the lines exactly as a reading of the whole file would.
 *
 * @param path           the input, as Hadoop's FileSystem names it
 * @param name           the input's name as records give it (as given on the command line)
 * @param start          the piece's first byte
 * @param end            the byte after the piece; -1 for a whole input
 * @param newlinesBefore the '\n' bytes in {@code [0, start)}
 */
record InputPiece(String path, String name, long start, long end, long newlinesBefore) implements Serializable {

    static InputPiece whole(String path, String name) {
        return new InputPiece(path, name, 0, -1, 0);
    }

    boolean isWhole() {
        return end < 0;
    }

    /** The piece's lines, and how many lines of the input come before them. */
    record Opened(InputStream in, long linesBefore) {
    }

    /**
     * Positions {@code file} at the piece's first line and bounds it after its last. A piece that starts
     * inside a line skips to the next one (that line belongs to the piece before).
     */
    Opened open(FSDataInputStream file) throws IOException {
        if (start == 0) {
            return new Opened(new Bounded(file, end), 0);
        }
        file.seek(start - 1);
        long position = start - 1;
        int b;
        do {
            b = file.read();
            position++;
        } while (b >= 0 && b != '\n');
        // The '\n' just read is the one at position - 1; when it was the byte before start, no line was skipped.
        long linesBefore = newlinesBefore + (position - 1 == start - 1 ? 0 : 1);
        if (b < 0 || position >= end) {
            return new Opened(InputStream.nullInputStream(), linesBefore);
        }
        return new Opened(new Bounded(file, end - position), linesBefore);
    }

    /**
     * The stream up to {@code limit} bytes, then on to the end of the line that byte belongs to: it stops
     * after the first '\n' at or after the limit's last byte.
     */
    static final class Bounded extends InputStream {
        private final InputStream in;
        /** Bytes left before the limit; -1 for no limit. */
        private long remaining;
        /** Past the limit, in the last line. */
        private boolean tail;
        private boolean done;

        Bounded(InputStream in, long limit) {
            this.in = in;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n;
            do {
                n = read(one, 0, 1);
            } while (n == 0);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int n = in.read(buffer, offset, remaining > 0 && !tail ? (int) Math.min(length, remaining) : length);
            if (n < 0) {
                done = true;
                return -1;
            }
            if (tail) {
                for (int i = 0; i < n; i++) {
                    if (buffer[offset + i] == '\n') {
                        done = true;
                        return i + 1;
                    }
                }
            } else if (remaining > 0) {
                remaining -= n;
                if (remaining == 0) {
                    done = buffer[offset + n - 1] == '\n';
                    tail = !done;
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
