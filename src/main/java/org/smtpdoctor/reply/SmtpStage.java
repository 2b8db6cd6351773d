package org.smtpdoctor.reply;

import java.util.Locale;
import java.util.Optional;

/**
 * Where in an SMTP session a failure happened. Rules see it as {@code stage == "end-of-data"}; a
 * diagnosis reports it. The same words mean different things at different stages: a read time-out
 * while waiting for the greeting usually means a plain-text client on an implicit-TLS port, after the
 * message body it means the message may arrive twice.
 */
public enum SmtpStage {
    /** DNS lookup and TCP connect; on an implicit-TLS port also the TLS handshake. */
    CONNECT("connect"),
    /** Waiting for the server's 220 greeting. */
    GREETING("greeting"),
    EHLO("ehlo"),
    STARTTLS("starttls"),
    AUTH("auth"),
    /** MAIL FROM. */
    MAIL("mail"),
    /** RCPT TO. */
    RCPT("rcpt"),
    /** The DATA command and sending the message body. */
    DATA("data"),
    /** The server's answer to the final "." after the message body. */
    END_OF_DATA("end-of-data");

    private final String id;

    SmtpStage(String id) {
        this.id = id;
    }

    /** The stage's name in rules, JSON and reports: {@code connect} ... {@code end-of-data}. */
    public String id() {
        return id;
    }

    /** The stage with this {@link #id()}, case-insensitive. */
    public static Optional<SmtpStage> fromId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (SmtpStage stage : values()) {
            if (stage.id.equals(wanted)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
