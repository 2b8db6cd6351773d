package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.smtpdoctor.reply.EnhancedStatusCode;
import org.smtpdoctor.reply.ParsedReply;

/**
 * The fact every rule matches: one parsed reply, for one evaluation.
 *
 * <p>Properties for constraints: {@code code} (535, or 0 when the text has none), {@code enhanced}
 * ("5.7.8", or "" when none), {@code enhancedClass}, {@code enhancedSubject}, {@code enhancedDetail},
 * {@code text}, {@code exceptions} (simple class names of the exceptions the text was wrapped in:
 * {@code exceptions contains "UnknownHostException"}), {@code stage} ("end-of-data", or "" when unknown).
 * The wordings of YAML rules are not tested here but found before the rules run, each set that occurs in the
 * text a {@link Said} fact ({@link #facts()}). Text tests for hand-written DRL: {@code has("pattern")} in a
 * constraint, {@code find("pattern")} after {@code from} when named groups should become parameters. Patterns
 * are RE2, case-insensitive.
 *
 * <p>Every text test counts against the evaluation's time budget: once it is spent, text tests answer "no
 * match" without looking, so no rule set can hold the diagnosing thread, and the code layers still answer.
 */
public final class Reply {
    private final ParsedReply parsed;
    private final TextPatterns patterns;
    private final List<Verdict> verdicts = new ArrayList<>();
    private final Budget budget;
    private String folded;
    private String overBudgetAt;

    /**
     * Made by the engine for each evaluation; {@code patterns} is the rule set's compiled patterns, and text
     * tests stop looking once the {@code budget} is spent.
     */
    public Reply(ParsedReply parsed, TextPatterns patterns, Budget budget) {
        this.parsed = parsed;
        this.patterns = patterns;
        this.budget = budget;
    }

    public int getCode() {
        return parsed.code();
    }

    public String getEnhanced() {
        EnhancedStatusCode e = parsed.enhancedCode();
        return e == null ? "" : e.toString();
    }

    public int getEnhancedClass() {
        EnhancedStatusCode e = parsed.enhancedCode();
        return e == null ? 0 : e.statusClass();
    }

    public int getEnhancedSubject() {
        EnhancedStatusCode e = parsed.enhancedCode();
        return e == null ? -1 : e.subject();
    }

    public int getEnhancedDetail() {
        EnhancedStatusCode e = parsed.enhancedCode();
        return e == null ? -1 : e.detail();
    }

    public String getText() {
        return parsed.text();
    }

    /**
     * The SMTP stage the failure happened at: "connect", "greeting", "ehlo", "starttls", "auth", "mail",
     * "rcpt", "data", "end-of-data", or "" when unknown ({@code stage == "end-of-data"} in a constraint).
     */
    public String getStage() {
        return parsed.stage() == null ? "" : parsed.stage().id();
    }

    /** Simple class names of the exceptions the text was wrapped in, outermost first; empty when none. */
    public List<String> getExceptions() {
        return parsed.exceptions();
    }

    /**
     * The facts to evaluate: this reply and a {@link Said} for each wording set that occurs in its text (one pass
     * over it). When the budget is spent before the pass or by it, no wording set counts as said.
     */
    public List<Object> facts() {
        return facts(said());
    }

    /** This reply and the wording sets {@link #said()} found in its text: the facts to evaluate. */
    public List<Object> facts(List<Said> said) {
        List<Object> facts = new ArrayList<>(said.size() + 1);
        facts.add(this);
        facts.addAll(said);
        return facts;
    }

    /**
     * A {@link Said} for each wording set that occurs in the text, in the order of their ids (one pass over it);
     * none when the budget is spent before the pass or by it.
     */
    public List<Said> said() {
        String scan = "the wordings of every rule";
        if (overBudget(scan)) {
            return List.of();
        }
        List<Said> said = patterns.said(this, parsed.text());
        return overBudget(scan) ? List.of() : said;
    }

    /** True when the pattern occurs anywhere in the text (case-insensitive). */
    public boolean has(String pattern) {
        return !overBudget(pattern) && mayMatch(pattern) && patterns.compile(pattern).matcher(parsed.text()).find();
    }

    /** The first match of the pattern in the text with its named groups, or null (which {@code from} skips). */
    public TextMatch find(String pattern) {
        return overBudget(pattern) ? null : match(pattern);
    }

    private TextMatch match(String pattern) {
        if (!mayMatch(pattern)) {
            return null;
        }
        Pattern p = patterns.compile(pattern);
        return p.matcher(parsed.text()).find() ? new TextMatch(p, parsed.text()) : null;
    }

    /** The literal prefilter: false only when the pattern cannot match this text. */
    private boolean mayMatch(String pattern) {
        if (folded == null) {
            folded = TextPatterns.fold(parsed.text());
        }
        return patterns.mayMatch(pattern, folded);
    }

    private boolean overBudget(String test) {
        if (overBudgetAt == null && budget.spent()) {
            overBudgetAt = test;
        }
        return overBudgetAt != null;
    }

    /**
     * The wording set or pattern being tested when the time budget ran out, or null when the evaluation
     * stayed within it; the tests after it were skipped.
     */
    public String overBudgetAt() {
        return overBudgetAt;
    }

    void conclude(Verdict verdict) {
        verdicts.add(verdict);
    }

    /** What the rules concluded during this evaluation, in firing order. */
    public List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    @Override
    public String toString() {
        return "Reply[" + parsed.code() + " " + getEnhanced() + " " + parsed.text() + "]";
    }
}
