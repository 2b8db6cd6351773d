package org.smtpdoctor.check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to check: the settings the sending application uses. Build with {@link #builder(String)}. The
 * password is held only for the SMTP session and never shown: {@link #toString()} masks it.
 */
public final class CheckRequest {
    private final String host;
    private final int port;
    private final boolean portGiven;
    private final Security security;
    private final String user;
    private final String password;
    private final String from;
    private final String to;
    private final boolean send;
    private final int messageBytes;
    private final Duration timeout;
    private final Duration autoBudget;
    private final String sslTrust;
    private final List<Endpoint> candidates;

    private CheckRequest(Builder b) {
        this.host = Objects.requireNonNull(b.host, "host");
        this.security = b.security;
        this.port = b.port > 0 ? b.port : security.defaultPort();
        this.portGiven = b.port > 0;
        this.user = b.user;
        this.password = b.password;
        this.from = b.from;
        this.to = b.to;
        this.send = b.send;
        this.messageBytes = b.messageBytes;
        this.timeout = b.timeout;
        this.autoBudget = b.autoBudget;
        this.sslTrust = b.sslTrust;
        this.candidates = List.copyOf(b.candidates);
        if (send && (from == null || to == null)) {
            throw new IllegalArgumentException("sending a test message needs a sender and a recipient (--from and --to)");
        }
    }

    /** Starts a request for this SMTP host (a name or an address). */
    public static Builder builder(String host) {
        return new Builder(host);
    }

    public String host() {
        return host;
    }

    /** The port given, or the usual one for the security mode (465 ssl, 587 starttls, 25 none). */
    public int port() {
        return port;
    }

    /** Whether the port was given, not implied by the security mode. */
    boolean portGiven() {
        return portGiven;
    }

    public Security security() {
        return security;
    }

    /** The login, or null to skip AUTH. */
    public String user() {
        return user;
    }

    String password() {
        return password;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public boolean send() {
        return send;
    }

    public int messageBytes() {
        return messageBytes;
    }

    /** The bound on each step in total (DNS, connect, greeting, EHLO, TLS, AUTH, each envelope command). */
    public Duration timeout() {
        return timeout;
    }

    /** The bound on the whole search of {@code --security auto}. */
    public Duration autoBudget() {
        return autoBudget;
    }

    /** Hosts whose certificate is trusted without validation ({@code mail.smtp.ssl.trust}), or null. */
    public String sslTrust() {
        return sslTrust;
    }

    /** The port and mode combinations {@code auto} tries, in order. */
    public List<Endpoint> candidates() {
        return candidates;
    }

    @Override
    public String toString() {
        return "CheckRequest[" + host + ":" + port + "/" + security.id() + ", user=" + user
                + ", password=" + (password == null ? "none" : "***") + ", from=" + from + ", to=" + to
                + ", send=" + send + "]";
    }

    /** Builds a {@link CheckRequest}; defaults: auto security, 10 s time-out, 60 s auto budget, no AUTH. */
    public static final class Builder {
        private final String host;
        private int port;
        private Security security = Security.AUTO;
        private String user;
        private String password;
        private String from;
        private String to;
        private boolean send;
        private int messageBytes = 1024;
        private Duration timeout = Duration.ofSeconds(10);
        private Duration autoBudget = Duration.ofSeconds(60);
        private String sslTrust;
        private List<Endpoint> candidates = Endpoint.USUAL;

        private Builder(String host) {
            this.host = host;
        }

        /** The port; 0 or unset means the usual one for the security mode. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder security(Security security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /**
         * Log in with this user and password (AUTH); without a user the check stops before AUTH.
         *
         * @throws IllegalArgumentException for a password without a user
         */
        public Builder login(String user, String password) {
            if (user == null && password != null) {
                throw new IllegalArgumentException("a password needs a user (--user)");
            }
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * Also try MAIL FROM and RCPT TO with these addresses (then RSET, nothing is sent); both or neither.
         *
         * @throws IllegalArgumentException when only one is given
         */
        public Builder envelope(String from, String to) {
            if ((from == null) != (to == null)) {
                throw new IllegalArgumentException("the sender and the recipient go together (--from and --to)");
            }
            this.from = from;
            this.to = to;
            return this;
        }

        /** Send a real small test message to the envelope's recipient. */
        public Builder send(boolean send) {
            this.send = send;
            return this;
        }

        /** The test message's approximate size in bytes (to test a size limit); default 1024. */
        public Builder messageBytes(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("the message size must not be negative (--message-size)");
            }
            this.messageBytes = bytes;
            return this;
        }

        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the time-out must be positive (--timeout)");
            }
            this.timeout = timeout;
            return this;
        }

        public Builder autoBudget(Duration budget) {
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("the auto budget must be positive (--auto-budget)");
            }
            this.autoBudget = budget;
            return this;
        }

        /** Trust these hosts' certificates without validation, as {@code mail.smtp.ssl.trust} does. */
        public Builder sslTrust(String hosts) {
            this.sslTrust = hosts;
            return this;
        }

        /** Replaces the combinations {@code auto} tries (default {@link Endpoint#USUAL}). */
        public Builder candidates(List<Endpoint> endpoints) {
            this.candidates = List.copyOf(endpoints);
            return this;
        }

        public CheckRequest build() {
            return new CheckRequest(this);
        }
    }
}
