package org.smtpdoctor.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A small SMTP server on 127.0.0.1 that answers each command with a scripted reply, or stays silent, so
 * tests can make a real client (Jakarta Mail, the check) meet any reply at the stage where it really
 * happens: a 535 to AUTH, a 554 after the message body, no greeting at all, TLS where plain text is
 * expected. Unscripted commands get the usual positive answer. Each connection runs on its own thread;
 * {@link #close()} ends them all.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    /** The points of a session a script can answer. */
    public enum Step { GREETING, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, END_OF_DATA, RSET }

    /** A reply that is never sent: the server reads and waits until the client gives up. */
    public static final String SILENCE = "<silence>";
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    private final Map<Step, String> replies;
    private final boolean implicitTls;
    private final String[] cipherSuites;
    private final LoopbackListener listener;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final SSLContext tls;

    private ScriptedSmtpServer(Builder b) throws IOException {
        this.replies = new EnumMap<>(b.replies);
        this.implicitTls = b.implicitTls;
        this.cipherSuites = b.cipherSuites;
        this.tls = serverContext();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ServerSocket socket;
        if (implicitTls) {
            SSLServerSocket ssl = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 10, loopback);
            if (cipherSuites != null) {
                ssl.setEnabledCipherSuites(cipherSuites);
            }
            socket = ssl;
        } else {
            socket = new ServerSocket(0, 10, loopback);
        }
        this.listener = new LoopbackListener(socket, "scripted-smtp", this::converse);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return listener.port();
    }

    /** The commands received so far, as sent (AUTH arguments included: the tests' passwords are fake). */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    private void converse(Socket socket) {
        try (socket) {
            Socket s = socket;
            if (!reply(s, Step.GREETING, "220 localhost ESMTP scripted")) {
                return;
            }
            BufferedReader in = reader(s);
            for (String line; (line = in.readLine()) != null; ) {
                commands.add(line);
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> {
                        if (!reply(s, Step.EHLO, "250-localhost\r\n250-SIZE 1000000\r\n250-AUTH PLAIN LOGIN\r\n"
                                + (implicitTls ? "" : "250-STARTTLS\r\n") + "250 8BITMIME")) {
                            return;
                        }
                    }
                    case "HELO" -> send(s, "250 localhost");
                    case "STAR" -> {
                        if (!reply(s, Step.STARTTLS, "220 2.0.0 Ready to start TLS")) {
                            return;
                        }
                        if (replies.getOrDefault(Step.STARTTLS, "220").startsWith("220")) {
                            s = upgrade(s);
                            in = reader(s);
                        }
                    }
                    case "AUTH" -> {
                        if (line.trim().split("\\s+").length < 3 && !line.toUpperCase().contains("LOGIN")) {
                            send(s, "334 ");
                            commands.add(in.readLine());
                        } else if (line.toUpperCase().contains("LOGIN")) {
                            send(s, "334 VXNlcm5hbWU6");
                            commands.add(in.readLine());
                            send(s, "334 UGFzc3dvcmQ6");
                            commands.add(in.readLine());
                        }
                        if (!reply(s, Step.AUTH, "235 2.7.0 Authentication successful")) {
                            return;
                        }
                    }
                    case "MAIL" -> {
                        if (!reply(s, Step.MAIL, "250 2.1.0 Ok")) {
                            return;
                        }
                    }
                    case "RCPT" -> {
                        if (!reply(s, Step.RCPT, "250 2.1.5 Ok")) {
                            return;
                        }
                    }
                    case "DATA" -> {
                        if (!reply(s, Step.DATA, "354 End data with <CR><LF>.<CR><LF>")) {
                            return;
                        }
                        if (replies.getOrDefault(Step.DATA, "354").startsWith("354")) {
                            for (String body; (body = in.readLine()) != null && !body.equals("."); ) {
                                // the message body is read and dropped
                            }
                            if (!reply(s, Step.END_OF_DATA, "250 2.0.0 Ok: queued as 4FAKEQUEUEID")) {
                                return;
                            }
                        }
                    }
                    case "RSET" -> {
                        if (!reply(s, Step.RSET, "250 2.0.0 Ok")) {
                            return;
                        }
                    }
                    case "QUIT" -> {
                        send(s, "221 2.0.0 Bye");
                        return;
                    }
                    default -> send(s, "250 Ok");
                }
            }
        } catch (IOException peerGone) {
            // the client closed or gave up: the conversation is over
        }
    }

    /** Sends the scripted or default reply; false when the script says to fall silent. */
    private boolean reply(Socket s, Step step, String fallback) throws IOException {
        String reply = replies.getOrDefault(step, fallback);
        if (SILENCE.equals(reply)) {
            waitUntilClosed(s);
            return false;
        }
        send(s, reply);
        return true;
    }

    private static void waitUntilClosed(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] sink = new byte[512];
        while (in.read(sink) >= 0) {
            // read and never answer, until the client closes
        }
    }

    private static void send(Socket s, String reply) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    private Socket upgrade(Socket plain) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        ssl.setUseClientMode(false);
        if (cipherSuites != null) {
            ssl.setEnabledCipherSuites(cipherSuites);
        }
        listener.track(ssl);
        ssl.startHandshake();
        return ssl;
    }

    /** The TLS context of the test certificate (CN localhost, self-signed), for other test servers too. */
    static SSLContext serverContext() throws IOException {
        try (InputStream store = ScriptedSmtpServer.class.getResourceAsStream("/tls/test-server.p12")) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(store, STORE_PASSWORD);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("test key store unusable", e);
        }
    }

    @Override
    public void close() {
        listener.close();
    }

    /** Sets the script. */
    public static final class Builder {
        private final Map<Step, String> replies = new EnumMap<>(Step.class);
        private boolean implicitTls;
        private String[] cipherSuites;

        /** Answers {@code step} with {@code reply} (may be multi-line with CRLF) or {@link #SILENCE}. */
        public Builder reply(Step step, String reply) {
            replies.put(step, reply);
            return this;
        }

        /** TLS from the first byte, as on port 465. */
        public Builder implicitTls() {
            this.implicitTls = true;
            return this;
        }

        /** Offers only these TLS cipher suites, to make a handshake fail on purpose. */
        public Builder cipherSuites(String... suites) {
            this.cipherSuites = suites;
            return this;
        }

        public ScriptedSmtpServer start() throws IOException {
            return new ScriptedSmtpServer(this);
        }
    }
}
