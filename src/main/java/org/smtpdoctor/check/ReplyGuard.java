package org.smtpdoctor.check;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bounds what one connection attempt reads from the server, beneath Jakarta Mail, which reads replies
 * itself with no limit of length or of total time (its time-out applies to each read, so a server that
 * sends one byte a second is never cut off). Each step (greeting, EHLO, STARTTLS, AUTH, ...) gets the whole
 * time-out in total, not per read; each reply may hold at most {@link #MAX_REPLY_BYTES}, and while the
 * connection is unencrypted each line at most {@link #MAX_LINE_BYTES}. Under TLS the bytes are counted as
 * they arrive encrypted, so the reply bound holds there too (and with it every line's). A breach ends the
 * read with an exception whose message the rules diagnose ({@link #LINE_TOO_LONG}, {@link #REPLY_TOO_LONG},
 * {@link #NO_REPLY}, {@link #TOO_SLOW}). Used from the attempt's one thread.
 */
final class ReplyGuard {
    /**
     * RFC 5321 section 4.5.3.1.5 allows 512 bytes per reply line; real servers stay far below this bound,
     * which is only there so that a line that never ends cannot fill the memory.
     */
    static final int MAX_LINE_BYTES = 4096;
    /** A multi-line EHLO reply takes about 300 bytes, a TLS handshake's server side some 10 KiB. */
    static final int MAX_REPLY_BYTES = 64 * 1024;
    /** The message's words, for the rules (protocol.reply-too-long). */
    static final String LINE_TOO_LONG = "SMTP reply line longer than " + MAX_LINE_BYTES + " bytes";
    static final String REPLY_TOO_LONG = "SMTP reply longer than " + MAX_REPLY_BYTES + " bytes";
    /**
     * Nothing of the reply came in time: worded as Java's own read time-out, which the rules know
     * (tls.wrong-mode for a missing greeting, else timeout.read).
     */
    static final String NO_REPLY = "Read timed out";
    /** Part of the reply came, the rest too slowly (a tarpit's drip): the check's own words (timeout.read). */
    static final String TOO_SLOW = "SMTP reply too slow";

    private final Duration stepTimeout;
    private String step = "connect";
    private long deadline;
    private long replyBytes;
    private long lineBytes;
    private boolean encrypted;

    ReplyGuard(Duration stepTimeout, boolean encryptedFromTheStart) {
        this.stepTimeout = stepTimeout;
        this.encrypted = encryptedFromTheStart;
        startStep(step);
    }

    /** A new step: its own whole time-out and an empty reply. */
    void startStep(String name) {
        step = name;
        deadline = System.nanoTime() + stepTimeout.toNanos();
        newReply();
    }

    /** The client reads the next reply: its length counts from zero (the step's time does not restart). */
    void newReply() {
        replyBytes = 0;
        lineBytes = 0;
    }

    /** TLS starts now: the bytes that follow are a handshake and records, not lines. */
    void encrypted() {
        encrypted = true;
    }

    /** The socket's input, bounded; reads wait at most until the step's deadline. */
    InputStream wrap(Socket socket, InputStream in) {
        return new Bounded(socket, in);
    }

    private final class Bounded extends FilterInputStream {
        private final Socket socket;

        Bounded(Socket socket, InputStream in) {
            super(in);
            this.socket = socket;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw tooSlow();
            }
            int previousTimeout = socket.getSoTimeout();
            // The step's deadline comes before the read's own time-out: a time-out now is the step's.
            boolean deadlineFirst = previousTimeout <= 0 || left <= previousTimeout;
            socket.setSoTimeout((int) (deadlineFirst ? Math.min(left, Integer.MAX_VALUE) : previousTimeout));
            int n;
            try {
                // Never more than the reply may still hold: the bound is checked before the bytes are handed on.
                n = super.read(buffer, offset, (int) Math.min(length, MAX_REPLY_BYTES - replyBytes + 1));
            } catch (SocketTimeoutException e) {
                throw deadlineFirst ? tooSlow() : e;
            } finally {
                socket.setSoTimeout(previousTimeout);
            }
            if (n > 0) {
                count(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 512)], 0, (int) Math.min(n, 512));
        }

        private void count(byte[] buffer, int offset, int n) throws IOException {
            replyBytes += n;
            if (replyBytes > MAX_REPLY_BYTES) {
                throw new IOException(REPLY_TOO_LONG + " (" + step + "): the server sends more than any SMTP server does");
            }
            if (encrypted) {
                return;
            }
            for (int i = offset; i < offset + n; i++) {
                byte b = buffer[i];
                lineBytes = b == '\n' || b == '\r' ? 0 : lineBytes + 1;
                if (lineBytes > MAX_LINE_BYTES) {
                    throw new IOException(LINE_TOO_LONG + " (" + step + "): the line does not end");
                }
            }
        }

        private SocketTimeoutException tooSlow() {
            return new SocketTimeoutException(replyBytes == 0
                    ? NO_REPLY + ": no reply in the " + step + " step within " + stepTimeout.toMillis() + " ms"
                    : TOO_SLOW + ": the " + step + " step was not complete after " + stepTimeout.toMillis()
                            + " ms in all, " + replyBytes + " bytes of the reply had come");
        }
    }
}
