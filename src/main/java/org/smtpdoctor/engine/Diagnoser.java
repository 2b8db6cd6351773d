package org.smtpdoctor.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpdoctor.catalog.AppResends;
import org.smtpdoctor.catalog.CatalogText;
import org.smtpdoctor.catalog.Deployment;
import org.smtpdoctor.catalog.DeploymentLoader;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.reply.ParsedReply;
import org.smtpdoctor.reply.ReplyParser;
import org.smtpdoctor.reply.SmtpStage;
import org.smtpdoctor.reply.ThrowableReader;
import org.smtpdoctor.rules.Budget;
import org.smtpdoctor.rules.Reply;
import org.smtpdoctor.rules.Said;
import org.smtpdoctor.rules.Verdict;
import org.smtpdoctor.source.CategoryId;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;

/**
 * The engine: reads an error text and says what went wrong, what to do, who acts and whether a retry helps.
 *
 * <pre>{@code
 * Diagnoser diagnoser = Diagnoser.builder().build();              // the bundled rules
 * Diagnosis d = diagnoser.diagnose("535 5.7.8 Error: authentication failed");
 * d.category();                                                  // "auth.invalid-credentials"
 * d.advice(Locale.forLanguageTag("ru")).remedy();                // steps, in Russian
 * }</pre>
 *
 * <p>Build one and share it: a Diagnoser is thread-safe. Each {@link #diagnose} call scans the text once for
 * every wording, then runs the rules on what it found in its thread's own Drools session, or takes the verdicts
 * the rules gave a reply with the same facts (codes, stage, exceptions, wordings found), each read anew from its
 * own text. A text that quotes another server's reply ({@link ParsedReply#quoted}) has that reply diagnosed first, the
 * same way, and keeps its answer when a rule of the quoted reply's words names a cause. One built with {@link Builder#watch} reloads its rules directory when it changes: the new rule set replaces the old one atomically, a diagnosis in flight finishes on the rule set
 * it started with, and an edit that does not load leaves the last good rule set serving. Without watch, the
 * rule set never changes. {@link #close} stops watching.
 */
public final class Diagnoser implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Diagnoser.class);
    private final ReplyParser parser = new ReplyParser();
    private final ThrowableReader throwables = new ThrowableReader();
    private final AtomicReference<RuleSet> rules;
    private final RuleSetWatcher watcher;
    private final boolean prefilter;
    private final long budgetNanos;
    /** The application as named for this Diagnoser instead of the rule set's deployment.yaml; null: the rule set's. */
    private final DeploymentOverride deployment;
    /** The rule set now serving with {@link #deployment} applied, made once per rule set. */
    private volatile Overridden overridden;

    Diagnoser(RuleSet rules) {
        this(rules, null, null, true, Builder.DEFAULT_BUDGET, null);
    }

    /** A Diagnoser on {@code rules} with its own evaluation budget (lint's must never cut an evaluation short). */
    Diagnoser(RuleSet rules, Duration budget) {
        this(rules, null, null, true, budget, null);
    }

    private Diagnoser(RuleSet rules, Path directory, RuleSetListener listener, boolean prefilter, Duration budget,
                      DeploymentOverride deployment) {
        this.deployment = deployment;
        this.rules = new AtomicReference<>(rules);
        this.watcher = listener == null ? null : RuleSetWatcher.start(directory, this.rules, listener);
        this.prefilter = prefilter;
        this.budgetNanos = budget.toNanos();
    }

    private record Overridden(RuleSet of, RuleSet serving) {
    }

    /**
     * What a Diagnoser says of the application instead of the rule set: a deployment file's forms (null: the
     * rule set's) and whether it resends (null: as that file says).
     */
    private record DeploymentOverride(Deployment file, AppResends resends) {
        Deployment over(Deployment ruleSets) {
            Deployment chosen = file != null ? file : ruleSets;
            return resends == null ? chosen : chosen.withResends(resends);
        }
    }

    /** The rule set now serving, with the application named as this Diagnoser was built to name it. */
    private RuleSet serving() {
        RuleSet current = rules.get();
        if (deployment == null) {
            return current;
        }
        Overridden known = overridden;
        if (known == null || known.of() != current) {
            known = new Overridden(current, current.withDeployment(deployment.over(current.catalog().deployment())));
            overridden = known;
        }
        return known.serving();
    }

    /** Starts building a Diagnoser; without {@link Builder#rulesDirectory} it uses the bundled rules. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Diagnoses one error text: an SMTP reply, a client library's message or a logged stack trace.
     * Never returns null and never throws on any input; unrecognised texts get an unknown.* category, and a
     * rule that fails at run time is logged and skipped.
     */
    public Diagnosis diagnose(String errorText) {
        return decide(parser.parse(errorText));
    }

    /**
     * Diagnoses a reply whose SMTP stage the caller knows (e.g. the answer to its own RCPT TO); the
     * stage becomes a fact for the rules and is reported. A null stage is the same as {@link #diagnose(String)}.
     */
    public Diagnosis diagnose(String errorText, SmtpStage stage) {
        return decide(parser.parse(errorText).atStage(stage));
    }

    /**
     * Diagnoses an exception as thrown, typically by Jakarta Mail's {@code Transport.send}: the whole cause
     * chain (and {@code getNextException()}) is read, with the reply code and command of the SMTP
     * exceptions and the stack frames giving the {@link SmtpStage}; see {@link ThrowableReader}. A logged
     * stack trace of the same exception given to {@link #diagnose(String)} gives the same category.
     */
    public Diagnosis diagnose(Throwable failure) {
        return decide(throwables.read(failure));
    }

    /**
     * The reply another server gave, where the text quotes one ({@link ParsedReply#quoted}), decides when it names a
     * cause by a rule: judged on its own words, the wrapper's ("rejected by the recipient domain") cannot trip its
     * rules' guards. Otherwise the whole text decides; a text without a quote is evaluated once.
     */
    private Diagnosis decide(ParsedReply parsed) {
        return quoteFirst(parsed, (judged, current) -> LayeredDecision.decide(judged, evaluate(judged, current, true), current),
                Function.identity());
    }

    /**
     * {@code judge}'s answer on the reply {@code parsed} quotes when that answer names a cause
     * ({@link LayeredDecision#namesCause}), else on the whole text: the one place {@link #diagnose} and {@link #explain}
     * take this turn, so that an explanation always tells the decision a diagnosis gives.
     */
    private <T> T quoteFirst(ParsedReply parsed, BiFunction<ParsedReply, RuleSet, T> judge, Function<T, Diagnosis> diagnosis) {
        RuleSet current = serving();
        ParsedReply quote = parsed.quoted();
        if (quote != null) {
            T quoted = judge.apply(quote, current);
            if (LayeredDecision.namesCause(diagnosis.apply(quoted))) {
                return quoted;
            }
        }
        return judge.apply(parsed, current);
    }

    /**
     * Diagnoses like {@link #diagnose} and tells how: the parsed reply, every rule and code table entry that
     * matched, which one decided, and whether the reply the text quotes decided ({@link Explanation#quoteDecided}).
     */
    public Explanation explain(String errorText) {
        ParsedReply parsed = parser.parse(errorText);
        return quoteFirst(parsed, (judged, current) -> Explainer.explain(parsed, judged, evaluate(judged, current, false),
                current), Explanation::diagnosis);
    }

    /**
     * The rules' verdicts, ranked ({@link LayeredDecision#rank}); {@code recall}: taken from the rule set's memo when a
     * reply with the same facts had them, ranked already.
     */
    private List<Verdict> evaluate(ParsedReply parsed, RuleSet rules, boolean recall) {
        Reply fact = new Reply(parsed, prefilter ? rules.patterns() : rules.patterns().unfiltered(),
                new Budget(budgetNanos));
        List<Said> said = fact.said();
        VerdictMemo memo = prefilter && rules.memo() != null && fact.overBudgetAt() == null ? rules.memo() : null;
        VerdictMemo.Key key = memo == null ? null : VerdictMemo.Key.of(fact, said);
        List<Verdict> known = recall && memo != null ? memo.recall(key, said) : null;
        if (known != null) {
            return known;
        }
        boolean fired = false;
        try {
            rules.sessions().fire(fact.facts(said));
            fired = true;
        } catch (RuntimeException e) {
            // One faulty rule must not cost the caller an answer: the verdicts so far and the code layers decide.
            LOG.warn("rule evaluation failed, deciding without the remaining rules: {}", e.toString());
        }
        if (fact.overBudgetAt() != null) {
            LOG.warn("rule evaluation exceeded its budget of {} ms at '{}'; the remaining text tests were skipped for: {}",
                    budgetNanos / 1_000_000, fact.overBudgetAt(), abbreviate(parsed.text()));
        }
        List<Verdict> ranked = LayeredDecision.rank(fact.verdicts(), rules);
        if (memo != null && fired && fact.overBudgetAt() == null) {
            memo.remember(key, ranked);
        }
        return ranked;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /**
     * The Drools rule a YAML rule compiled to, by its full name ({@code auth.invalid-credentials: ...}), or
     * null for a hand-written DRL rule or an unknown name: what {@code explain --drl} shows.
     */
    public String generatedDrl(String ruleName) {
        return rules.get().drl().get(ruleName);
    }

    /**
     * The catalog texts still written as stubs ({@code TODO}), with where they stand: advice no person may see,
     * so {@code verify} fails on them and diagnoses show the fallback's advice instead.
     */
    public List<CatalogText> unfinishedAdvice() {
        return rules.get().catalog().unfinished();
    }

    /** The categories, languages and precedence of the loaded rule set. */
    public Taxonomy taxonomy() {
        return rules.get().catalog().taxonomy();
    }

    /**
     * How many wording rules each category has, keyed by category id (a rule file
     * {@code <family>/<name>.yaml} holds the rules of category {@code <family>.<name>}); categories
     * without rules are absent. For coverage reports.
     */
    public Map<String, Integer> ruleCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (RuleSet.Placed placed : rules.get().placed().values()) {
            RuleRef rule = placed.location();
            CategoryId.ofFile(rule.file(), rule.file().endsWith(".drl") ? "drl" : "yaml")
                    .ifPresent(c -> counts.merge(c.toString(), 1, Integer::sum));
        }
        return counts;
    }

    /** The version (content hash) of the rule set now serving. */
    public String ruleSetVersion() {
        return rules.get().version();
    }

    /** Stops watching the rules directory (when {@link Builder#watch} was used); diagnosing still works. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    /** Builds a {@link Diagnoser}. */
    public static final class Builder {
        // A safety net that honest work never meets: the slowest text of the 1M-line bench log (a line cut at
        // 8 KiB of text, every wording tried) took 59 ms on a cold JVM and 33 ms warm, one pattern at a time.
        static final Duration DEFAULT_BUDGET = Duration.ofMillis(200);
        private Path rulesDirectory;
        private RuleSetListener listener;
        private boolean prefilter = true;
        private Duration budget = DEFAULT_BUDGET;
        private Path deploymentFile;
        private AppResends resends;

        private Builder() {
        }

        /**
         * Names the application that sends the mail as {@code file} does (the form of a rules directory's
         * {@code deployment.yaml}) instead of the rule set's own; read and checked at build time.
         */
        public Builder deployment(Path file) {
            this.deploymentFile = file;
            return this;
        }

        /** Says whether the application resends by itself, whatever the deployment file says. */
        public Builder appResends(AppResends resends) {
            this.resends = resends;
            return this;
        }

        /** Loads rules and catalogs from this directory (read at build time, no rebuild of the jar). */
        public Builder rulesDirectory(Path directory) {
            this.rulesDirectory = directory;
            return this;
        }

        /**
         * Watches the {@link #rulesDirectory} and reloads it in the background when a file changes; the
         * listener hears of every new version and every edit that was refused (it is also logged).
         */
        public Builder watch(RuleSetListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Whether wordings are matched all in one pass (the default), or each by RE2/J in turn: the naive
         * baseline benchmarks compare with. Diagnoses are the same either way.
         */
        public Builder prefilter(boolean enabled) {
            this.prefilter = enabled;
            return this;
        }

        /**
         * How long the rules may spend on one text (default 200 ms, see {@link Budget}): once it is spent, the remaining text tests
         * answer "no match" without looking, the overrun is logged, and the code layers still answer.
         */
        public Builder evaluationBudget(Duration budget) {
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("the evaluation budget must be positive: " + budget);
            }
            this.budget = budget;
            return this;
        }

        /**
         * Loads and compiles the rules.
         *
         * @throws org.smtpdoctor.source.ProblemsException with file, line and column of every problem
         * @throws IllegalArgumentException when the rules directory or the deployment file does not exist, or
         *                                  watch is asked for without a rules directory
         */
        public Diagnoser build() {
            if (listener != null && rulesDirectory == null) {
                throw new IllegalArgumentException("watch needs a rules directory: the bundled rules do not change");
            }
            SourceTree tree = rulesDirectory == null ? SourceTree.bundledRules() : SourceTree.of(rulesDirectory);
            RuleSet rules = RuleSetLoader.load(tree);
            Deployment file = deploymentFile == null ? null : readDeployment(rules);
            DeploymentOverride override = file == null && resends == null ? null : new DeploymentOverride(file, resends);
            return new Diagnoser(rules, rulesDirectory, listener, prefilter, budget, override);
        }

        private Deployment readDeployment(RuleSet rules) {
            SourceFile read = SourceTree.fileAt(deploymentFile);
            if (read == null) {
                throw new IllegalArgumentException("deployment file " + deploymentFile + ": no such file");
            }
            Problems problems = new Problems();
            Deployment deployment = DeploymentLoader.load(read, rules.catalog().taxonomy().languages(), problems);
            problems.throwIfErrors();
            return deployment;
        }
    }
}
