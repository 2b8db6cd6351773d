package org.smtpdoctor.check;

import java.util.Locale;

/** How the connection is secured, as mail clients name the choice. */
public enum Security {
    /** Plain text, no TLS at all. */
    NONE,
    /** Plain connect, then the STARTTLS command (usually port 587 or 25); TLS is required. */
    STARTTLS,
    /** TLS from the first byte ("SSL/TLS", implicit TLS, usually port 465). */
    SSL,
    /** Try the usual port and mode combinations and recommend the one that works. */
    AUTO;

    /** The name on the command line and in JSON: none, starttls, ssl, auto. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The usual port for this mode. */
    int defaultPort() {
        return switch (this) {
            case SSL -> 465;
            case STARTTLS, AUTO -> 587;
            case NONE -> 25;
        };
    }
}
