package org.smtpdoctor.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.smtpdoctor.testing.HostileTexts;

/**
 * Property tests of the parser and the masking over generated hostile texts (jqwik, fixed seeds, bounded tries,
 * in the normal test run): no input makes them throw or hang, the parsed text stays within the parser's limits,
 * and every credential planted in a hostile text is masked in the input and the text the rules see.
 */
class ParserPropertyTest {
    /**
     * A guard against a hang (a regex gone quadratic), not a measure of speed: the slowest input here takes
     * milliseconds, a catastrophic one minutes.
     */
    private static final Duration HANG = Duration.ofSeconds(5);
    private static final List<String> PIECES = List.of("535", " 5.7.8 ", "550-5.7.1", "334 ", "AUTH PLAIN ", "AUTH LOGIN\n",
            "password=", "pass:", "\"password\": \"", "smtp://a:", "@", "/", "://", "\n", "\r\n", "\r", "\t", "\"", "'", "\\",
            "at com.x.Y.z(Y.java:1)", "Caused by: ", "javax.mail.MessagingException: ", "; nested exception is:",
            "(535, b'", "')", "2026-01-01 12:00:00 ", "[main] ", "ERROR ", "\u0000", "\uFFFD", "\ud800", "\uD83D\uDE00",
            "Bearer ", "Basic ", "-p ", "-u ", "said: ", "a".repeat(3000), "=".repeat(2000), "dXNlcg==", "\n334 ");

    /** Trigger words of the secret forms, and what may or may not follow them. */
    private static final List<String> NEAR_SECRETS = List.of("password", "Pass", "PASS ", "pwd", "Authorization", "auth ",
            "AUTH PLAIN ", "334 ", "Bearer ", "basic ", "-p ", "-ap=", "--password=", "--smtp-password ", "-u ", "--user=",
            "login(", "NetworkCredential (", "setPassword(", "<password>", "<smtp:token>", "smtp://", "https://", "@", "=",
            ":", "=>", "\"", "'", "\\", " ", "\t", "\n", "x", "dXNlcjpwYXNz", "S3cr3t!x", "api_key", "client-secret",
            "token", "\u212Aey", "\u0130", "secret", "KEY", "word", "s", "(", ">", "ann@example.org");

    private final ReplyParser parser = new ReplyParser();

    @Provide
    Arbitrary<String> nearSecrets() {
        return Arbitraries.oneOf(
                Arbitraries.of(NEAR_SECRETS).list().ofMaxSize(12).map(pieces -> String.join("", pieces)),
                Arbitraries.randomValue(random -> HostileTexts.next(random, false).text()));
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(400),
                Arbitraries.of(PIECES).list().ofMaxSize(60).map(pieces -> String.join("", pieces)),
                Arbitraries.randomValue(random -> HostileTexts.next(random, false).text()));
    }

    @Provide
    Arbitrary<HostileTexts.Planted> planted() {
        return Arbitraries.randomValue(random -> HostileTexts.next(random, false));
    }

    @Property(tries = 300, seed = "15")
    void theParserTakesAnyText(@ForAll("hostile") String text) {
        ParsedReply parsed = assertTimeoutPreemptively(HANG, () -> parser.parse(text));
        assertThat(parsed).isNotNull();
        assertThat(parsed.text()).isNotNull().hasSizeLessThanOrEqualTo(ReplyParser.MAX_TEXT_CHARS);
        assertThat(parsed.code() == 0 || (parsed.code() >= 200 && parsed.code() <= 599)).as("code %d", parsed.code()).isTrue();
    }

    @Property(tries = 300, seed = "15")
    void theMaskingTakesAnyText(@ForAll("hostile") String text) {
        String masked = assertTimeoutPreemptively(HANG, () -> SecretRedactor.redact(text));
        // Masking only hides: what is left between the masks is the text's own, in its order.
        int from = 0;
        for (String kept : masked.split(java.util.regex.Pattern.quote(SecretRedactor.MASK), -1)) {
            int at = text.indexOf(kept, from);
            assertThat(at).as("'%s' of the masked text is the text's own", kept).isGreaterThanOrEqualTo(0);
            from = at + kept.length();
        }
    }

    /** The pre-check that skips a form's pattern ({@link SecretForm#mayOccurIn}) never skips one that would mask. */
    @Property(tries = 3000, seed = "15")
    void thePrecheckSkipsNoFormThatWouldMask(@ForAll("nearSecrets") String text) {
        assertThat(SecretRedactor.redact(text)).isEqualTo(SecretRedactor.redact(text, false));
    }

    @Property(tries = 1000, seed = "15")
    void everyPlantedSecretIsMasked(@ForAll("planted") HostileTexts.Planted planted) {
        String masked = assertTimeoutPreemptively(HANG, () -> SecretRedactor.redact(planted.text()));
        assertThat(HostileTexts.leaks(masked, planted)).as("%s in %s", planted.form(), masked).isEmpty();
    }

    @Property(tries = 300, seed = "15")
    void theParsedReplyHoldsNoPlantedSecret(@ForAll("planted") HostileTexts.Planted planted) {
        ParsedReply parsed = parser.parse(planted.text());
        assertThat(HostileTexts.leaks(parsed.input() + "\n" + parsed.text(), planted)).as(planted.form()).isEmpty();
    }
}
