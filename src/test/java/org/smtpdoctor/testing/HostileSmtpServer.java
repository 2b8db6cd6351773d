package org.smtpdoctor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server on 127.0.0.1 written as an attacker: each connection runs an {@link Attack} that writes what it
 * likes (a line that never ends, continuation lines without end, one byte a second) until the client goes
 * away or the server is closed. Counts the bytes it managed to send.
 */
public final class HostileSmtpServer implements AutoCloseable {
    /** What the server does with one connection. */
    @FunctionalInterface
    public interface Attack {
        void run(InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    private final Attack attack;
    private final AtomicLong sent = new AtomicLong();
    private final LoopbackListener listener;

    private HostileSmtpServer(Attack attack, boolean implicitTls) throws IOException {
        this.attack = attack;
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ServerSocket socket = implicitTls
                ? ScriptedSmtpServer.serverContext().getServerSocketFactory().createServerSocket(0, 10, loopback)
                : new ServerSocket(0, 10, loopback);
        this.listener = new LoopbackListener(socket, "hostile-smtp", this::converse);
    }

    /** A plain-text server running {@code attack} on every connection. */
    public static HostileSmtpServer start(Attack attack) throws IOException {
        return new HostileSmtpServer(attack, false);
    }

    /** The same behind implicit TLS, as on port 465. */
    public static HostileSmtpServer startTls(Attack attack) throws IOException {
        return new HostileSmtpServer(attack, true);
    }

    public int port() {
        return listener.port();
    }

    /** Bytes written to clients so far (what the kernel accepted, not what the client read). */
    public long bytesSent() {
        return sent.get();
    }

    /** Writes {@code text} forever, as fast as the client's window allows, until the client goes away. */
    public static Attack endless(String start, String repeated) {
        return (in, out) -> {
            out.write(start.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = repeated.repeat(Math.max(1, 8192 / repeated.length())).getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(chunk);
            }
        };
    }

    /** Sends {@code text} one byte every {@code millis}. */
    public static Attack drip(String text, long millis) {
        return (in, out) -> {
            for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(millis);
            }
            in.read();  // then wait for the client
        };
    }

    private void converse(Socket socket) {
        try (socket) {
            OutputStream counting = new OutputStream() {
                private final OutputStream out = socket.getOutputStream();

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    sent.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    sent.addAndGet(len);
                }
            };
            attack.run(socket.getInputStream(), counting);
        } catch (IOException | InterruptedException clientGone) {
            // the client cut the connection: the attack is over
        }
    }

    @Override
    public void close() {
        listener.close();
    }
}
