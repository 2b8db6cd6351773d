package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.reply.SmtpStage;
import org.smtpdoctor.report.ExplanationReport;

/** The trace of a diagnosis names every match with its file and line, and the one that decided. */
class ExplainTest {
    private static final String MAIL_RU = "535 Authentication failed. Please verify your account by going to "
            + "https://e.mail.ru/login?email=mail@ab-cdef.ru";
    private static Diagnoser diagnoser;

    @BeforeAll
    static void load() {
        diagnoser = TestRules.projectDiagnoser();
    }

    private static List<Explanation.Match> on(Explanation e, Basis layer) {
        return e.matches().stream().filter(m -> m.layer() == layer).toList();
    }

    @Test
    void everyMatchingRuleIsListedInDecidingOrderAndTheFirstDecides() {
        Explanation e = diagnoser.explain(MAIL_RU);
        assertThat(e.reply().code()).isEqualTo(535);
        assertThat(e.reply().text()).startsWith("Authentication failed. Please verify your account");

        List<Explanation.Match> rules = on(e, Basis.PATTERN);
        assertThat(rules).extracting(Explanation.Match::category)
                .startsWith("auth.account-verification").contains("auth.invalid-credentials");
        assertThat(rules).extracting(Explanation.Match::precedence).isSorted();
        assertThat(rules.get(0).decided()).isTrue();
        assertThat(rules.get(0).source().file()).isEqualTo("auth/account-verification.yaml");
        assertThat(rules.get(0).source().line()).isPositive();
        assertThat(rules.get(0).params()).containsEntry("url", "https://e.mail.ru/login?email=mail@ab-cdef.ru");
        assertThat(rules.subList(1, rules.size())).noneMatch(Explanation.Match::decided);

        assertThat(on(e, Basis.REPLY_CODE)).singleElement().satisfies(m -> {
            assertThat(m.source().file()).isEqualTo("codes/reply-codes.yaml");
            assertThat(m.decided()).isFalse();
        });
        assertThat(e.decision()).isSameAs(rules.get(0));
    }

    @Test
    void theExplainedDiagnosisIsTheDiagnosis() {
        Diagnosis explained = diagnoser.explain(MAIL_RU).diagnosis();
        Diagnosis plain = diagnoser.diagnose(MAIL_RU);
        assertThat(explained.category()).isEqualTo(plain.category());
        assertThat(explained.rule()).isEqualTo(plain.rule());
        assertThat(explained.params()).isEqualTo(plain.params());
        assertThat(explained.secondary()).isEqualTo(plain.secondary());
        assertThat(explained.ruleSetVersion()).isEqualTo(plain.ruleSetVersion());
    }

    @Test
    void aCodeTableDecidesWhenNoRuleMatches() {
        Explanation e = diagnoser.explain("550 5.7.1 zzz qqq");
        assertThat(on(e, Basis.PATTERN)).isEmpty();
        assertThat(e.decision().layer()).isEqualTo(Basis.ENHANCED_CODE);
        assertThat(e.decision().source().file()).isEqualTo("codes/enhanced-status-codes.yaml");
        assertThat(e.decision().category()).isEqualTo(e.diagnosis().category());
        assertThat(on(e, Basis.REPLY_CODE)).singleElement().matches(m -> !m.decided());
    }

    @Test
    void theFallbackDecidesWhenNothingRecognisesTheText() {
        Explanation e = diagnoser.explain("zzz qqq");
        assertThat(e.matches()).singleElement().satisfies(m -> {
            assertThat(m.layer()).isEqualTo(Basis.NONE);
            assertThat(m.category()).isEqualTo("unknown.unclassified");
            assertThat(m.source()).isNull();
            assertThat(m.decided()).isTrue();
        });
    }

    @Test
    void aRuleNameWithEscapesIsFoundAtItsFileAndLine(@TempDir Path temp) {
        TestRules rules = TestRules.copyInto(temp).write("auth/too-many-attempts.drl", "package auth;\n\n"
                + "import org.smtpdoctor.rules.*;\nimport function org.smtpdoctor.rules.Vocabulary.conclude;\n\n"
                + "rule \"auth.too-many-attempts: the \\\"locked\\\" reply of C:\\\\mail\"\nwhen\n"
                + "    Reply( code == 454 )\nthen\n    conclude(kcontext, \"auth.too-many-attempts\");\nend\n");
        Explanation e = Diagnoser.builder().rulesDirectory(rules.root()).build().explain("454 4.7.0 locked");
        assertThat(e.decision().source()).isEqualTo(new RuleRef(
                "auth.too-many-attempts: the \"locked\" reply of C:\\mail", "auth/too-many-attempts.drl", 6));
    }

    @Test
    void theTraceShowsTheStageAndTheRulesThatUsedIt() {
        String logged = "jakarta.mail.MessagingException: Exception reading response;\n  nested exception is:\n"
                + "\tjava.net.SocketTimeoutException: Read timed out\n"
                + "\tat org.eclipse.angus.mail.smtp.SMTPTransport.readServerResponse(SMTPTransport.java:2509)\n"
                + "\tat org.eclipse.angus.mail.smtp.SMTPTransport.finishData(SMTPTransport.java:2128)\n";
        Explanation e = diagnoser.explain(logged);
        assertThat(e.reply().stage()).isEqualTo(SmtpStage.END_OF_DATA);
        assertThat(e.decision().category()).isEqualTo("timeout.end-of-data");
        assertThat(on(e, Basis.PATTERN)).extracting(Explanation.Match::category).contains("timeout.read");
        assertThat(ExplanationReport.render(e, Locale.ENGLISH))
                .contains("SMTP stage: end-of-data");
    }
}
