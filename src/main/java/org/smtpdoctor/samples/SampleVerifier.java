package org.smtpdoctor.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smtpdoctor.catalog.Advice;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Diagnosis;

/** Runs sample cases through a {@link Diagnoser} and says, for each, what differs from its expectation. */
public final class SampleVerifier {
    private final Diagnoser diagnoser;

    public SampleVerifier(Diagnoser diagnoser) {
        this.diagnoser = diagnoser;
    }

    /** Verifies one case. */
    public SampleResult verify(SampleCase sample) {
        List<String> failures = new ArrayList<>();
        if (!diagnoser.taxonomy().contains(sample.expect())) {
            failures.add("expected category '" + sample.expect() + "' does not exist in categories.yaml");
            return new SampleResult(sample, null, failures);
        }
        Diagnosis d = diagnoser.diagnose(sample.text());
        String rule = d.rule() == null ? "no rule" : "rule " + d.rule();
        if (!d.category().equals(sample.expect())) {
            failures.add("expected " + sample.expect() + ", got " + d.category() + " (" + rule + ")");
        }
        if (sample.basis() != null && !sample.basis().equals(d.basis().id())) {
            failures.add("expected basis " + sample.basis() + ", got " + d.basis().id() + " (" + rule + ")");
        }
        for (Map.Entry<String, String> p : sample.params().entrySet()) {
            String actual = d.params().get(p.getKey());
            if (!p.getValue().equals(actual)) {
                failures.add("expected param " + p.getKey() + "=" + p.getValue() + ", got " + actual + " (" + rule + ")");
            }
        }
        if (d.adviceUnfinished()) {
            failures.add("the advice of " + d.category() + " is not written yet (a TODO stub in the catalog): people"
                    + " would see the fallback's advice; write it in every language (smtp-doctor lint shows where)");
        }
        for (Map.Entry<String, String> a : sample.advice().entrySet()) {
            Advice advice = d.advice(Locale.forLanguageTag(a.getKey()));
            String all = advice.title() + "\n" + advice.explanation() + "\n" + String.join("\n", advice.remedy());
            if (!advice.language().equals(a.getKey()) || !all.contains(a.getValue())) {
                failures.add("expected the " + a.getKey() + " advice of " + d.category() + " to contain \""
                        + a.getValue() + "\"");
            }
        }
        return new SampleResult(sample, d, failures);
    }

    /**
     * One failure line per catalog text that is still a stub, wherever it stands (a category no case reaches
     * included): {@code catalog/auth.yaml:14:12: the English title of auth.password-expired is a TODO stub: ...}.
     */
    public List<String> unfinishedAdvice() {
        return diagnoser.unfinishedAdvice().stream().map(t -> t.file() + ":" + t.line() + ":" + t.column() + ": "
                + t.what() + " of " + t.category() + " is still a TODO stub: write it (until then people are shown"
                + " the general advice of an unknown error)").toList();
    }

    /** Verifies every case, in order. */
    public List<SampleResult> verifyAll(List<SampleCase> samples) {
        return samples.stream().map(this::verify).toList();
    }
}
