package org.smtpdoctor.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.smtpdoctor.rules.Reply;
import org.smtpdoctor.rules.Said;
import org.smtpdoctor.rules.TextMatch;
import org.smtpdoctor.rules.Verdict;

/**
 * The rules' verdicts remembered by the facts they were drawn from. A rule compiled from YAML reads nothing of a
 * reply but its reply code, enhanced code, stage, exception names and which wording sets its text says (its
 * {@link Said} facts), so two replies alike in those get the same verdicts from Drools: the second takes the
 * first's, each verdict's parameters read from its own text. A log holds a few hundred such combinations however
 * many lines it has, and lines that differ in every word still say the same wordings.
 *
 * <p>Exact by construction, so nothing is proven per entry; a rule set with hand-written DRL (whose text tests
 * see more than these facts) has none. Bounded: Caffeine keeps the combinations read most often and most lately.
 */
final class VerdictMemo {
    /**
     * Far more combinations than a real log holds, a few MB of heap at most. The bench log, drawn from every sample
     * case, holds tens of thousands; the frequent ones stay (Caffeine admits by frequency), and a million entries
     * measured no faster there (docs/benchmarks.md, session 28).
     */
    private static final int MAX_ENTRIES = 20_000;
    /**
     * The cache's upkeep (its record of reads and evictions) done by the reading thread, a little on each call: by
     * default it is handed to the common fork-join pool, which woke a pool thread (a system call) that often that
     * the waking cost more than the look-up.
     */
    private final Cache<Key, List<Shape>> entries = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
            .executor(Runnable::run).build();

    /**
     * Everything a compiled rule reads of one reply. Hashed once, and compared field by field as written here: a
     * key is hashed by the cache and compared with the one it finds on every line.
     */
    static final class Key {
        private final int code;
        private final String enhanced;
        private final String stage;
        private final List<String> exceptions;
        private final List<String> said;
        private final int hash;

        private Key(int code, String enhanced, String stage, List<String> exceptions, List<String> said) {
            this.code = code;
            this.enhanced = enhanced;
            this.stage = stage;
            this.exceptions = exceptions;
            this.said = said;
            this.hash = Objects.hash(code, enhanced, stage, exceptions, said);
        }

        static Key of(Reply reply, List<Said> said) {
            List<String> ids = new ArrayList<>(said.size());
            said.forEach(s -> ids.add(s.getId()));
            return new Key(reply.getCode(), reply.getEnhanced(), reply.getStage(), reply.getExceptions(), ids);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && code == k.code && said.equals(k.said)
                    && Objects.equals(enhanced, k.enhanced) && Objects.equals(stage, k.stage)
                    && exceptions.equals(k.exceptions);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A verdict without the text it was read from: which wording sets give its parameters. */
    private record Shape(String category, String rulePackage, String ruleName, Map<String, String> given,
                         List<String> saidIds) {
    }

    /**
     * The verdicts of a reply with {@code key}'s facts, in the order remembered, parameters read from {@code said};
     * null when not known.
     */
    List<Verdict> recall(Key key, List<Said> said) {
        List<Shape> shapes = entries.getIfPresent(key);
        if (shapes == null) {
            return null;
        }
        List<Verdict> verdicts = new ArrayList<>(shapes.size());
        for (Shape shape : shapes) {
            List<TextMatch> matches = new ArrayList<>(shape.saidIds().size());
            for (String id : shape.saidIds()) {
                matches.add(find(said, id).match());
            }
            verdicts.add(new Verdict(shape.category(), shape.rulePackage(), shape.ruleName(), shape.given(),
                    List.copyOf(matches), shape.saidIds()));
        }
        return verdicts;
    }

    /** Remembers what the rules concluded on a reply with {@code key}'s facts, in the order that decides. */
    void remember(Key key, List<Verdict> verdicts) {
        entries.put(key, verdicts.stream()
                .map(v -> new Shape(v.category(), v.rulePackage(), v.ruleName(), v.given(), v.saidIds()))
                .toList());
    }

    private static Said find(List<Said> said, String id) {
        for (Said s : said) {
            if (s.getId().equals(id)) {
                return s;
            }
        }
        throw new IllegalStateException("a remembered verdict reads wording set " + id + ", which its key lacks");
    }
}
