package org.smtpdoctor.check;

/**
 * How one port and mode combination fared during {@code --security auto}.
 *
 * @param endpoint the combination
 * @param works    whether the connection, TLS and (with a login) AUTH got through
 * @param category the diagnosis of the failure, or null when it worked
 * @param millis   how long the attempt took
 */
public record AttemptSummary(Endpoint endpoint, boolean works, String category, long millis) {
}
