package org.smtpdoctor.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTemplateTest {
    private final ReplyTemplate plain = new ReplyTemplate(List.of());

    @Test
    void variablePartsAreMaskedAndCodesKept() {
        ReplyTemplate.Masked m = plain.mask(
                "Nov 28 12:00:01 mx1 postfix/smtp[4121]: 4F2A31C0B2: to=<bob@example.org>, relay=mx.example.org[192.0.2.7]:25,"
                        + " status=bounced (host mx.example.org[192.0.2.7] said: 550 5.1.1 <bob@example.org>: User unknown)");
        assertThat(m.template()).isEqualTo(
                "Nov ## ##:##:## mx# postfix/smtp[####]: <id10H>: to=<<email>>, relay=<host>[<ip>]:##,"
                        + " status=bounced (host <host>[<ip>] said: 550 5.1.1 <<email>>: User unknown)");
        assertThat(m.masked()).startsWith("28", "12", "00", "01", "mx1", "4121", "4F2A31C0B2", "bob@example.org");
    }

    @Test
    void linesThatDifferOnlyInAddressesIdsAndHostsShareATemplate() {
        assertThat(plain.template("550 5.1.1 <alice@mail.example.com>: Recipient address rejected [A1B2C3D4E5]"))
                .isEqualTo(plain.template("550 5.1.1 <zoe.w@example.net>: Recipient address rejected [FF00AA11BB]"));
        assertThat(plain.template("421 4.7.0 Try again later, closing connection. (EHLO) d2e1a72fcca58-7a5f2sm123456b3a.12 - gsmtp"))
                .isEqualTo(plain.template("421 4.7.0 Try again later, closing connection. (EHLO) a1b2c3d4e5f60-1b2e3sm654321c4d.34 - gsmtp"));
    }

    @Test
    void whatDecidesADiagnosisIsNeverMasked() {
        assertThat(plain.template("535 5.7.8 Error")).isNotEqualTo(plain.template("535 5.7.3 Error"));
        assertThat(plain.template("said: 550 x")).isNotEqualTo(plain.template("said: 421 x"));
        assertThat(plain.template("535.5.7.3 authentication unsuccessful")).isEqualTo("535.5.7.3 authentication unsuccessful");
        assertThat(plain.template("java.net.UnknownHostException: smtp.example.com"))
                .isEqualTo("java.net.UnknownHostException: <host>");
        // a number's length is kept: a rule may ask for four digits or more
        assertThat(plain.template("size (1234)")).isNotEqualTo(plain.template("size (12)"));
        // milliseconds are not reply codes
        assertThat(plain.template("12:00:01,218 x")).isEqualTo(plain.template("12:00:01,118 x"));
    }

    @Test
    void protectedWordsStayVisible() {
        ReplyTemplate rules = new ReplyTemplate(List.of("spamhaus", "(#auth005)"));
        assertThat(rules.template("blocked using zen.spamhaus.org")).isEqualTo("blocked using zen.spamhaus.org");
        assertThat(rules.template("blocked using zen.example.org")).isEqualTo("blocked using <host>");
        assertThat(rules.template("Too many attempts (#AUTH005)")).isEqualTo("Too many attempts (\\#AUTH005)");
        assertThat(plain.template("Too many attempts (#AUTH005)")).isEqualTo("Too many attempts (\\#<id7x>)");
    }

    @Test
    void aLongerWordIsCoveredWholeThoughAShorterOneEndedInsideIt() {
        // "host" ends inside "... dla hosta" before the longer word ends: the longer one is still marked from its start.
        ReplyTemplate rules = new ReplyTemplate(List.of("brak adresu ipv4/ipv6 dla hosta", "dla host"));
        assertThat(rules.template("błąd: brak adresu IPv4/IPv6 dla hosta.")).isEqualTo("błąd: brak adresu IPv4/IPv6 dla hosta.");
    }

    @Test
    void aProtectedPhraseIsFoundAcrossARunOfWhiteSpace() {
        // The rules' patterns read a space between two words as \s+: a wrapped line still says the phrase.
        ReplyTemplate rules = new ReplyTemplate(List.of("improper use of 8-bit data"));
        assertThat(rules.template("550 5.6.0 improper use of\n\t 8-bit data in header"))
                .isEqualTo("550 5.6.0 improper use of\n\t 8-bit data in header");
        assertThat(rules.template("550 5.6.0 improper use of 9-bit data")).isEqualTo("550 5.6.0 improper use of #-bit data");
    }

    @Test
    void aUrlARuleReadsKeepsThoseWordsAndMasksTheRest() {
        // the protected words are at both ends: what lies between them is still masked
        ReplyTemplate rules = new ReplyTemplate(List.of("openspf", "root"));
        assertThat(rules.template("see http://www.openspf.net/Why?s=mfrom;id=eva.604@example.org;ip=192.0.2.7;r=root"))
                .isEqualTo("see http://www.openspf.net/Why?s=mfrom;id=<email>;ip=<ip>;r=root");
        assertThat(plain.template("see http://www.openspf.net/Why?s=mfrom;id=eva.604@example.org")).isEqualTo("see <url>");
    }

    @Test
    void aTextThatLooksLikeAMaskedOneIsEscaped() {
        assertThat(plain.template("12#")).isNotEqualTo(plain.template("#12"));
        assertThat(plain.template("<email> x")).isNotEqualTo(plain.template("a@b.example x"));
    }
}
