package org.smtpdoctor.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTemplateTest {

    @Test
    void variablePartsAreMaskedAndCodesKept() {
        assertThat(ReplyTemplate.of(
                "Nov 28 12:00:01 mx1 postfix/smtp[4121]: 4F2A31C0B2: to=<bob@example.org>, relay=mx.example.org[192.0.2.7]:25,"
                        + " status=bounced (host mx.example.org[192.0.2.7] said: 550 5.1.1 <bob@example.org>: User unknown)"))
                .isEqualTo("Nov ## ##:##:## mx# postfix/smtp[####]: <id10H>: to=<<email>>, relay=<host>[<ip>]:##,"
                        + " status=bounced (host <host>[<ip>] said: 550 5.1.1 <<email>>: User unknown)");
    }

    @Test
    void linesThatDifferOnlyInAddressesIdsAndHostsShareATemplate() {
        assertThat(ReplyTemplate.of("550 5.1.1 <alice@mail.example.com>: Recipient address rejected [A1B2C3D4E5]"))
                .isEqualTo(ReplyTemplate.of("550 5.1.1 <zoe.w@example.net>: Recipient address rejected [FF00AA11BB]"));
        assertThat(ReplyTemplate.of("421 4.7.0 Try again later, closing connection. (EHLO) d2e1a72fcca58-7a5f2sm123456b3a.12 - gsmtp"))
                .isEqualTo(ReplyTemplate.of("421 4.7.0 Try again later, closing connection. (EHLO) a1b2c3d4e5f60-1b2e3sm654321c4d.34 - gsmtp"));
        assertThat(ReplyTemplate.of("blocked using zen.spamhaus.org")).isEqualTo("blocked using <host>");
        assertThat(ReplyTemplate.of("see http://www.openspf.net/Why?s=mfrom;id=eva.604@example.org")).isEqualTo("see <url>");
    }

    @Test
    void codesAndWordsAreNeverMasked() {
        assertThat(ReplyTemplate.of("535 5.7.8 Error")).isNotEqualTo(ReplyTemplate.of("535 5.7.3 Error"));
        assertThat(ReplyTemplate.of("said: 550 x")).isNotEqualTo(ReplyTemplate.of("said: 421 x"));
        assertThat(ReplyTemplate.of("535.5.7.3 authentication unsuccessful")).isEqualTo("535.5.7.3 authentication unsuccessful");
        assertThat(ReplyTemplate.of("java.net.UnknownHostException: smtp.example.com"))
                .isEqualTo("java.net.UnknownHostException: <host>");
        // a number's length is kept: 12 and 1234 bytes are not one reply
        assertThat(ReplyTemplate.of("size (1234)")).isNotEqualTo(ReplyTemplate.of("size (12)"));
        // milliseconds are not reply codes
        assertThat(ReplyTemplate.of("12:00:01,218 x")).isEqualTo(ReplyTemplate.of("12:00:01,118 x"));
    }

    @Test
    void aTextThatLooksLikeAMaskedOneIsEscaped() {
        assertThat(ReplyTemplate.of("12#")).isNotEqualTo(ReplyTemplate.of("#12"));
        assertThat(ReplyTemplate.of("<email> x")).isNotEqualTo(ReplyTemplate.of("a@b.example x"));
        assertThat(ReplyTemplate.of("Too many attempts (#AUTH005)")).isEqualTo("Too many attempts (\\#<id7x>)");
    }
}
