package org.smtpdoctor.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.smtpdoctor.check.SessionAttempt.Outcome;
import org.smtpdoctor.check.SessionAttempt.Reach;

/**
 * {@code --security auto}: tries port and mode combinations one after another, within a total time budget,
 * and ranks what they got: an encrypted setting where the connection, TLS and the login got through ends
 * the search and is recommended; a setting where the login succeeded ranks above one where it was refused;
 * an unencrypted setting is named only when no encrypted one works, and never when an encrypted one failed
 * only for its certificate (that is the thing to fix). This answers the support article's "the server/port
 * pair or the SSL/TLS boxes are set wrong" with the settings that work.
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
     * @param verdict  what it concluded
     * @param found    the combination that works (encrypted, or unencrypted when only that works), or null
     * @param shown    the attempt to report: the one that worked, else the one that got furthest, else the
     *                 first; null when nothing was tried
     * @param attempts every combination tried, in order
     */
    record Result(SearchVerdict verdict, Endpoint found, Outcome shown, List<AttemptSummary> attempts) {
    }

    /**
     * Tries the request's candidates (with a given port first, in every mode), skipping {@code exclude}.
     * Attempts stop before AUTH's successor: no MAIL FROM, nothing sent.
     */
    Result search(CheckRequest request, Endpoint exclude) {
        long deadline = System.nanoTime() + request.autoBudget().toNanos();
        List<AttemptSummary> tried = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
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
            Outcome outcome = attempt.run(request, candidate, timeout, false);
            outcomes.add(outcome);
            tried.add(new AttemptSummary(candidate, outcome.transportWorks(),
                    outcome.diagnosis() == null ? null : outcome.diagnosis().category(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
            if (outcome.transportWorks() && candidate.encrypted()) {
                return new Result(SearchVerdict.WORKS, candidate, outcome, tried);
            }
            if (outcome.reach() == Reach.HOST_UNKNOWN) {
                break;  // the same name on every port
            }
        }
        return rank(outcomes, tried);
    }

    /** No encrypted setting worked: what is left to say. */
    private static Result rank(List<Outcome> outcomes, List<AttemptSummary> tried) {
        Outcome certificate = first(outcomes, o -> o.reach() == Reach.CERTIFICATE_REFUSED);
        Outcome unencrypted = first(outcomes, Outcome::transportWorks);
        if (unencrypted != null && certificate == null) {
            return new Result(SearchVerdict.WORKS_ONLY_UNENCRYPTED, unencrypted.endpoint(), unencrypted, tried);
        }
        if (certificate != null) {
            return new Result(SearchVerdict.CERTIFICATE_UNTRUSTED, null, certificate, tried);
        }
        List<Outcome> refused = outcomes.stream().filter(o -> o.reach() == Reach.LOGIN_REFUSED).toList();
        if (!refused.isEmpty()) {
            Outcome shown = first(refused, o -> o.endpoint().encrypted());
            return new Result(refused.stream().allMatch(Outcome::credentialsRefused)
                    ? SearchVerdict.PASSWORD_WRONG_EVERYWHERE : SearchVerdict.LOGIN_REFUSED_EVERYWHERE,
                    null, shown == null ? refused.get(0) : shown, tried);
        }
        Outcome furthest = null;
        for (Outcome o : outcomes) {
            if (furthest == null || o.reach().compareTo(furthest.reach()) > 0) {
                furthest = o;
            }
        }
        return new Result(SearchVerdict.NOTHING_WORKS, null, furthest, tried);
    }

    private static Outcome first(List<Outcome> outcomes, Predicate<Outcome> test) {
        return outcomes.stream().filter(test).findFirst().orElse(null);
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
