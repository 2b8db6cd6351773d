package org.smtpdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.reply.ReplyParser;

/** The facts one pass over a text gives the rules: which wording sets it says. */
class TextPatternsTest {
    private static final ReplyParser PARSER = new ReplyParser();

    @Test
    void aGuardIsSaidOnlyWhereTheSetItGuardsIsSaidOrWhereARuleReadsItOrGuardsARuleWithoutWordings() {
        TextPatterns patterns = new TextPatterns();
        patterns.defineWordings("a/1", List.of("frobnicated"), null);
        patterns.defineWordings("a/1/unless", List.of("message"), "a/1");
        patterns.defineWordings("b/1", List.of("wibbled"), null);
        patterns.defineWordings("b/1/unless", List.of("message", "wibbled\\s+again"), "b/1");
        patterns.defineWordings("c/1/unless", List.of("message"), null); // a rule on codes alone: guarded everywhere
        patterns.defineWordings("d/1", List.of("quux"), null);
        patterns.defineWordings("d/1/unless", List.of("message"), "d/1");
        patterns.readDirectly("d/1/unless"); // a hand-written rule reads it

        assertThat(ids(patterns, "550 a frobnicated message"))
                .containsExactly("a/1", "a/1/unless", "c/1/unless", "d/1/unless");
        assertThat(ids(patterns, "550 a message")).containsExactly("c/1/unless", "d/1/unless");
        assertThat(ids(patterns, "550 wibbled again, a message"))
                .containsExactly("b/1", "b/1/unless", "c/1/unless", "d/1/unless");
        assertThat(ids(patterns, "550 nothing known")).isEmpty();
        // The baseline, which the equivalence tests compare with, gives every set that occurs.
        assertThat(ids(patterns.unfiltered(), "550 a message"))
                .containsExactly("a/1/unless", "b/1/unless", "c/1/unless", "d/1/unless");
    }

    private static List<String> ids(TextPatterns patterns, String text) {
        Reply reply = new Reply(PARSER.parse(text), patterns, new Budget(1_000_000_000L));
        return reply.said().stream().map(Said::getId).toList();
    }
}
