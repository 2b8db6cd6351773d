package org.smtpdoctor.engine;

import java.nio.file.Path;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.reply.ParsedReply;
import org.smtpdoctor.reply.ReplyParser;
import org.smtpdoctor.reply.ReplyTemplate;
import org.smtpdoctor.rules.Reply;
import org.smtpdoctor.rules.TextPatterns;
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
    private final RuleSet rules;
    private final TextPatterns patterns;
    private final ReplyTemplate replyTemplate;

    private Diagnoser(RuleSet rules, boolean prefilter) {
        this.rules = rules;
        this.patterns = prefilter ? rules.patterns() : rules.patterns().unfiltered();
        this.replyTemplate = new ReplyTemplate(rules.patterns().literalWords());
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
        ParsedReply parsed = parser.parse(errorText);
        Reply fact = new Reply(parsed, patterns);
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

    /** The version (content hash) of the loaded rule set. */
    public String ruleSetVersion() {
        return rules.version();
    }

    /** Template masking that never hides a word this rule set's patterns look for (see {@link ReplyTemplate}). */
    public ReplyTemplate replyTemplate() {
        return replyTemplate;
    }

    /** Builds a {@link Diagnoser}. */
    public static final class Builder {
        private Path rulesDirectory;
        private boolean prefilter = true;

        private Builder() {
        }

        /** Loads rules and catalogs from this directory (read at build time, no rebuild of the jar). */
        public Builder rulesDirectory(Path directory) {
            this.rulesDirectory = directory;
            return this;
        }

        /**
         * Whether patterns are first checked for the literal words they need (the default), or always run:
         * the naive baseline benchmarks compare with. Diagnoses are the same either way.
         */
        public Builder prefilter(boolean enabled) {
            this.prefilter = enabled;
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
            return new Diagnoser(RuleSetLoader.load(tree), prefilter);
        }
    }
}
