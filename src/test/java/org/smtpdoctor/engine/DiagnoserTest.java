package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;

class DiagnoserTest {
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static Diagnoser diagnoser;

    @BeforeAll
    static void load() {
        diagnoser = TestRules.projectDiagnoser();
    }

    @Test
    void wordingRuleDecidesAndNamesItsRule() {
        Diagnosis d = diagnoser.diagnose("535 5.7.8 Error: authentication failed: Invalid user or password");
        assertThat(d.category()).isEqualTo("auth.invalid-credentials");
        assertThat(d.basis()).isEqualTo(Basis.PATTERN);
        assertThat(d.code()).isEqualTo(535);
        assertThat(d.enhancedCode()).hasToString("5.7.8");
        assertThat(d.rule().file()).isEqualTo("auth/invalid-credentials.yaml");
        assertThat(d.rule().line()).isPositive();
        assertThat(d.rule().name()).startsWith("auth.invalid-credentials:");
    }

    @Test
    void moreSpecificCategoryWinsAndTheOtherIsSecondary() {
        Diagnosis d = diagnoser.diagnose(
                "535 Authentication failed. Please verify your account by going to https://e.mail.ru/login?email=mail@ab-cdef.ru");
        assertThat(d.category()).isEqualTo("auth.account-verification");
        assertThat(d.secondary()).contains("auth.invalid-credentials");
        assertThat(d.params()).containsEntry("url", "https://e.mail.ru/login?email=mail@ab-cdef.ru");
        assertThat(d.advice(RU).remedy()).anyMatch(step -> step.contains("https://e.mail.ru/login?email=mail@ab-cdef.ru"));
        assertThat(d.advice(Locale.ENGLISH).remedy()).anyMatch(step -> step.contains("https://e.mail.ru/login?email=mail@ab-cdef.ru"));
    }

    @Test
    void theDecisionDoesNotDependOnFiringOrder() {
        String text = "Could not connect to SMTP host: smtp.example.com, port: 465;\n  nested exception is:\n\t"
                + "java.net.ConnectException: Connection refused";
        Diagnosis first = diagnoser.diagnose(text);
        for (int i = 0; i < 20; i++) {
            Diagnosis again = diagnoser.diagnose(text);
            assertThat(again.category()).isEqualTo(first.category());
            assertThat(again.rule()).isEqualTo(first.rule());
            assertThat(again.secondary()).isEqualTo(first.secondary());
        }
    }

    @Test
    void enhancedCodeLayerDecidesWhenNoWordingMatches() {
        Diagnosis d = diagnoser.diagnose("550 5.1.1 zzz qqq");
        assertThat(d.basis()).isEqualTo(Basis.ENHANCED_CODE);
        assertThat(d.category()).isEqualTo("recipient.unknown");
        assertThat(d.rule().file()).isEqualTo("codes/enhanced-status-codes.yaml");
        assertThat(d.codeMeaning(Locale.ENGLISH)).isNotBlank();
        assertThat(d.codeMeaning(RU)).isNotBlank().isNotEqualTo(d.codeMeaning(Locale.ENGLISH));
    }

    @Test
    void transientClassCanChangeTheEnhancedCodeCategory() {
        // X.2.1 is "mailbox disabled"; its 4.x.x form is a rate limit (Gmail "receiving mail at a rate ...").
        assertThat(diagnoser.diagnose("550 5.2.1 zzz").category()).isEqualTo("recipient.disabled");
        assertThat(diagnoser.diagnose("450 4.2.1 zzz").category()).isEqualTo("rate.limited");
    }

    @Test
    void replyCodeLayerDecidesWhenTheEnhancedCodeIsUnknownOrGeneric() {
        Diagnosis d = diagnoser.diagnose("552 zzz qqq");
        assertThat(d.basis()).isEqualTo(Basis.REPLY_CODE);
        assertThat(d.category()).isEqualTo("content.too-large");
        assertThat(d.rule().file()).isEqualTo("codes/reply-codes.yaml");

        Diagnosis generic = diagnoser.diagnose("530 5.0.0 zzz");
        assertThat(generic.basis()).isEqualTo(Basis.REPLY_CODE);
        assertThat(generic.category()).isEqualTo("auth.required");
    }

    @Test
    void fallbackLayerNeverLeavesAReplyWithoutAnswer() {
        Diagnosis transientFailure = diagnoser.diagnose("471 zzz qqq");
        assertThat(transientFailure.category()).isEqualTo("unknown.transient");
        assertThat(transientFailure.basis()).isEqualTo(Basis.NONE);
        assertThat(transientFailure.rule()).isNull();

        assertThat(diagnoser.diagnose("550 zzz qqq").category()).isEqualTo("unknown.permanent");
        assertThat(diagnoser.diagnose("550 zzz qqq").basis()).isEqualTo(Basis.NONE);
        assertThat(diagnoser.diagnose("5.9.9 zzz").category()).isEqualTo("unknown.permanent");
        assertThat(diagnoser.diagnose("zzz qqq").category()).isEqualTo("unknown.unclassified");
        assertThat(diagnoser.diagnose("").category()).isEqualTo("unknown.unclassified");
        assertThat(diagnoser.diagnose((String) null).category()).isEqualTo("unknown.unclassified");
    }

    @Test
    void adviceFallsBackToTheDefaultLanguage() {
        Diagnosis d = diagnoser.diagnose("Connection timed out");
        assertThat(d.advice(Locale.GERMAN).language()).isEqualTo(diagnoser.taxonomy().defaultLanguage());
        assertThat(d.advice(RU).language()).isEqualTo("ru");
        assertThat(d.advice().language()).isEqualTo(diagnoser.taxonomy().defaultLanguage());
    }

    @Test
    void theBundledRulesAreTheProjectRules() {
        Diagnoser bundled = Diagnoser.builder().build();
        assertThat(bundled.ruleSetVersion()).isEqualTo(diagnoser.ruleSetVersion());
    }

    @Test
    void oneDiagnoserServesManyThreadsAtOnce() throws Exception {
        List<String> texts = List.of(
                "451 4.7.1 Sorry, the service is currently unavailable. Please come back later.",
                "535 – Incorrect authentication data",
                "535 Authentication failed. Please verify your account by going to https://e.mail.ru/login?email=a@b.ru",
                "550 5.7.1 spf check failed",
                "553 5.7.1 Sender address rejected: not owned by auth user",
                "Could not connect to SMTP host",
                "Timed out while sending end of data - message may be sent more than once",
                "550 5.1.1 zzz", "471 zzz", "garbage");
        List<String> expected = texts.stream().map(t -> describe(diagnoser.diagnose(t))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int offset = thread;
                futures.add(pool.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        int k = (i + offset) % texts.size();
                        String actual = describe(diagnoser.diagnose(texts.get(k)));
                        if (!actual.equals(expected.get(k))) {
                            mismatches.add(texts.get(k) + " -> " + actual);
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String describe(Diagnosis d) {
        return d.category() + "|" + d.basis() + "|" + d.rule() + "|" + d.params() + "|" + d.secondary();
    }

    @Test
    void editingACopyOfTheRulesChangesTheOutcomeWithoutARebuild(@TempDir Path temp) {
        String text = "550 5.7.1 Your message looks like a phishing attempt";
        assertThat(diagnoser.diagnose(text).category()).isNotEqualTo("content.rejected");
        TestRules copy = TestRules.copyInto(temp);
        copy.write("content/rejected.yaml", copy.read("content/rejected.yaml") + """

                - name: the message looks like phishing
                  code: [550]
                  source: a test
                  says:
                    - phishing
                """);
        Diagnosis d = Diagnoser.builder().rulesDirectory(copy.root()).build().diagnose(text);
        assertThat(d.category()).isEqualTo("content.rejected");
        assertThat(d.rule()).isEqualTo(new RuleRef("content.rejected: the message looks like phishing",
                "content/rejected.yaml", copy.lineOf("content/rejected.yaml", "- name: the message looks like phishing")));

        String title = d.advice(Locale.ENGLISH).title();
        copy.replace("catalog/content.yaml", title, "Phishing suspected");
        Diagnosis edited = Diagnoser.builder().rulesDirectory(copy.root()).build().diagnose(text);
        assertThat(edited.advice(Locale.ENGLISH).title()).isEqualTo("Phishing suspected");
        assertThat(edited.ruleSetVersion()).isNotEqualTo(d.ruleSetVersion());
    }

    /**
     * Several rules excluding codes: Drools 10.2 failed to compile {@code !(code == 0)} once three alike conditions
     * were indexed together (a StringIndexOutOfBoundsException, not a rule problem); the exclusion is now written as
     * its complement, and it still excludes.
     */
    @Test
    void rulesThatExcludeCodesCompileTogetherAndExclude(@TempDir Path temp) {
        TestRules copy = TestRules.copyInto(temp);
        copy.write("content/rejected.yaml", copy.read("content/rejected.yaml") + """

                - name: a frobnicated message, with a code
                  layer: concept
                  not-code: [none]
                  source: a test
                  says:
                    - frobnicated message
                - name: a quuxed message, not a transient code
                  layer: concept
                  not-code: [none, 4xx]
                  source: a test
                  says:
                    - quuxed message
                - name: a wibbled message, not 421 to 450
                  layer: concept
                  not-code: [none, 421-450]
                  source: a test
                  says:
                    - wibbled message
                - name: a zorked message, with a code
                  layer: concept
                  not-code: [none]
                  source: a test
                  says:
                    - zorked message
                """);
        Diagnoser edited = Diagnoser.builder().rulesDirectory(copy.root()).build();
        assertThat(edited.diagnose("550 frobnicated message").category()).isEqualTo("content.rejected");
        assertThat(edited.diagnose("frobnicated message").category()).isNotEqualTo("content.rejected");
        assertThat(edited.diagnose("554 quuxed message").category()).isEqualTo("content.rejected");
        assertThat(edited.diagnose("451 quuxed message").category()).isNotEqualTo("content.rejected");
        assertThat(edited.diagnose("451 wibbled message").category()).isEqualTo("content.rejected");
        assertThat(edited.diagnose("421 wibbled message").category()).isNotEqualTo("content.rejected");
        assertThat(edited.diagnose("450 wibbled message").category()).isNotEqualTo("content.rejected");
        assertThat(edited.diagnose("zorked message").category()).isNotEqualTo("content.rejected");
    }

    /**
     * A guard that needs RE2/J (a regex) is run only where its rule's wordings occur; it still keeps its rule from a
     * text it is in, a rule with no wordings still has its guards everywhere, and a hand-written rule that reads a
     * guard as a wording still sees it wherever it occurs.
     */
    @Test
    void guardsThatNeedRegexDecideWhereTheirRuleIsSaidAndWhereRead(@TempDir Path temp) {
        TestRules copy = TestRules.copyInto(temp);
        String rejected = copy.read("content/rejected.yaml");
        int index = (int) rejected.lines().filter(l -> l.startsWith("- name:")).count() + 1;
        copy.write("content/rejected.yaml", rejected + """

                - name: a frobnicated message, unless it is a field label
                  layer: concept
                  source: a test
                  says:
                    - frobnicated message
                  unless:
                    - regex: 'frob\\w*\\s+message\\s*:\\s*$'
                      source: a test
                - name: a 552 reply, unless it names a wibble
                  code: [552]
                  source: a test
                  unless:
                    - regex: 'wibb\\w+'
                      source: a test
                """);
        copy.write("content/virus.drl", """
                package content;

                import org.smtpdoctor.rules.Said;
                import function org.smtpdoctor.rules.Vocabulary.conclude;

                rule "content.virus: reads the guard of a content.rejected rule"
                when
                    Said( id == "content.rejected/%d/unless" )
                then
                    conclude(kcontext, "content.virus");
                end
                """.formatted(index));
        Diagnoser edited = Diagnoser.builder().rulesDirectory(copy.root()).build();
        assertThat(edited.diagnose("550 frobnicated message").category()).isEqualTo("content.rejected");
        assertThat(edited.diagnose("550 Frobnicated message:").category()).isEqualTo("content.virus");
        assertThat(edited.diagnose("frobbing message :").category()).isEqualTo("content.virus");
        assertThat(edited.diagnose("552 quibbled").category()).isEqualTo("content.rejected");
        assertThat(edited.diagnose("552 wibbled").category()).isNotEqualTo("content.rejected");
    }
}
