package org.smtpdoctor.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.reply.ReplyParser;

/** Where a wording's word begins and ends, in scripts written with spaces and in those written without. */
class WordingEdgeTest {
    private static boolean occurs(String wording, String text) throws WordingSyntaxException {
        return Wording.of(wording).match(text) != null;
    }

    /**
     * Wordings are not compiled as they are read (ten thousand parses were half of a load): whatever an author writes
     * that {@link Wording#of} accepts must still be valid RE2, so every placeholder at each end, between words and
     * beside another, and every ASCII punctuation character and some symbols of other scripts, compile.
     */
    @Test
    void everyAcceptedWordingIsValidRe2() throws WordingSyntaxException {
        StringBuilder punctuation = new StringBuilder();
        for (char c = '!'; c < 127; c++) {
            if (!Character.isLetterOrDigit(c) && c != '{' && c != '}') {
                punctuation.append(c).append(' ');
            }
        }
        int compiled = 0;
        for (Placeholder p : Placeholder.values()) {
            String ph = "{" + p.written() + "}";
            String other = p == Placeholder.HOST ? "{ip}" : "{host}";
            for (String wording : List.of(ph + " refused", "refused " + ph, "from " + ph + " to", ph + other + " x",
                    "x " + ph + ", " + other, "{{" + ph + "}} «»·—†\u2028x " + punctuation)) {
                Wording w = Wording.of(wording);
                assertThat(w.compile().pattern()).as(wording).isEqualTo(w.pattern());
                compiled++;
            }
        }
        assertThat(compiled).isEqualTo(Placeholder.values().length * 6);
    }

    @Test
    void anAddressWrittenBareAlsoReadsInBracketsOrQuotesAndWithSpacesInAScriptWithoutThem() throws WordingSyntaxException {
        Wording german = Wording.of("Benutzer {address} existiert nicht");
        for (String text : List.of("Benutzer ann@example.org existiert nicht", "Benutzer <ann@example.org> existiert nicht",
                "Benutzer \"ann@example.org\" existiert nicht", "Benutzer \u201cann@example.org\u201d existiert nicht")) {
            assertThat(german.match(text)).as(text).isNotNull();
            assertThat(german.compile().matcher(text).find()).isTrue();
        }
        com.google.re2j.Matcher m = german.compile().matcher("Benutzer <ann@example.org> existiert nicht");
        assertThat(m.find()).isTrue();
        assertThat(m.group("address")).isEqualTo("ann@example.org");
        // Brackets the wording writes itself are required as written; a bracket is never part of the address.
        assertThat(occurs("<{address}>: recipient address rejected", "ann@example.org: recipient address rejected")).isFalse();
        assertThat(occurs("Benutzer {address} existiert nicht", "Benutzer <ann@example.org existiert nicht")).isTrue();
        assertThat(occurs("Benutzer {address} existiert nicht", "Benutzer ann@example.org, bob@example.org existiert nicht")).isFalse();

        Wording chinese = Wording.of("\u7528\u6237{address}\u4e0d\u5b58\u5728");
        assertThat(chinese.match("\u7528\u6237 ann@example.org \u4e0d\u5b58\u5728")).isNotNull();
        assertThat(chinese.match("\u7528\u6237<ann@example.org>\u4e0d\u5b58\u5728")).isNotNull();
        assertThat(occurs("user {address} not found", "user  ann@example.org not found")).isTrue();
    }

    @Test
    void aWordingWithATypographicApostropheOrADecomposedLetterMeetsTheParsedText() throws WordingSyntaxException {
        ReplyParser parser = new ReplyParser();
        assertThat(occurs("\u0417\u2019\u0454\u0434\u043D\u0430\u043D\u043D\u044F", parser.parse("\u0417'\u0454\u0434\u043D\u0430\u043D\u043D\u044F").text())).isTrue();
        assertThat(occurs("\u0417'\u0454\u0434\u043D\u0430\u043D\u043D\u044F", parser.parse("\u0417\u02BC\u0454\u0434\u043D\u0430\u043D\u043D\u044F").text())).isTrue();
        assertThat(occurs("Conexio\u0301n rechazada", parser.parse("Conexi\u00F3n rechazada").text())).isTrue();
        assertThat(occurs("Conexi\u00F3n rechazada", parser.parse("Conexio\u0301n rechazada").text())).isTrue();
    }

    @Test
    void aTurkishWordingMeetsItsWordsInEveryCasing() throws WordingSyntaxException {
        ReplyParser parser = new ReplyParser();
        for (String text : List.of("İleti gönderilemedi", "ileti gönderilemedi", "İLETİ GÖNDERİLEMEDİ", "ILETI GONDERILEMEDI")) {
            boolean ascii = text.equals("ILETI GONDERILEMEDI");
            assertThat(occurs("ileti gönderilemedi", parser.parse(text).text())).as(text).isEqualTo(!ascii);
            assertThat(occurs("İleti gönderilemedi", parser.parse(text).text())).as(text).isEqualTo(!ascii);
        }
        for (String text : List.of("Bağlantı reddedildi", "BAĞLANTI REDDEDİLDİ", "bağlantı REDDEDİLDİ")) {
            assertThat(occurs("bağlantı reddedildi", parser.parse(text).text())).as(text).isTrue();
            assertThat(occurs("BAĞLANTI reddedildi", parser.parse(text).text())).as(text).isTrue();
        }
        assertThat(occurs("bağlantı reddedildi", parser.parse("bağlantı kuruldu").text())).isFalse();
    }

    @Test
    void aLatinOrCyrillicWordingDoesNotMatchInsideALongerWord() throws WordingSyntaxException {
        assertThat(occurs("rate limit", "rate limited")).isFalse();
        assertThat(occurs("rate limit", "pirate limit")).isFalse();
        assertThat(occurs("rate limit", "rate limit exceeded")).isTrue();
        assertThat(occurs("хост неизвестен", "хост неизвестенный")).isFalse();
        assertThat(occurs("SMTP服务器连接失败", "ESMTP服务器连接失败")).isFalse();
    }

    @Test
    void aChineseOrJapaneseWordingMatchesBetweenCharactersOfItsScript() throws WordingSyntaxException {
        // No spaces between words: the wording's first and last characters touch the text's own.
        assertThat(occurs("连接超时", "错误连接超时了")).isTrue();
        assertThat(occurs("SMTPホストに接続できませんでした", "エラーSMTPホストに接続できませんでした。")).isTrue();
        assertThat(occurs("接続がタイムアウトしました", "サーバーへの接続がタイムアウトしました")).isTrue();
        assertThat(occurs("远程主机强迫关闭了一个现有的连接", "无法从传输连接中读取数据: 远程主机强迫关闭了一个现有的连接。")).isTrue();
    }

    @Test
    void aLatinEdgeMayTouchAChineseCharacterButNotALatinLetter() throws WordingSyntaxException {
        assertThat(occurs("SMTP", "连接SMTP服务器失败")).isTrue();
        assertThat(occurs("SMTP", "连接ESMTP服务器失败")).isFalse();
        assertThat(occurs("connect() failed", "SMTP connect() failed失败")).isTrue();
        assertThat(occurs("timed out", "connection timed outside")).isFalse();
        assertThat(occurs("ETIMEDOUT", "连接超时ETIMEDOUT")).isTrue();
        assertThat(occurs("ETIMEDOUT", "ETIMEDOUT连接超时")).isTrue();
        assertThat(occurs("ETIMEDOUT", "xETIMEDOUT")).isFalse();
    }

    @Test
    void aChineseWordingNeedsAllItsCharacters() throws WordingSyntaxException {
        assertThat(occurs("连接超时", "连接超")).isFalse();
        assertThat(occurs("拒绝连接", "拒绝访问")).isFalse();
    }

    @Test
    void aThaiWordingHasNoWordEdgesEither() throws WordingSyntaxException {
        assertThat(occurs("หมดเวลา", "การเชื่อมต่อหมดเวลาแล้ว")).isTrue();
    }

    @Test
    void aKoreanParticleOrEndingMayFollowAWordingButNothingJoinsItsStart() throws WordingSyntaxException {
        assertThat(occurs("Spamhaus", "550 IP가 Spamhaus를 통해 차단되었습니다")).isTrue();
        assertThat(occurs("연결", "서버와의 연결이 끊어졌습니다")).isTrue();
        assertThat(occurs("인증 실패", "SMTP 인증 실패했습니다")).isTrue();
        assertThat(occurs("인증", "미인증 사용자")).as("a Hangul letter before is the same word").isFalse();
        assertThat(occurs("Spamhaus", "Spamhausx")).isFalse();
        assertThat(occurs("rate limit", "rate limited")).isFalse();
    }
}
