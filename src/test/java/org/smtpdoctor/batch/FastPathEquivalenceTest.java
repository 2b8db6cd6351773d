package org.smtpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpdoctor.batch.SampleTexts.fingerprint;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Diagnosis;

/**
 * The fast paths never change an answer: the one-pass matcher and the rules' verdicts remembered by the facts
 * they read give, for sample texts from every sample file, exactly what a plain evaluation gives, parameters
 * included.
 */
class FastPathEquivalenceTest {
    private static final Diagnoser FILTERED = TestRules.projectDiagnoser();
    private static final Diagnoser NAIVE = Diagnoser.builder().rulesDirectory(TestRules.PROJECT_RULES)
            .prefilter(false).build();
    private static final List<String> TEXTS = SampleTexts.all();

    @Test
    void thePrefilterChangesNoDiagnosis() {
        assertThat(TEXTS).hasSizeGreaterThan(100);
        // The naive side runs each of the tens of thousands of patterns on each text, a fifth of a second per text:
        // an even spread of the samples (every sample file) keeps it to a few minutes as samples grow; on every core.
        // (PatternSetTest compares the one-pass matchers with RE2/J on all of them.)
        List<String> differing = SampleTexts.spread(TEXTS, 600).parallelStream()
                .map(text -> List.of(fingerprint(FILTERED.diagnose(text)), fingerprint(NAIVE.diagnose(text))))
                .filter(pair -> !pair.get(0).equals(pair.get(1)))
                .map(pair -> "one pass: " + pair.get(0) + "\n   naive: " + pair.get(1))
                .toList();
        assertThat(differing).as("texts the prefilter and the one pass diagnose differently").isEmpty();
    }

    @Test
    void aRememberedVerdictGivesEachTextItsOwnParameters() {
        int ownParameters = 0;
        for (String text : TEXTS) {
            String variant = Variants.of(text);
            if (variant.equals(text)) {
                continue;
            }
            // The variant (other digits, hosts, addresses; the same facts) goes first, so the text takes its verdicts;
            // explain() runs the rules on the text itself.
            Diagnosis first = FILTERED.diagnose(variant);
            Diagnosis second = FILTERED.diagnose(text);
            assertThat(fingerprint(second)).as(text).isEqualTo(fingerprint(FILTERED.explain(text).diagnosis()));
            if (!first.params().isEmpty() && !first.params().equals(second.params())) {
                ownParameters++;
            }
        }
        // An absolute floor: many samples are constant phrases (the concept wordings' cases) without parameters.
        assertThat(ownParameters).as("texts whose parameters differ from their variant's").isGreaterThan(50);
    }
}
