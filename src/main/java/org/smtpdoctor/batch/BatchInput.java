package org.smtpdoctor.batch;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * One input of a batch run: a file (gzip-compressed when its name ends in {@code .gz}) or standard input
 * ({@code -}).
 */
public final class BatchInput {
    private final String name;
    private final InputStream stdin;
    /** The file's size when it was opened (-1 for standard input, a fifo or before opening). */
    private volatile long sizeAtOpen = -1;

    private BatchInput(String name, InputStream stdin) {
        this.name = name;
        this.stdin = stdin;
    }

    /** The input named on the command line; {@code -} reads {@code stdin}. */
    public static BatchInput of(String name, InputStream stdin) {
        return new BatchInput(name, stdin);
    }

    public String name() {
        return name;
    }

    /** Null when the input can be opened, else why not ("no such file", "not readable"). */
    public String problem() {
        if (name.equals("-")) {
            return null;
        }
        Path path = Path.of(name);
        if (!Files.exists(path)) {
            return "no such file";
        }
        return Files.isReadable(path) && !Files.isDirectory(path) ? null : "not a readable file";
    }

    /** The file's size in bytes (compressed, for .gz), or -1 for standard input (no percentage then). */
    public long size() {
        try {
            return name.equals("-") ? -1 : Files.size(Path.of(name));
        } catch (IOException e) {
            return -1;
        }
    }

    InputStream open() throws IOException {
        return open(new AtomicLong());
    }

    /**
     * Opens the input; {@code bytesRead} grows by the bytes read from the file (before decompression). A fifo or
     * process substitution ({@code <(…)}) is read as it comes: a {@link FileInputStream} never seeks, where the
     * channel stream of {@code Files.newInputStream} asks a fifo its position and fails ("Illegal seek").
     */
    InputStream open(AtomicLong bytesRead) throws IOException {
        if (name.equals("-")) {
            return stdin;
        }
        Path path = Path.of(name);
        sizeAtOpen = Files.isRegularFile(path) ? Files.size(path) : -1;
        InputStream file = new FilterInputStream(new FileInputStream(path.toFile())) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                bytesRead.addAndGet(Math.max(n, 0));
                return n;
            }
        };
        return decompressed(name, file);
    }

    /**
     * After reading: null, or a warning when the file is now shorter than when it was opened (truncated or
     * rewritten in place while it was read), so that its last record may be cut off.
     */
    public String shrinkage() {
        long before = sizeAtOpen;
        if (before < 0) {
            return null;
        }
        try {
            long now = Files.size(Path.of(name));
            return now < before ? "input " + name + " shrank from " + before + " to " + now + " bytes while it was"
                    + " read (truncated or rewritten in place): its last record may be cut off" : null;
        } catch (IOException e) {
            return "input " + name + " changed while it was read (" + e.getMessage() + "): its last record may be cut off";
        }
    }

    /** {@code raw}, buffered, and decompressed when {@code name} ends in {@code .gz}: how every input is read. */
    public static InputStream decompressed(String name, InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        return name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
