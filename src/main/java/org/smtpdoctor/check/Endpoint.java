package org.smtpdoctor.check;

import java.util.List;

/** A port and security mode to connect with. */
public record Endpoint(int port, Security security) {
    /**
     * The combinations {@code --security auto} tries: every usual port in every usual mode, the encrypted
     * ones first, since one of them that works ends the search. Implicit TLS on 465 (RFC 8314 prefers it),
     * STARTTLS on submission 587 and on 25, and 2525, the alternative submission port of hosted senders
     * (SendGrid, Mailgun, SES) where 25 and 587 are blocked; then the same ports without encryption, which
     * some servers accept logins on and which the check must be able to name as the only working setting.
     */
    public static final List<Endpoint> USUAL = List.of(
            new Endpoint(465, Security.SSL), new Endpoint(587, Security.STARTTLS),
            new Endpoint(25, Security.STARTTLS), new Endpoint(2525, Security.STARTTLS),
            new Endpoint(587, Security.NONE), new Endpoint(25, Security.NONE), new Endpoint(2525, Security.NONE));

    public Endpoint {
        if (security == Security.AUTO) {
            throw new IllegalArgumentException("an endpoint has a concrete security mode, not auto");
        }
    }

    /** Whether the connection is encrypted (implicit TLS or STARTTLS). */
    public boolean encrypted() {
        return security != Security.NONE;
    }

    @Override
    public String toString() {
        return port + "/" + security.id();
    }
}
