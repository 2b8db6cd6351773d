package org.smtpdoctor.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The accept loop the test servers share: every connection to {@code listener} is handed to {@code converse}
 * on a daemon thread of its own, and {@link #close} closes the listener, every socket still open and the
 * threads, so a test's server never outlives it.
 */
final class LoopbackListener implements AutoCloseable {
    private final ServerSocket listener;
    private final Consumer<Socket> converse;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ExecutorService threads;

    LoopbackListener(ServerSocket listener, String threadName, Consumer<Socket> converse) {
        this.listener = listener;
        this.converse = converse;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        threads.execute(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes {@code socket} with the others at {@link #close} (a socket layered on an accepted one, e.g. TLS). */
    void track(Socket socket) {
        open.add(socket);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                open.add(s);
                threads.execute(() -> converse.accept(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
