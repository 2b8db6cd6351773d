package org.smtpdoctor.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output that fails loudly and says which: {@code System.out} and picocli's writer over it swallow a failed
 * write ({@code > /dev/full}, a full disk), so a run would exit 0 having written nothing. A failure is thrown
 * as "cannot write NAME: reason" and remembered, so that {@link Main} can turn one behind a swallowing writer
 * into exit code 2.
 */
final class NamedOutput extends FilterOutputStream {
    /** The process's standard output, written straight to its file descriptor. */
    static final NamedOutput STANDARD = new NamedOutput("standard output", new FileOutputStream(FileDescriptor.out));

    private final String name;
    private volatile IOException failure;

    NamedOutput(String name, OutputStream out) {
        super(out);
        this.name = name;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        IOException named = new IOException("cannot write " + name + ": " + OutputFiles.reason(e), e);
        if (failure == null) {
            failure = named;
        }
        return named;
    }

    /** The first write that failed, or null. */
    IOException failure() {
        return failure;
    }
}
