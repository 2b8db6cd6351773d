package org.smtpdoctor.check;

import java.util.List;
import org.smtpdoctor.engine.Diagnoser;

/**
 * Checks a mail account the way the sending application would, step by step, and diagnoses the first
 * failing step with the rules:
 *
 * <pre>{@code
 * CheckReport report = new AccountCheck(diagnoser).run(CheckRequest.builder("smtp.example.com")
 *         .security(Security.STARTTLS).login("alice@example.com", password)
 *         .envelope("alice@example.com", "bob@example.com").build());
 * report.steps();        // dns, connect, greeting, ehlo, starttls, ehlo, auth, mail, rcpt, rset
 * report.diagnosis();    // null when all passed
 * report.recommended();  // the port and mode that work, when the given ones did not
 * }</pre>
 *
 * Thread-safe: each run uses its own connections. Every network wait is bounded by the request's time-out,
 * the search of {@code auto} by its budget.
 */
public final class AccountCheck {
    private final SessionAttempt attempt;
    private final SecuritySearch search;

    public AccountCheck(Diagnoser diagnoser) {
        this.attempt = new SessionAttempt(diagnoser);
        this.search = new SecuritySearch(attempt);
    }

    /** Runs the check; never throws for anything the server or the network does. */
    public CheckReport run(CheckRequest request) {
        if (request.security() == Security.AUTO) {
            SecuritySearch.Result found = search.search(request, null);
            if (found.found() == null) {
                // Nothing works: show why the first (most usual) combination failed.
                Endpoint first = found.attempts().isEmpty() ? Endpoint.USUAL.get(0) : found.attempts().get(0).endpoint();
                SessionAttempt.Outcome outcome = attempt.run(request, first, request.timeout(), true);
                return report(request, outcome, null, found.attempts());
            }
            // Without an envelope to try, the search's own attempt is the whole check: do not connect twice.
            SessionAttempt.Outcome outcome = request.from() == null ? found.foundOutcome()
                    : attempt.run(request, found.found(), request.timeout(), true);
            return report(request, outcome, found.found(), found.attempts());
        }
        Endpoint given = new Endpoint(request.port(), request.security());
        SessionAttempt.Outcome outcome = attempt.run(request, given, request.timeout(), true);
        if (outcome.transportWorks() || !anotherEndpointMayHelp(outcome)) {
            return report(request, outcome, null, List.of());
        }
        // The connection or TLS failed: find the combination that works instead of leaving a guess.
        SecuritySearch.Result found = search.search(request, given);
        return report(request, outcome, found.found(), found.attempts());
    }

    /** An unknown host or an untrusted certificate is the same on every port and in every mode. */
    private static boolean anotherEndpointMayHelp(SessionAttempt.Outcome outcome) {
        String category = outcome.diagnosis().category();
        return !category.equals("connection.host-not-found") && !category.equals("tls.certificate-invalid");
    }

    private static CheckReport report(CheckRequest request, SessionAttempt.Outcome outcome, Endpoint recommended,
                                      List<AttemptSummary> attempts) {
        return new CheckReport(request.host(), outcome.endpoint(), outcome.steps(), outcome.diagnosis(),
                recommended, attempts);
    }
}
