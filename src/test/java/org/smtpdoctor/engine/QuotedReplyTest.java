package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.report.ExplanationReport;

/**
 * A reply another server gave, quoted by a bounce or a log, decides on its own words when they name a cause; the
 * wrapper's words decide only when they do not.
 */
class QuotedReplyTest {
    private static final String GMAIL = "Delivery to the following recipient failed permanently: bob@example.com"
            + " Technical details of permanent failure: Google tried to deliver your message, but it was rejected by the"
            + " recipient domain. We recommend contacting the other email provider for further information about the"
            + " cause of this error. The error that the other server returned was: ";
    private static Diagnoser diagnoser;

    @BeforeAll
    static void load() {
        diagnoser = TestRules.projectDiagnoser();
    }

    @Test
    void theQuotedReplyDecidesOnItsOwnWordsWhereTheWrappersWouldTripItsGuard() {
        // "recipient domain" in Gmail's words is the guard of the "address unknown" concept rule
        Diagnosis d = diagnoser.diagnose(GMAIL + "550 550 Address unknown (state 14).");
        assertThat(d.category()).isEqualTo("recipient.unknown");
        assertThat(d.basis()).isEqualTo(Basis.CONCEPT);
        assertThat(d.input()).startsWith("Delivery to the following recipient");
        assertThat(d.code()).isEqualTo(550);
    }

    @Test
    void theWrapperDecidesWhenTheQuotedReplyNamesNoCause() {
        Diagnosis d = diagnoser.diagnose(GMAIL + "550 5.7.1 Go away");
        assertThat(d.category()).isEqualTo("recipient.rejected");
        assertThat(d.rule().name()).contains("Gmail says the recipient domain's server rejected the message");
    }

    @Test
    void postfixsQuotedUnknownUserStaysUnknown() {
        Diagnosis d = diagnoser.diagnose("host mx.example.com[192.0.2.1] said: 550 5.1.1 <a@example.com>: Recipient"
                + " address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)");
        assertThat(d.category()).isEqualTo("recipient.unknown");
        assertThat(d.enhancedCode()).hasToString("5.1.1");
    }

    @Test
    void aQuotedReplyAboutTheSenderDecidesTheSendersCategory() {
        assertThat(diagnoser.diagnose("host mx.example.com[192.0.2.1] said: 553 5.7.1 <alice@example.com>: Sender"
                + " address rejected: not owned by user bob@example.com (in reply to MAIL FROM command)").category())
                .isEqualTo("sender.not-owned");
        // the answering server's own reply quotes its probe's "User unknown": the sender's address does not exist
        assertThat(diagnoser.diagnose("450 4.1.7 <alice@example.com>: Sender address rejected: unverified address:"
                + " host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown").category())
                .isEqualTo("sender.address-invalid");
    }

    @Test
    void explainSaysTheQuotedReplyDecidedAndListsItsMatches() {
        Explanation e = diagnoser.explain(GMAIL + "550 550 Address unknown (state 14).");
        assertThat(e.quoteDecided()).isTrue();
        assertThat(e.reply().text()).startsWith("Delivery to the following recipient");
        assertThat(e.decision().category()).isEqualTo("recipient.unknown");
        assertThat(e.matches()).noneMatch(m -> m.category().equals("recipient.rejected"));
        assertThat(ExplanationReport.render(e, Locale.ENGLISH))
                .contains("Quoted reply: 550 \"550 Address unknown (state 14).\"")
                .contains("the quoted reply of the other server decided");

        Explanation wrapper = diagnoser.explain(GMAIL + "550 5.7.1 Go away");
        assertThat(wrapper.quoteDecided()).isFalse();
        assertThat(wrapper.decision().category()).isEqualTo("recipient.rejected");
        assertThat(ExplanationReport.render(wrapper, Locale.ENGLISH)).contains("name no cause, so the whole text decides");
    }

    @Test
    void aHostileTextOfManyNestedQuotesGetsOneAnswer() {
        String hostile = GMAIL + "550 " + "host mx.example.com said: 550 5.1.1 ".repeat(5_000) + "User unknown";
        Diagnosis d = diagnoser.diagnose(hostile);
        assertThat(d.truncated()).isTrue();
        assertThat(d.category()).startsWith("recipient.");
        Explanation e = diagnoser.explain(hostile);
        assertThat(e.reply().quoted().quoted()).isNull(); // one level is read, however deep the nesting
        assertThat(e.diagnosis().category()).isEqualTo(d.category());
    }
}
