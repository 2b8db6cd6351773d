package org.smtpdoctor.check;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Diagnosis;
import org.smtpdoctor.reply.SmtpStage;

/**
 * One connection attempt to one port and mode: DNS, TCP, then Jakarta Mail's own SMTP session (greeting,
 * EHLO, TLS, AUTH) and, when asked, MAIL FROM / RCPT TO / RSET or a real test message. Each step is
 * bounded in total by the time-out, each reply in length ({@link ReplyGuard}). Stops at the first failing step and has the rules diagnose it.
 */
final class SessionAttempt {
    /**
     * The check's own finding when a login was given but the server lists no AUTH before STARTTLS,
     * worded for the rules (tls.required): Jakarta Mail itself would silently send without logging in.
     */
    static final String AUTH_ONLY_AFTER_STARTTLS =
            "The server offers AUTH only after STARTTLS: its EHLO lists STARTTLS but no AUTH before TLS is started";
    /** The same without STARTTLS on offer, in Python smtplib's words (auth.mechanism-unsupported). */
    static final String AUTH_NOT_OFFERED = "SMTP AUTH extension not supported by server.";
    /** Steps after the connection and the login: a failure there says nothing against the port or mode. */
    private static final Set<String> SESSION_STEPS = Set.of("mail", "rcpt", "rset", "data", "end-of-data");
    /** Causes read of a failure: a chain of causes may loop (a → b → a), so the walk is bounded. */
    private static final int MAX_CAUSES = 16;
    private final Diagnoser diagnoser;

    SessionAttempt(Diagnoser diagnoser) {
        this.diagnoser = diagnoser;
    }

    /**
     * How far an attempt got, in the order of a session; decided from the step that failed and the Java
     * exception, never from the category the rules chose (renaming a category cannot change the search).
     */
    enum Reach {
        /** The host name did not resolve: the same on every port and in every mode. */
        HOST_UNKNOWN,
        /** The server's certificate was not trusted: the same on every port and in every mode. */
        CERTIFICATE_REFUSED,
        /** The connection, greeting, EHLO or TLS failed: another port or mode may work. */
        NO_SESSION,
        /** A login was given, but the server offers none on this setting (perhaps only after STARTTLS). */
        NO_LOGIN_OFFERED,
        /** The server refused the login. */
        LOGIN_REFUSED,
        /** Connected (and logged in, with a login); MAIL FROM, RCPT TO or the message failed. */
        SESSION,
        /** Every step passed. */
        PASSED
    }

    /** The steps taken, how far they got and the diagnosis of the failing one (null when all passed). */
    record Outcome(Endpoint endpoint, List<StepResult> steps, Diagnosis diagnosis, Reach reach) {
        /** Whether the port and mode are right: the connection, TLS and the login (if any) got through. */
        boolean transportWorks() {
            return reach.compareTo(Reach.SESSION) >= 0;
        }

        /** The login failed with RFC 4954's "535 5.7.8 Authentication credentials invalid" (or a bare 535). */
        boolean credentialsRefused() {
            return reach == Reach.LOGIN_REFUSED && diagnosis.code() == 535
                    && (diagnosis.enhancedCode() == null || diagnosis.enhancedCode().subjectDetail().equals("7.8"));
        }
    }

    /**
     * Runs the attempt.
     *
     * @param envelope whether to go on past AUTH to MAIL FROM / RCPT TO (and the test message)
     */
    Outcome run(CheckRequest request, Endpoint endpoint, Duration timeout, boolean envelope) {
        ReplyGuard guard = new ReplyGuard(timeout, endpoint.security() == Security.SSL);
        StepRecorder steps = new StepRecorder(guard::startStep);
        try {
            steps.start("dns");
            InetAddress[] addresses = resolve(request.host(), timeout);
            steps.detail(Arrays.stream(addresses).map(InetAddress::getHostAddress).collect(Collectors.joining(", ")));
            steps.start("connect");
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(addresses[0], endpoint.port()), millis(timeout));
                steps.detail(addresses[0].getHostAddress() + ":" + endpoint.port());
            }
            return session(request, endpoint, timeout, envelope, steps, guard);
        } catch (MessagingException | IOException e) {
            String failedStep = steps.fail(oneLine(e));
            return new Outcome(endpoint, steps.steps(), diagnoser.diagnose(e), reach(failedStep, e));
        }
    }

    /** How far a session got that ended in {@code failure} at step {@code failedStep}. */
    private static Reach reach(String failedStep, Exception failure) {
        if (failedStep.equals("dns")) {
            return Reach.HOST_UNKNOWN;
        }
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < MAX_CAUSES; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof CertPathValidatorException
                    || t instanceof CertPathBuilderException || t instanceof SSLPeerUnverifiedException) {
                return Reach.CERTIFICATE_REFUSED;
            }
        }
        if (failedStep.equals("auth")) {
            return failure instanceof AuthenticationFailedException ? Reach.LOGIN_REFUSED : Reach.NO_SESSION;
        }
        return SESSION_STEPS.contains(failedStep) ? Reach.SESSION : Reach.NO_SESSION;
    }

    private Outcome session(CheckRequest request, Endpoint endpoint, Duration timeout, boolean envelope,
                            StepRecorder steps, ReplyGuard guard) throws MessagingException {
        boolean login = request.user() != null;
        Session session = Session.getInstance(properties(request, endpoint, timeout, login, guard));
        URLName url = new URLName("smtp", request.host(), endpoint.port(), null, request.user(), null);
        InstrumentedTransport transport =
                new InstrumentedTransport(session, url, steps, guard, endpoint.security(), login);
        try {
            transport.connect(request.host(), endpoint.port(), request.user(), request.password());
            if (login && !transport.supportsExtension("AUTH")) {
                boolean starttlsOffered = endpoint.security() != Security.SSL && transport.supportsExtension("STARTTLS");
                return failAt(steps, endpoint, starttlsOffered ? AUTH_ONLY_AFTER_STARTTLS : AUTH_NOT_OFFERED,
                        SmtpStage.AUTH, Reach.NO_LOGIN_OFFERED);
            }
            if (envelope && request.from() != null && request.to() != null) {
                if (request.send()) {
                    sendTestMessage(transport, session, request);
                } else {
                    Outcome refused = probeEnvelope(transport, request, steps, endpoint);
                    if (refused != null) {
                        return refused;
                    }
                }
            }
            steps.succeed();
            return new Outcome(endpoint, steps.steps(), null, Reach.PASSED);
        } finally {
            closeQuietly(transport);
        }
    }

    /** MAIL FROM and RCPT TO as the application would send them, then RSET: nothing is delivered. */
    private Outcome probeEnvelope(InstrumentedTransport transport, CheckRequest request, StepRecorder steps,
                                  Endpoint endpoint) throws MessagingException {
        String[][] commands = {
                {"mail", "MAIL FROM:<" + request.from() + ">"},
                {"rcpt", "RCPT TO:<" + request.to() + ">"},
                {"rset", "RSET"}};
        for (String[] command : commands) {
            steps.start(command[0]);
            int code = transport.simpleCommand(command[1]);
            String reply = transport.getLastServerResponse();
            if (code / 100 != 2) {
                return failAt(steps, endpoint, reply, SmtpStage.fromId(command[0]).orElse(null), Reach.SESSION);
            }
            steps.detail(reply);
        }
        return null;
    }

    private static void sendTestMessage(InstrumentedTransport transport, Session session, CheckRequest request)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(request.from(), true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(request.to(), true));
        message.setSubject("smtp-doctor test message");
        message.setSentDate(new Date());
        StringBuilder body = new StringBuilder("This is a test message sent by smtp-doctor check at ")
                .append(Instant.now()).append(". It can be deleted.\r\n");
        while (body.length() < request.messageBytes()) {
            body.append("smtp-doctor padding to test the server's message size limit.\r\n");
        }
        message.setText(body.toString(), "UTF-8");
        transport.sendMessage(message, message.getAllRecipients());
    }

    private Outcome failAt(StepRecorder steps, Endpoint endpoint, String reply, SmtpStage stage, Reach reach) {
        steps.fail(reply);
        return new Outcome(endpoint, steps.steps(), diagnoser.diagnose(reply, stage), reach);
    }

    private static Properties properties(CheckRequest request, Endpoint endpoint, Duration timeout, boolean login,
                                         ReplyGuard guard) {
        String prefix = "mail.smtp.";
        Properties p = new Properties();
        // Every byte from the server passes the guard; never fall back to an unguarded socket.
        p.put(prefix + "socketFactory", new GuardedSocketFactory(guard));
        p.put(prefix + "socketFactory.fallback", "false");
        p.put(prefix + "connectiontimeout", String.valueOf(millis(timeout)));
        p.put(prefix + "timeout", String.valueOf(millis(timeout)));
        p.put(prefix + "writetimeout", String.valueOf(millis(timeout)));
        p.put(prefix + "auth", String.valueOf(login));
        if (endpoint.security() == Security.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            // The user asked for an encrypted connection: never fall back to plain text silently.
            p.put(prefix + "starttls.required", "true");
        }
        if (endpoint.security() == Security.SSL) {
            p.put(prefix + "ssl.enable", "true");
        }
        if (request.sslTrust() != null) {
            p.put(prefix + "ssl.trust", request.sslTrust());
        }
        return p;
    }

    /** DNS has no time-out of its own in Java: the lookup runs aside and is abandoned after the time-out. */
    private static InetAddress[] resolve(String host, Duration timeout) throws UnknownHostException {
        CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new CompletionException(e);
            }
        });
        try {
            return lookup.get(millis(timeout), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw new UnknownHostException(host + ": " + e.getCause());
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new UnknownHostException(host + ": no answer from DNS within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException(host + ": lookup interrupted");
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    /** The failure as one line: the innermost message that says something. */
    private static String oneLine(Throwable e) {
        StringBuilder line = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && line.length() < 500 && depth++ < MAX_CAUSES; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (line.indexOf(m) < 0) {
                line.append(line.length() == 0 ? "" : "; ").append(t.getClass().getSimpleName()).append(": ").append(m);
            }
        }
        return line.toString().replaceAll("\\s+", " ");
    }

    private static void closeQuietly(InstrumentedTransport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // QUIT after a failure may fail too; the attempt's outcome is already known.
        }
    }
}
