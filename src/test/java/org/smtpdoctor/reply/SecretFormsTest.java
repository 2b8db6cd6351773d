package org.smtpdoctor.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.smtpdoctor.batch.SampleTexts;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Diagnosis;
import org.smtpdoctor.engine.Explanation;
import org.smtpdoctor.report.DiagnosisJson;
import org.smtpdoctor.report.ExplanationJson;
import org.smtpdoctor.report.ExplanationReport;
import org.smtpdoctor.report.TextReport;
import org.smtpdoctor.testing.PlantedSecrets;

/**
 * Every planted form of {@link PlantedSecrets} (one row each) is masked by the redactor and never reaches what
 * {@code diagnose}, {@code diagnose --json}, {@code explain} and {@code --explain --json} print: the input, the
 * parsed text, the rules' parameters and the advice filled from them. Reply wording that only names a
 * credential stays as it was.
 */
class SecretFormsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Diagnoser diagnoser;

    @BeforeAll
    static void bundledRules() {
        diagnoser = Diagnoser.builder().build();
    }

    @AfterAll
    static void close() {
        diagnoser.close();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.smtpdoctor.testing.PlantedSecrets#ROWS")
    void theRedactorMasksTheForm(PlantedSecrets.Row row) {
        String masked = SecretRedactor.redact(row.text());
        assertThat(masked).contains(SecretRedactor.MASK);
        row.secrets().forEach(secret -> assertThat(masked).as(row.form()).doesNotContain(secret));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.smtpdoctor.testing.PlantedSecrets#ROWS")
    void noDiagnosisOutputShowsTheSecret(PlantedSecrets.Row row) {
        Diagnosis d = diagnoser.diagnose(row.text());
        Explanation e = diagnoser.explain(row.text());
        String printed = String.join("\n",
                d.input(),
                d.params().toString(),
                TextReport.render(d, Locale.ENGLISH),
                TextReport.render(d, Locale.forLanguageTag("ru")),
                new DiagnosisJson(JSON).toJson(d, Locale.ENGLISH).toString(),
                ExplanationReport.render(e, Locale.ENGLISH),
                new ExplanationJson(JSON).toJson(e).toString());
        assertThat(d.input()).contains(SecretRedactor.MASK);
        row.secrets().forEach(secret -> assertThat(printed).as(row.form()).doesNotContain(secret));
    }

    @ParameterizedTest
    @FieldSource("org.smtpdoctor.testing.PlantedSecrets#HARMLESS")
    void replyWordingIsLeftAsItIs(String reply) {
        assertThat(SecretRedactor.redact(reply)).isEqualTo(reply);
    }

    @Test
    void everySampleTextIsLeftAsItIs() {
        assertThat(SampleTexts.all()).allSatisfy(text -> assertThat(SecretRedactor.redact(text)).isEqualTo(text));
    }

    @Test
    void aFieldNamedForACredentialIsMaskedWhole() {
        assertThat(SecretRedactor.redactField("smtp_password", "a b c")).isEqualTo("***");
        assertThat(SecretRedactor.redactField("smtpPassword", "x")).isEqualTo("***");
        assertThat(SecretRedactor.redactField("SMTP_PASS", "x")).isEqualTo("***");
        assertThat(SecretRedactor.redactField("client-secret", "x")).isEqualTo("***");
        assertThat(SecretRedactor.redactField("bypass", "on")).isEqualTo("on");
        assertThat(SecretRedactor.redactField("note", "user=ann password=Fi3ld")).isEqualTo("user=ann password=***");
    }

    /**
     * A rule's parameter is read from the masked text, so an attacker who puts a credential where a rule reads a
     * parameter (here the sign-in link of auth.account-verification, filled into its advice) gets it masked.
     */
    @Test
    void aParameterAndTheAdviceItFillsHoldOnlyTheMaskedText() {
        Diagnosis d = diagnoser.diagnose("535 Authentication failed. Please verify your account by going to "
                + "https://ann:Pa7ramPw@e.mail.ru/login?email=ann@example.org");
        assertThat(d.category()).isEqualTo("auth.account-verification");
        assertThat(d.params().get("url")).isEqualTo("https://ann:***@e.mail.ru/login?email=ann@example.org");
        assertThat(String.join(" ", d.advice(Locale.ENGLISH).remedy()) + d.advice(Locale.ENGLISH).explanation())
                .doesNotContain("Pa7ramPw");
    }

    @Test
    void maskingKeepsWhatTheDiagnosisReads() {
        Diagnosis d = diagnoser.diagnose("AUTH LOGIN\n334 VXNlcm5hbWU6\nYW5u\n334 UGFzc3dvcmQ6\nTG9naW5QdzEy\n"
                + "535-5.7.8 Username and Password not accepted.");
        assertThat(d.category()).isEqualTo("auth.invalid-credentials");
        assertThat(d.input()).isEqualTo("AUTH LOGIN\n334 ***\n***\n334 ***\n***\n535-5.7.8 Username and Password not accepted.");
    }
}
