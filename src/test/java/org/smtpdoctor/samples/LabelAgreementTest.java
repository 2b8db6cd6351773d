package org.smtpdoctor.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.engine.Basis;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;

/** A second labelling read from YAML and compared with a set's labels and the engine's answers, counted by hand. */
class LabelAgreementTest {
    private static final Set<String> CATEGORIES = Set.of("recipient.unknown", "recipient.rejected",
            "connection.lost", "timeout.read", "auth.invalid-credentials");

    private static HeldOutEvaluation.Outcome outcome(int line, String expect, String engine) {
        return new HeldOutEvaluation.Outcome(new HeldOutCase("set.yaml", line, "text " + line, expect, "mta", "en",
                "a source"), engine, Basis.CONCEPT);
    }

    private static final List<HeldOutEvaluation.Outcome> OUTCOMES = List.of(
            outcome(2, "recipient.unknown", "recipient.unknown"),     // both labels agree, engine right
            outcome(7, "recipient.unknown", "recipient.rejected"),    // labels agree, engine in the family only
            outcome(12, "connection.lost", "timeout.read"),           // labels differ; engine = second label
            outcome(17, "auth.invalid-credentials", "connection.lost")); // not labelled twice

    /** The second labelling written {@code yaml} compared with {@link #OUTCOMES}; its reading problems go to {@code problems}. */
    private static LabelAgreement agreement(String yaml, Problems problems) {
        return LabelAgreement.of(OUTCOMES, SecondLabelling.load(new SourceFile("second.yaml", yaml), problems),
                CATEGORIES::contains);
    }

    @Test
    void countsAgreementOfTheLabelsAndOfTheEngineWithEach() {
        Problems problems = new Problems();
        LabelAgreement a = agreement("""
                labels:
                  - case: "set.yaml:2"
                    expect: recipient.unknown
                  - case: "set.yaml:7"
                    expect: recipient.unknown
                  - case: "set.yaml:12"
                    expect: timeout.read
                """, problems);

        assertThat(problems.all()).isEmpty();
        assertThat(a.problems()).isEmpty();
        assertThat(a.cases()).isEqualTo(3);
        assertThat(a.labelsExact()).isEqualTo(2);
        assertThat(a.labelsFamily()).isEqualTo(2); // connection.lost and timeout.read are two families
        assertThat(a.firstExact()).isEqualTo(1);
        assertThat(a.firstFamily()).isEqualTo(2);
        assertThat(a.secondExact()).isEqualTo(2);
        assertThat(a.secondFamily()).isEqualTo(3);
        assertThat(a.agreedExact()).isEqualTo(1);
        assertThat(a.agreedFamily()).isEqualTo(2);
        assertThat(a.lines()).anySatisfy(l -> assertThat(l).contains("where labels agree, engine exact").contains("1 of     2"));
    }

    @Test
    void reportsEveryBadLabelWithItsLineAndCountsNone() {
        Problems problems = new Problems();
        LabelAgreement a = agreement("""
                labels:
                  - case: "set.yaml:3"
                    expect: recipient.unknown
                  - case: "set.yaml:2"
                    expect: recipient.mailbox-ful
                  - case: "set.yaml"
                    expect: recipient.unknown
                  - case: "set.yaml:7"
                    expect: recipient.unknown
                  - case: "set.yaml:7"
                    expect: recipient.rejected
                """, problems);

        assertThat(problems.all()).extracting(Problem::line, Problem::message).containsExactly(
                tuple(6, "case 'set.yaml' is not <file>.yaml:<line>"),
                tuple(10, "case 'set.yaml:7' is labelled twice"));
        assertThat(a.problems()).extracting(Problem::line).containsExactly(2, 4);
        assertThat(a.problems().get(0).message()).contains("'set.yaml:3' is no case of the set");
        assertThat(a.problems().get(1).message()).contains("'recipient.mailbox-ful' is no category");
        assertThat(a.cases()).isEqualTo(1);
    }
}
