package org.smtpdoctor.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code --security auto}: tries port and mode combinations one after another, within a total time
 * budget, and returns the first whose connection, TLS and AUTH get through. This answers the support
 * article's "the server/port pair or the SSL/TLS boxes are set wrong" with the settings that work.
 */
final class SecuritySearch {
    /** Below this, an attempt cannot even connect and answer; the search stops instead. */
    private static final Duration MIN_ATTEMPT = Duration.ofMillis(500);
    private final SessionAttempt attempt;

    SecuritySearch(SessionAttempt attempt) {
        this.attempt = attempt;
    }

    /**
     * What the search found and tried.
     *
     * @param found        the combination that works, or null
     * @param foundOutcome the attempt that showed it (connection, TLS and AUTH; no envelope), or null
     * @param attempts     every combination tried, in order
     */
    record Result(Endpoint found, SessionAttempt.Outcome foundOutcome, List<AttemptSummary> attempts) {
    }

    /**
     * Tries the request's candidates (with a given port first, in every mode), skipping {@code exclude}.
     * A combination "works" when it fails, if at all, only past the connection and TLS: a wrong password
     * on the right port still means the port and mode are right.
     */
    Result search(CheckRequest request, Endpoint exclude) {
        long deadline = System.nanoTime() + request.autoBudget().toNanos();
        List<AttemptSummary> tried = new ArrayList<>();
        for (Endpoint candidate : candidates(request)) {
            if (candidate.equals(exclude)) {
                continue;
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.compareTo(MIN_ATTEMPT) < 0) {
                break;
            }
            Duration timeout = left.compareTo(request.timeout()) < 0 ? left : request.timeout();
            long started = System.nanoTime();
            SessionAttempt.Outcome outcome = attempt.run(request, candidate, timeout, false);
            boolean works = outcome.transportWorks();
            tried.add(new AttemptSummary(candidate, works,
                    outcome.diagnosis() == null ? null : outcome.diagnosis().category(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
            if (works) {
                return new Result(candidate, outcome, tried);
            }
        }
        return new Result(null, null, tried);
    }

    private static Set<Endpoint> candidates(CheckRequest request) {
        Set<Endpoint> ordered = new LinkedHashSet<>();
        if (request.portGiven()) {
            for (Security mode : List.of(Security.SSL, Security.STARTTLS, Security.NONE)) {
                ordered.add(new Endpoint(request.port(), mode));
            }
        }
        ordered.addAll(request.candidates());
        return ordered;
    }
}
