package org.smtpdoctor.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * The socket factory given to Jakarta Mail ({@code mail.smtp.socketFactory}): its sockets read through a
 * {@link ReplyGuard}. Jakarta Mail asks for an unconnected socket and connects it itself; TLS, implicit or
 * after STARTTLS, is layered above this socket, so the guard sees every byte the server sends.
 */
final class GuardedSocketFactory extends SocketFactory {
    private final ReplyGuard guard;

    GuardedSocketFactory(ReplyGuard guard) {
        this.guard = guard;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket(guard);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localAddress, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localAddress, localPort));
    }

    /** A guarded socket connected to {@code address}, bound first to {@code local} when one is given. */
    private Socket connected(InetSocketAddress address, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(address);
        return socket;
    }

    /** A plain socket whose input is bounded by the guard. */
    private static final class GuardedSocket extends Socket {
        private final ReplyGuard guard;
        private InputStream input;

        GuardedSocket(ReplyGuard guard) {
            this.guard = guard;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = guard.wrap(this, super.getInputStream());
            }
            return input;
        }
    }
}
