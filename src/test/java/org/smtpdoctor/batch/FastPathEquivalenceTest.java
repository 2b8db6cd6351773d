package org.smtpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpdoctor.batch.SampleTexts.fingerprint;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.LogDiagnoser;

/**
 * The fast paths never change an answer: the literal prefilter and the template cache give, for every
 * sample text, exactly what a plain evaluation gives, parameters included.
 */
class FastPathEquivalenceTest {
    private static final Diagnoser FILTERED = TestRules.projectDiagnoser();
    private static final Diagnoser NAIVE = Diagnoser.builder().rulesDirectory(TestRules.PROJECT_RULES)
            .prefilter(false).build();
    private static final List<String> TEXTS = SampleTexts.all();

    @Test
    void thePrefilterChangesNoDiagnosis() {
        assertThat(TEXTS).hasSizeGreaterThan(100);
        // On every core: the naive side runs each of thousands of patterns on each text, minutes on one core.
        List<String> differing = TEXTS.parallelStream()
                .map(text -> List.of(fingerprint(FILTERED.diagnose(text)), fingerprint(NAIVE.diagnose(text))))
                .filter(pair -> !pair.get(0).equals(pair.get(1)))
                .map(pair -> "one pass: " + pair.get(0) + "\n   naive: " + pair.get(1))
                .toList();
        assertThat(differing).as("texts the prefilter and the one pass diagnose differently").isEmpty();
    }

    @Test
    void aCachedTemplateGivesEachTextItsOwnDiagnosis() {
        int checked = 0;
        for (String text : TEXTS) {
            String variant = Variants.of(text);
            if (variant.equals(text) || !FILTERED.template(variant).equals(FILTERED.template(text))) {
                continue;
            }
            // Both orders: the variant fills the cache and the sample reads from it, and the other way round.
            LogDiagnoser first = FILTERED.forLog();
            first.diagnose(variant);
            assertThat(fingerprint(first.diagnose(text).diagnosis())).as(text).isEqualTo(fingerprint(NAIVE.diagnose(text)));
            LogDiagnoser second = FILTERED.forLog();
            second.diagnose(text);
            assertThat(fingerprint(second.diagnose(variant).diagnosis())).as(variant).isEqualTo(fingerprint(NAIVE.diagnose(variant)));
            checked++;
        }
        // An absolute floor: the samples also hold many constant phrases (the concept wordings' cases), which
        // have no variable part, so a share of all texts would say little about this test's reach.
        assertThat(checked).as("sample texts with variable parts").isGreaterThan(200);
    }

    @Test
    void aRepeatedTextIsServedFromTheCache() {
        LogDiagnoser cache = FILTERED.forLog();
        String text = "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in local recipient table";
        assertThat(cache.diagnose(text).diagnosis()).isSameAs(cache.diagnose(text).diagnosis());
        assertThat(cache.diagnose(text.replace("bob", "eve")).diagnosis().params()).containsEntry("address", "eve@example.org");
    }

    @Test
    void aValueThatOverlapsAMaskedPartOnlyByChanceIsStillCached() {
        // "Microsoft 365" holds the timestamp's "36": the variant check shows the value does not come from it.
        String first = "2026-11-28 13:29:36,123 ERROR [mail-7] o.e.Mailer - 535 5.7.139 Authentication unsuccessful, "
                + "the user credentials were incorrect. [LO2P265CA0048.GBRP265.PROD.OUTLOOK.COM]";
        String second = first.replace("13:29:36", "17:45:02");
        LogDiagnoser cache = FILTERED.forLog();
        assertThat(cache.diagnose(first).diagnosis().params()).containsEntry("provider", "Microsoft 365");
        LogDiagnoser.Line served = cache.diagnose(second);
        assertThat(served.shared()).as("served from the cache").isNotNull();
        assertThat(fingerprint(served.diagnosis())).isEqualTo(fingerprint(NAIVE.diagnose(second)));
    }
}
