package org.smtpdoctor.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.reply.ParsedReply;
import org.smtpdoctor.reply.ReplyParser;
import org.smtpdoctor.reply.SmtpStage;
import org.smtpdoctor.reply.ThrowableReader;
import org.smtpdoctor.rules.Reply;
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
 * <p>Build one and share it: a Diagnoser is immutable and thread-safe. Each {@link #diagnose} call
 * runs the rules in its own stateless session.
 */
public final class Diagnoser {
    private static final Logger LOG = LoggerFactory.getLogger(Diagnoser.class);
    private final ReplyParser parser = new ReplyParser();
    private final ThrowableReader throwables = new ThrowableReader();
    private final RuleSet rules;

    private Diagnoser(RuleSet rules) {
        this.rules = rules;
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

    private Diagnosis decide(ParsedReply parsed) {
        Reply fact = new Reply(parsed, rules.patterns());
        StatelessKieSession session = rules.kieBase().newStatelessKieSession();
        try {
            session.execute(fact);
        } catch (RuntimeException e) {
            // One faulty rule must not cost the caller an answer: the verdicts so far and the code layers decide.
            LOG.warn("rule evaluation failed, deciding without the remaining rules: {}", e.toString());
        }
        return LayeredDecision.decide(parsed, fact.verdicts(), rules);
    }

    /** The categories, languages and precedence of the loaded rule set. */
    public Taxonomy taxonomy() {
        return rules.catalog().taxonomy();
    }

    /**
     * How many wording rules each category has, keyed by category id (a rule file
     * {@code <family>/<name>.drl} holds the rules of category {@code <family>.<name>}); categories
     * without rules are absent. For coverage reports.
     */
    public Map<String, Integer> ruleCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (RuleRef rule : rules.locations().values()) {
            counts.merge(rule.file().replaceFirst("\\.drl$", "").replace('/', '.'), 1, Integer::sum);
        }
        return counts;
    }

    /** The version (content hash) of the loaded rule set. */
    public String ruleSetVersion() {
        return rules.version();
    }

    /** Builds a {@link Diagnoser}. */
    public static final class Builder {
        private Path rulesDirectory;

        private Builder() {
        }

        /** Loads rules and catalogs from this directory (read at build time, no rebuild of the jar). */
        public Builder rulesDirectory(Path directory) {
            this.rulesDirectory = directory;
            return this;
        }

        /**
         * Loads and compiles the rules.
         *
         * @throws org.smtpdoctor.source.ProblemsException with file, line and column of every problem
         * @throws IllegalArgumentException when the rules directory does not exist
         */
        public Diagnoser build() {
            SourceTree tree = rulesDirectory == null ? SourceTree.bundledRules() : SourceTree.of(rulesDirectory);
            return new Diagnoser(RuleSetLoader.load(tree));
        }
    }
}
