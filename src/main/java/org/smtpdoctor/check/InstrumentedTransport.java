package org.smtpdoctor.check;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's own SMTP transport, unchanged in behaviour, with each protocol step it takes reported to a
 * {@link StepRecorder}: the check runs exactly the session the application runs, and still shows where the
 * time went and which step failed. The hooks are SMTPTransport's protected step methods.
 */
final class InstrumentedTransport extends SMTPTransport {
    private final StepRecorder steps;
    private final ReplyGuard guard;
    private final Security security;
    private final boolean authenticate;
    private boolean greeted;
    private boolean tlsStarted;
    private boolean startingTls;

    InstrumentedTransport(Session session, URLName url, StepRecorder steps, ReplyGuard guard, Security security,
                          boolean authenticate) {
        super(session, url);
        this.steps = steps;
        this.guard = guard;
        this.security = security;
        this.authenticate = authenticate;
    }

    @Override
    protected synchronized boolean protocolConnect(String host, int port, String user, String password)
            throws MessagingException {
        // Implicit TLS: the handshake is done while the socket opens, before the greeting is read.
        steps.start(security == Security.SSL ? "tls" : "greeting");
        return super.protocolConnect(host, port, user, password);
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        if (!greeted && security == Security.SSL) {
            steps.start("greeting");
        }
        guard.newReply();
        int code = super.readServerResponse();
        if (startingTls) {
            // The reply to STARTTLS was the last plain text: the TLS handshake follows.
            guard.encrypted();
        }
        if (!greeted) {
            greeted = true;
            steps.detail(getLastServerResponse());
        }
        return code;
    }

    @Override
    protected boolean ehlo(String domain) throws MessagingException {
        steps.start("ehlo");
        boolean accepted = super.ehlo(domain);
        steps.detail(capabilities(getLastServerResponse()));
        if (accepted) {
            afterHello();
        }
        return accepted;
    }

    @Override
    protected void helo(String domain) throws MessagingException {
        steps.start("helo");
        super.helo(domain);
        afterHello();
    }

    /** What protocolConnect does next: STARTTLS (or the refusal to go on without it), else AUTH. */
    private void afterHello() {
        if (security == Security.STARTTLS && !tlsStarted) {
            steps.start("starttls");
        } else if (authenticate) {
            steps.start("auth");
        }
    }

    @Override
    protected void startTLS() throws MessagingException {
        startingTls = true;
        try {
            super.startTLS();
        } finally {
            startingTls = false;
        }
        tlsStarted = true;
    }

    @Override
    protected void mailFrom() throws MessagingException {
        steps.start("mail");
        super.mailFrom();
    }

    @Override
    protected void rcptTo() throws MessagingException {
        steps.start("rcpt");
        super.rcptTo();
    }

    @Override
    protected OutputStream data() throws MessagingException {
        steps.start("data");
        return super.data();
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        steps.start("end-of-data");
        super.finishData();
    }

    /** "250-mx.example.com\n250-SIZE 10240000\n250 STARTTLS" → "SIZE 10240000, STARTTLS". */
    private static String capabilities(String ehloReply) {
        if (ehloReply == null) {
            return "";
        }
        return Arrays.stream(ehloReply.split("\r?\n"))
                .skip(1)
                .map(line -> line.length() > 4 ? line.substring(4).strip() : "")
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(", "));
    }
}
