package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.smtpdoctor.testing.ScriptedSmtpServer.SILENCE;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.reply.SmtpStage;
import org.smtpdoctor.testing.ScriptedSmtpServer;
import org.smtpdoctor.testing.ScriptedSmtpServer.Step;

/**
 * Real Jakarta Mail (Angus) sends to real SMTP servers on 127.0.0.1 and fails; {@link Diagnoser#diagnose(Throwable)}
 * must name the category and the SMTP stage, and the same exception's logged stack trace given to
 * {@link Diagnoser#diagnose(String)} must say the same.
 */
class JakartaMailExceptionsTest {
    private static final int TIMEOUT_MS = 1500;
    private static Diagnoser diagnoser;

    @BeforeAll
    static void load() {
        diagnoser = TestRules.projectDiagnoser();
    }

    /** Each server reply of the support article, sent by a server at the stage where it really comes. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            RCPT        | 451 4.7.1 Sorry, the service is currently unavailable. Please come back later. | server.unavailable | rcpt
            AUTH        | 535 – Incorrect authentication data | auth.invalid-credentials | auth
            AUTH        | 535.5.7.3 authentication unsuccessful | auth.invalid-credentials | auth
            AUTH        | 535 5.7.8 Error: authentication failed: Invalid user or password | auth.invalid-credentials | auth
            AUTH        | 535 Authentication failed. Please verify your account by going to https://e.mail.ru/login?email=mail@ab-cdef.ru | auth.account-verification | auth
            END_OF_DATA | 550 this message was classified as spam and may not be delivered | content.spam | end-of-data
            END_OF_DATA | 550 spam message rejected | content.spam | end-of-data
            RCPT        | 550 5.7.1 spf check failed | policy.spf-failed | rcpt
            MAIL        | 553 5.7.1 Sender address rejected: not owned by auth user | sender.not-owned | mail
            RCPT        | 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown | recipient.unknown | rcpt
            END_OF_DATA | 552 5.3.4 Message size exceeds fixed limit | content.too-large | end-of-data
            """)
    void articleReplyAtItsStage(Step step, String reply, String category, String stage) throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().reply(step, reply).start()) {
            MessagingException e = send(server.port(), new Properties());
            assertDiagnosis(e, category, stage);
        }
    }

    @Test
    void unknownHost() {
        MessagingException e = send("no-such-host.test.local", 25, new Properties());
        assertDiagnosis(e, "connection.host-not-found", "connect");
    }

    @Test
    void connectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        assertDiagnosis(send(port, new Properties()), "connection.refused", "connect");
    }

    /** A listener whose accept queue is full drops new SYNs: the connect times out, on loopback. */
    @Test
    void connectTimeout() throws IOException {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            List<Socket> fillers = fillBacklog(full.getLocalPort());
            try {
                assertDiagnosis(send(full.getLocalPort(), new Properties()), "connection.timeout", "connect");
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void serverSilentAfterTheMessageBody() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().reply(Step.END_OF_DATA, SILENCE).start()) {
            assertDiagnosis(send(server.port(), new Properties()), "timeout.end-of-data", "end-of-data");
        }
    }

    @Test
    void serverSilentAfterMailFrom() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().reply(Step.MAIL, SILENCE).start()) {
            assertDiagnosis(send(server.port(), new Properties()), "timeout.read", "mail");
        }
    }

    /** A plain-text client on an implicit-TLS port waits for a greeting that never comes. */
    @Test
    void plainClientOnImplicitTlsPort() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().implicitTls().start()) {
            assertDiagnosis(send(server.port(), new Properties()), "tls.wrong-mode", "greeting");
        }
    }

    @Test
    void tlsClientOnPlainPort() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().start()) {
            Properties p = new Properties();
            p.put("mail.smtp.ssl.enable", "true");
            assertDiagnosis(send(server.port(), p), "tls.wrong-mode", "connect");
        }
    }

    @Test
    void untrustedCertificate() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().implicitTls().start()) {
            Properties p = new Properties();
            p.put("mail.smtp.ssl.enable", "true");
            assertDiagnosis(send(server.port(), p), "tls.certificate-invalid", "connect");
        }
    }

    @Test
    void starttlsRequiredButNotOffered() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
                .reply(Step.EHLO, "250-localhost\r\n250 AUTH PLAIN").start()) {
            Properties p = new Properties();
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            assertDiagnosis(send(server.port(), p), "tls.not-offered", "starttls");
        }
    }

    /** The article's "Cannot start TLS: handshake failure": the two sides share no cipher suite. */
    @Test
    void starttlsHandshakeFailure() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
                .cipherSuites("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384").start()) {
            Properties p = new Properties();
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.ssl.trust", "127.0.0.1");
            p.put("mail.smtp.ssl.protocols", "TLSv1.2");
            p.put("mail.smtp.ssl.ciphersuites", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            assertDiagnosis(send(server.port(), p), "tls.handshake-failed", "starttls");
        }
    }

    private static void assertDiagnosis(MessagingException e, String category, String stage) {
        Diagnosis live = diagnoser.diagnose(e);
        assertThat(live.category()).as("category of %s", e).isEqualTo(category);
        assertThat(live.stage()).as("stage of %s", e).isEqualTo(SmtpStage.fromId(stage).orElseThrow());
        Diagnosis logged = diagnoser.diagnose(stackTrace(e));
        assertThat(logged.category()).as("category of the logged trace").isEqualTo(category);
        assertThat(logged.stage()).as("stage of the logged trace").isEqualTo(live.stage());
    }

    private static MessagingException send(int port, Properties extra) {
        return send("127.0.0.1", port, extra);
    }

    /** Sends one small message as an application would (AUTH with a fake login) and returns the failure. */
    private static MessagingException send(String host, int port, Properties extra) {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MS));
        p.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MS));
        p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MS));
        p.putAll(extra);
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(p));
            m.setFrom(new InternetAddress("alice@example.com"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.com"));
            m.setSubject("test");
            m.setText("hello");
            Transport.send(m, "alice@example.com", "not-a-real-password");
        } catch (MessagingException e) {
            return e;
        }
        return fail("the send should have failed");
    }

    private static List<Socket> fillBacklog(int port) {
        List<Socket> fillers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            fillers.add(s);
            try {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            } catch (IOException queueFull) {
                break;
            }
        }
        return fillers;
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
