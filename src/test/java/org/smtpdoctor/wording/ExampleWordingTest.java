package org.smtpdoctor.wording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The wording proposed for an example: variable parts become placeholders, the rest stays literal, and the
 * wording matches the example and the same reply with other values, but not a reply with other words.
 */
class ExampleWordingTest {

    private static Wording compiled(ExampleWording proposal) throws WordingSyntaxException {
        return Wording.of(proposal.wording());
    }

    @Test
    void numbersAndIdsBecomePlaceholdersAndTheSameReplyWithOtherValuesMatches() throws Exception {
        ExampleWording p = ExampleWording.of("Outbound quota of 500 messages for account 8842 is exhausted (ref Q-77120)");
        assertThat(p.wording()).isEqualTo(
                "Outbound quota of {number} messages for account {number2:number} is exhausted (ref {id})");
        assertThat(p.found()).extracting(ExampleWording.Found::value).containsExactly("500", "8842", "Q-77120");
        Map<String, String> other = compiled(p).match("Outbound quota of 2000 messages for account 17 is exhausted (ref Q-1)");
        assertThat(other).containsEntry("number", "2000").containsEntry("number2", "17").containsEntry("id", "Q-1");
        assertThat(compiled(p).match("Inbound quota of 2000 messages for account 17 is exhausted (ref Q-1)")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Client host [192.0.2.1] blocked using zen.spamhaus.org|Client host [{ip}] blocked using {host}|192.0.2.1|198.51.100.77",
        "Connection from 2001:db8::1 refused|Connection from {ip} refused|2001:db8::1|fe80::2:3",
        "Connection from 2001:db8:0:0:0:0:0:1 refused|Connection from {ip} refused|2001:db8:0:0:0:0:0:1|2001:db8::9",
        "Sender <ann@example.org> rejected|Sender <{address}> rejected|ann@example.org|bob.smith@mail.example.com",
        "Relay via mx1.example.com denied|Relay via {host} denied|mx1.example.com|smtp.other.net",
        "Relay via MX.EXAMPLE.COM denied|Relay via {host} denied|MX.EXAMPLE.COM|a.b.org",
        "Change it at https://id.example.net/pw?u=ann@example.org now|Change it at {url} now|https://id.example.net/pw?u=ann@example.org|http://x.example/a?b=c&d=e",
        "See https://example.com/help.|See {url}.|https://example.com/help|https://other.example/x",
        "Queue id 4BXK2L0Z7Fz deferred|Queue id {id} deferred|4BXK2L0Z7Fz|9QZ1X2Y3W4",
        "Try again in 30 minutes|Try again in {number} minutes|30|5",
    })
    void eachKindOfVariablePartBecomesItsPlaceholder(String example, String wording, String value, String otherValue)
            throws Exception {
        ExampleWording p = ExampleWording.of(example);
        assertThat(p.wording()).isEqualTo(wording);
        assertThat(p.found()).extracting(ExampleWording.Found::value).contains(value);
        assertThat(compiled(p).match(example)).isNotNull().containsValue(value);
        assertThat(compiled(p).match(example.replace(value, otherValue))).as("same reply, other value").isNotNull()
                .containsValue(otherValue);
    }

    @Test
    void bracketedCodesAndDottedWordsStayLiteralAndMatch() throws Exception {
        String example = "[TSS04] Messages from 192.0.2.1 temporarily deferred due to user complaints - 4.16.55; "
                + "see STOREDRV.Submission.Exception 5.7.1 (x86)";
        ExampleWording p = ExampleWording.of(example);
        assertThat(p.wording()).startsWith("[TSS04] Messages from {ip} temporarily deferred")
                .contains("complaints - 4.16.55;").doesNotContain("{id}").contains("STOREDRV.Submission.Exception 5.7.1 (x86)");
        assertThat(p.found()).extracting(ExampleWording.Found::type).containsOnly(Placeholder.IP);
        Wording w = compiled(p);
        assertThat(w.match(example)).isNotNull();
        assertThat(w.match(example.replace("[TSS04]", "[TSS05]"))).as("the code is literal").isNull();
        assertThat(w.match(example.replace("[TSS04]", "TSS04"))).as("brackets are literal, not a character class").isNull();
    }

    @Test
    void bracesAreDoubledAndStillMatch() throws Exception {
        ExampleWording p = ExampleWording.of("Bad header {X-Spam} found");
        assertThat(p.wording()).isEqualTo("Bad header {{X-Spam}} found");
        assertThat(compiled(p).match("Bad header {X-Spam} found")).isNotNull();
    }

    @Test
    void aLongReplyIsCutToAPhraseThatStillMatches() throws Exception {
        String example = "Your message could not be delivered ".repeat(30) + "end";
        ExampleWording p = ExampleWording.of(example);
        assertThat(p.wording().length()).isLessThanOrEqualTo(Wording.MAX_LENGTH);
        assertThat(compiled(p).match(example)).isNotNull();
    }

    @Test
    void anExampleWithoutWordsIsRefusedWithAReason() {
        assertThatThrownBy(() -> ExampleWording.of("192.0.2.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no words");
        assertThatThrownBy(() -> ExampleWording.of("  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
