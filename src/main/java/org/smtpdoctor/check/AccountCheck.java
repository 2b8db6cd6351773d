package org.smtpdoctor.check;

import java.util.List;
import org.smtpdoctor.check.SessionAttempt.Outcome;
import org.smtpdoctor.check.SessionAttempt.Reach;
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
 * report.verdict();      // what the search for working settings concluded
 * }</pre>
 *
 * Thread-safe: each run uses its own connections. Every step is bounded in total by the request's time-out
 * and every reply in length; the search of {@code auto} by its budget.
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
            Outcome outcome;
            if (found.found() != null && request.from() != null) {
                // The search stops before MAIL FROM: the envelope (or the message) is tried on the setting found.
                outcome = attempt.run(request, found.found(), request.timeout(), true);
            } else if (found.shown() != null) {
                outcome = found.shown();
            } else {
                // The budget allowed no attempt at all: show the most usual combination.
                outcome = attempt.run(request, Endpoint.USUAL.get(0), request.timeout(), true);
            }
            return report(request, outcome, found.verdict(), found.found(), found.attempts());
        }
        Endpoint given = new Endpoint(request.port(), request.security());
        Outcome outcome = attempt.run(request, given, request.timeout(), true);
        if (!anotherEndpointMayHelp(outcome)) {
            return report(request, outcome, SearchVerdict.NOT_SEARCHED, null, List.of());
        }
        // The connection or TLS failed, or no login was offered: find the combination that works instead of a guess.
        SecuritySearch.Result found = search.search(request, given);
        return report(request, outcome, found.verdict(), found.found(), found.attempts());
    }

    /**
     * Only a failure of the connection, greeting, EHLO or TLS, or a login not offered, may be cured by another
     * port or mode; an unknown host or an untrusted certificate is the same everywhere, a refused password
     * or a refused sender is not a matter of ports.
     */
    private static boolean anotherEndpointMayHelp(Outcome outcome) {
        return outcome.reach() == Reach.NO_SESSION || outcome.reach() == Reach.NO_LOGIN_OFFERED;
    }

    private static CheckReport report(CheckRequest request, Outcome outcome, SearchVerdict verdict,
                                      Endpoint recommended, List<AttemptSummary> attempts) {
        return new CheckReport(request.host(), outcome.endpoint(), outcome.steps(), outcome.diagnosis(),
                recommended, verdict, attempts);
    }
}
