package org.smtpdoctor.batch;

import java.io.BufferedInputStream;
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

    /** Opens the input; {@code bytesRead} grows by the bytes read from the file (before decompression). */
    InputStream open(AtomicLong bytesRead) throws IOException {
        if (name.equals("-")) {
            return stdin;
        }
        InputStream file = new FilterInputStream(Files.newInputStream(Path.of(name))) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                bytesRead.addAndGet(Math.max(n, 0));
                return n;
            }
        };
        return decompressed(name, file);
    }

    /** {@code raw}, buffered, and decompressed when {@code name} ends in {@code .gz}: how every input is read. */
    public static InputStream decompressed(String name, InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        return name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
