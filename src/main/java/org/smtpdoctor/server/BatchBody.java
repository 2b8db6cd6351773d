package org.smtpdoctor.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The log a {@code /api/batch} request sends, so that one over the limit is refused with 413 and a problem before
 * any record is answered (once the first record streams out, the status is 200 and cannot change). A body that
 * declares its length is checked at once and streamed as it arrives. A body without one (chunked) cannot be
 * measured before it is read, so it is first spooled to a temporary file, at most the limit plus one byte: memory
 * stays bounded, the disk holds at most the limit, and the file is deleted when the request ends. Either way,
 * the rest of a body over the limit is read and dropped, a bounded amount, before the 413 is answered.
 */
final class BatchBody implements AutoCloseable {
    /**
     * How much more of a body over the limit is read and dropped before the 413: a client still sending it would
     * otherwise meet a reset connection instead of the answer (RFC 9112, 9.6). Beyond it the body is cut off.
     */
    static final long DRAINED_AT_MOST = 4L * 1024 * 1024;
    private final InputStream stream;
    private final Path spool;

    private BatchBody(InputStream stream, Path spool) {
        this.stream = stream;
        this.spool = spool;
    }

    /**
     * The body of a request declaring {@code declaredLength} bytes (-1: not declared) and sending {@code in}.
     *
     * @throws ApiProblem 413 when it is longer than {@code limit} bytes
     */
    static BatchBody of(InputStream in, long declaredLength, long limit) throws IOException {
        if (declaredLength > limit) {
            throw drainedTooLarge(in, limit);
        }
        if (declaredLength >= 0) {
            return new BatchBody(new Limited(in, limit), null);
        }
        Path spool = Files.createTempFile("smtp-doctor-batch", ".log");
        try {
            long copied;
            try (OutputStream out = Files.newOutputStream(spool)) {
                copied = copyAtMost(in, out, limit + 1);
            }
            if (copied > limit) {
                throw drainedTooLarge(in, limit);
            }
            return new BatchBody(Files.newInputStream(spool), spool);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
    }

    InputStream stream() {
        return stream;
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            if (spool != null) {
                Files.deleteIfExists(spool);
            }
        }
    }

    /** Copies up to {@code max} bytes of {@code in} to {@code out}; the count copied (max when there was more). */
    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int n;
        while (copied < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - copied))) >= 0) {
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    /** The 413 for a body over the limit, once at most {@link #DRAINED_AT_MOST} more of it has been read. */
    private static ApiProblem drainedTooLarge(InputStream in, long limit) {
        try {
            copyAtMost(in, OutputStream.nullOutputStream(), DRAINED_AT_MOST);
        } catch (IOException clientGone) {
            // nothing left to drain for: the answer is the same
        }
        return tooLarge(limit);
    }

    private static ApiProblem tooLarge(long limit) {
        return new ApiProblem(413, "too-large", "The body is too large", "a log may have at most " + limit
                + " bytes; split it");
    }

    /** A stream that reads at most {@code limit} bytes; reading past them is an IOException (a body longer than declared). */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new IOException("the log is larger than the desk accepts");
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (left -= n) < 0) {
                throw new IOException("the log is larger than the desk accepts");
            }
            return n;
        }
    }
}
