package org.smtpdoctor.check;

import java.util.List;

/** A port and security mode to connect with. */
public record Endpoint(int port, Security security) {
    /**
     * The combinations {@code --security auto} tries, most secure and most common first: implicit TLS on
     * 465 (RFC 8314 prefers it), STARTTLS on submission 587, STARTTLS and plain text on 25, and 2525, the
     * alternative submission port of hosted senders (SendGrid, Mailgun, SES) where 25 and 587 are blocked.
     */
    public static final List<Endpoint> USUAL = List.of(
            new Endpoint(465, Security.SSL), new Endpoint(587, Security.STARTTLS),
            new Endpoint(25, Security.STARTTLS), new Endpoint(25, Security.NONE),
            new Endpoint(2525, Security.STARTTLS));

    public Endpoint {
        if (security == Security.AUTO) {
            throw new IllegalArgumentException("an endpoint has a concrete security mode, not auto");
        }
    }

    @Override
    public String toString() {
        return port + "/" + security.id();
    }
}
