package org.smtpdoctor.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parser's hand-written scans accept exactly what the regular expressions they replaced accepted (the
 * expressions are kept here, as the specification): log prefixes, exception names, logged exception headers and the
 * stage phrases, on
 * texts made of the pieces where they differ most easily (digits and separators of time stamps, levels before
 * letters, combining marks, supplementary characters, line separators).
 */
class LeanScansTest {
    private static final List<Pattern> LOG_PREFIXES = List.of(
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?"
                    + "(?:\\s?(?:Z|[+-]\\d{2}:?\\d{2}))?)?(?:\\s+|$)"),
            Pattern.compile("^\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:\\s+|$)"),
            Pattern.compile("^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\s+\\d{1,2}\\s+\\d{2}:\\d{2}:\\d{2}\\s+"),
            Pattern.compile("^(?:[\\w.-]+\\s+)?[\\w./-]+\\[\\d+\\]:\\s+"),
            Pattern.compile("^\\[(?!(?:Errno|WinError) -?\\d+\\])[^\\]]{0,80}\\]:?\\s*"),
            Pattern.compile("^(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|SEVERE|CRITICAL|CRIT|ALERT|EMERG)\\b:?\\s*"),
            Pattern.compile("^\\d+\\s+---\\s+"),
            Pattern.compile("^(?:[0-9A-F]{6,12}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,15}):\\s+"),
            Pattern.compile("^[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}\\s+"),
            Pattern.compile("^[\\w$]+(?:\\.[\\w$]+){1,16}\\s+[-:]\\s+"));
    private static final Pattern EXCEPTION_NAME = Pattern.compile(
            "^(?:(?:[a-z_$][\\w$]*\\.){1,16}|(?:[A-Za-z_$][\\w$]*\\.){0,16}(?=[A-Z][\\w$]*(?:Exception|Error)\\b))"
                    + "([A-Z][\\w$]*)(?::\\s*|$)");
    private static final Pattern HEADER = Pattern.compile(
            "^(?:Caused by:\\s*|Suppressed:\\s*)?((?:[a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error))(?::\\s?(.*))?$");
    private static final Pattern NESTED_IS = Pattern.compile(";?\\s*nested exception is:?\\s*$");
    private static final List<String> TRACE_PIECES = List.of("Caused by:", "Suppressed:", " ", "  ", "\t", "\u000B", "jakarta.",
            "mail.", "a.", "_x.", "$.", "1a.", ".", "..", "Messaging", "SMTP", "Foo", "foo", "E", "Exception", "Error", "Errors",
            ":", ": ", ":  ", "msg", "x", ";", "nested exception is", "nested exception is:", "Nested exception is", "\u2028",
            "\u0085", "\n", "\r\n", "\r", "at a.B.c(B.java:1)", "at ", "\u00e9", "\uD83D\uDE00");

    /** ASCII letters in any case ({@code (?i)} without {@code UNICODE_CASE}), as the parser reads the phrases. */
    private static final List<Pattern> STAGE_CLUES = Stream.of(
            "starttls is required but host does not support starttls|could not convert socket to tls"
                    + "|tls is required, but was not offered",
            "connect timed out|couldn't connect to host|could not connect to smtp host|connect to \\S+:\\d+: ",
            "in reply to end of data command|while sending end of data|after end-of-message|after end of data"
                    + "|in response to end of data|failed after i sent the message",
            "in reply to data command|while sending (?:the )?(?:data command|message body)|after (?:pipelined )?data\\b"
                    + "|failed on data command",
            "in reply to rcpt to command|while sending rcpt to|reject: rcpt from|after (?:pipelined )?rcpt\\b"
                    + "|the following recipients failed|in response to rcpt to|does not like recipient",
            "in reply to mail from command|while sending mail from|reject: mail from|after (?:pipelined )?mail\\b"
                    + "|the following from address failed|in response to mail from|but sender was rejected",
            "in reply to auth command|after auth\\b|reject: auth from|failed to authenticate on smtp server"
                    + "|could not authenticate|sasl authentication failed; server",
            "in reply to starttls command|after starttls\\b",
            "while performing the (?:ehlo|helo) handshake|in reply to (?:ehlo|helo) command|reject: (?:ehlo|helo) from"
                    + "|after (?:ehlo|helo)\\b|\\((?:ehlo|helo)\\)|in response to (?:ehlo|helo)|but my name was rejected",
            "while receiving the initial server greeting|greeting never received|reject: connect from"
                    + "|after initial connection|in response to initial connection|refused to talk to me|but greeting failed")
            .map(clue -> Pattern.compile("(?i)(?:" + clue + ")")).toList();
    private static final List<SmtpStage> CLUE_STAGES = List.of(SmtpStage.STARTTLS, SmtpStage.CONNECT, SmtpStage.END_OF_DATA,
            SmtpStage.DATA, SmtpStage.RCPT, SmtpStage.MAIL, SmtpStage.AUTH, SmtpStage.STARTTLS, SmtpStage.EHLO, SmtpStage.GREETING);

    private static final List<String> PIECES = List.of("2026-01-01", "T", " ", "  ", "12:00", ":00", ".5", ",123", "Z",
            "+03:00", "-0300", "1", "22", "333", "4444", ".", ":", "-", "---", "[", "]", "[main]", "Errno ", "WinError ", "[Errno 111]", "[WinError 10060]", "[Errno -2]", "\t", "\u2028", "\u0085",
            "Nov", "May", "mx1", "postfix/smtp", "[20417]", "ABCDEF0123", "bcdfghjklm", "1Abc23", "456789", "AB", "o.e.Mailer",
            "WARN", "WARNING", "ERROR", "ERRORS", "ERR", "INFO", "\u0301", "_", "$", "\uD83D\uDE00", "\u00e9",
            "jakarta.", "mail.", "a.", "Foo", "Messaging", "Exception", "Error", "SMTPAuthenticationError", "System.Net.",
            "after ", "data", "rcpt", "pipelined ", "mail", "auth", "ehlo", "(helo)", "in reply to ", "end of data command",
            "while sending ", "the ", "message body", "reject: ", "connect to ", "mx.example.com[192.0.2.7]", "connect",
            "greeting never received", "could not authenticate", "timed out", "x", "IN REPLY TO ", "After ", "RCPT",
            "Reject: ", "DATA", "\u212A", "\u0130", "in response to ", "initial connection", "Does not like recipient");

    /** Log prefixes and exception names, slot by slot: each slot one of its variants, right or slightly wrong. */
    private static final List<String[][]> SHAPES = List.of(
            new String[][] {{"2026-01-01", "2026-1-01", "20260-01-01", "12:00:00"}, {"T", " ", "", "x"}, {"12:00", "1:00", ""},
                {":00", ":0", ""}, {".5", ",123", ".", ""}, {"", " ", "  "}, {"Z", "+03:00", "-0300", "+03:0", "+3:00", ""},
                {" ", "", "\u2028", "x", "\t"}},
            new String[][] {{"Nov", "May", "Foo"}, {" ", "  ", ""}, {"2", "12", "123", ""}, {" ", ""}, {"09:30:11", "9:30:11"},
                {" ", "", "x"}, {"mx1 ", "mx-1.b ", ""}, {"postfix/smtp", "post fix", "p.q-r", ""}, {"[20417]", "[]", "[x]", ""},
                {":", ""}, {" ", ""}},
            new String[][] {{"ABCDEF", "ABCDEF0123", "ABCDEF0123456", "bcdfghjklm", "bcdfghjklmnpqrst", "bcdfghjklmnpqrstv",
                "1Abc23", "12345"}, {":", "-", "", " "}, {" ", "", "456789-AB ", "4567890123456-AB ", "456789-ABCDE ", "--- "}},
            new String[][] {{"o", "o.e", "a.b.c", "a..b", "$x.y_z", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q"},
                {" ", "  ", ""}, {"-", ":", "x", ""}, {" ", ""}},
            new String[][] {{"WARN", "WARNING", "ERRORS", "ERR", "CRIT", "CRITICAL", "INFO", "[main]", "[", "[" + "x".repeat(80),
                "[" + "\uD83D\uDE00".repeat(40), "[" + "\uD83D\uDE00".repeat(81)}, {"", ":", " ", "\u0301", "_", "\u00e9", "1", "]", "]:"},
                {"", " "}},
            new String[][] {{"", "jakarta.", "a.b.", "A.B.", "_x.", "$.", "a.".repeat(16), "a.".repeat(17)}, {"", "mail.", "Mail."},
                {"Messaging", "SMTP", "Foo", "foo", ""}, {"Exception", "Error", "Errors", "Exception$1", "", "Exception\u00e9",
                "Error\u0301", "Error_", "Exception.Inner"}, {":", ": ", "  ", "", " x", "\u2028"}, {"", "msg"}});

    /** Texts from {@link #SHAPES} (each slot one of its variants), from {@link #PIECES}, and random characters. */
    private static List<String> texts() {
        Random random = new Random(13);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            StringBuilder text = new StringBuilder();
            switch (i % 3) {
                case 0 -> {
                    for (String[] slot : SHAPES.get(random.nextInt(SHAPES.size()))) {
                        text.append(slot[random.nextInt(slot.length)]);
                    }
                    text.append(random.nextBoolean() ? "" : " 550 5.1.1 x");
                }
                case 1 -> {
                    for (int piece = random.nextInt(14); piece > 0; piece--) {
                        text.append(PIECES.get(random.nextInt(PIECES.size())));
                    }
                }
                default -> {
                    String chars = "0123456789:-.,[]TZ+ \tAEFabcz_$\u0301";
                    for (int c = random.nextInt(40); c > 0; c--) {
                        text.append(chars.charAt(random.nextInt(chars.length())));
                    }
                }
            }
            texts.add(text.toString());
        }
        return texts;
    }

    @Test
    void logPrefixesAreReadAsTheirPatternsRead() {
        for (String text : texts()) {
            assertThat(LogPrefix.end(text, 0)).as(text).isEqualTo(logPrefixEnd(text));
        }
    }

    private static int logPrefixEnd(String text) {
        int expected = -1;
        for (Pattern prefix : LOG_PREFIXES) {
            Matcher m = prefix.matcher(text);
            if (m.find() && m.end() > 0) {
                expected = m.end();
                break;
            }
        }
        return expected;
    }

    @Test
    void exceptionNamesAreReadAsTheirPatternReads() {
        texts().forEach(LeanScansTest::exceptionNameAsItsPatternReadsIt);
    }

    private static void exceptionNameAsItsPatternReadsIt(String text) {
        Matcher m = EXCEPTION_NAME.matcher(text);
        ExceptionName name = ExceptionName.at(text);
        if (m.find()) {
            assertThat(name).as(text).isNotNull();
            assertThat(name.simpleName(text)).as(text).isEqualTo(m.group(1));
            assertThat(name.end()).as(text).isEqualTo(m.end());
        } else {
            assertThat(name).as(text).isNull();
        }
    }

    /** {@link LoggedException#read}'s header lines, read as its former regular expressions read them. */
    @Test
    void loggedExceptionHeadersAreReadAsTheirPatternsReadThem() {
        Random random = new Random(17);
        List<String> texts = new ArrayList<>(List.of("a.BarException:;nested exception is:", "a.BarException: ;nested exception is",
                "Caused by:  FooError", "x.Y.ZException:\tmsg; nested exception is \n\tat a.B.c(B.java:1)", "Exception: x",
                "a..BException", "1a.BException", "a.BException.", "Suppressed: a.BError: m\u2028", "a.BError\u0085"));
        for (int i = 0; i < 30_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int piece = random.nextInt(16); piece > 0; piece--) {
                text.append(TRACE_PIECES.get(random.nextInt(TRACE_PIECES.size())));
            }
            texts.add(text.toString());
        }
        for (String t : texts) {
            assertThat(LoggedException.read(t).stream().map(e -> e.className() + "|" + e.message() + "|" + e.frames()).toList())
                    .as(t).isEqualTo(headersAsPatternsRead(t));
        }
    }

    private static List<String> headersAsPatternsRead(String text) {
        List<String> chain = new ArrayList<>();
        Pattern frame = Pattern.compile("^at\\s+([\\w$.]+)\\.([\\w$<>]+)\\(.*\\)$");
        String current = null;
        List<String> frames = new ArrayList<>();
        for (String raw : text.split("\r\n|\r|\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher f = frame.matcher(line);
            if (f.matches()) {
                if (current != null) {
                    frames.add(f.group(1) + "." + f.group(2));
                }
                continue;
            }
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                if (current != null) {
                    chain.add(current + "|" + frames);
                }
                current = h.group(1) + "|" + (h.group(2) == null ? "" : NESTED_IS.matcher(h.group(2)).replaceAll(""));
                frames = new ArrayList<>();
            }
        }
        if (current != null) {
            chain.add(current + "|" + frames);
        }
        return chain;
    }

    @Test
    void stagePhrasesAreFoundAsTheirPatternsFindThem() {
        texts().forEach(LeanScansTest::stageAsItsPatternsFindIt);
    }

    private static void stageAsItsPatternsFindIt(String text) {
        SmtpStage expected = null;
        for (int i = 0; i < STAGE_CLUES.size() && expected == null; i++) {
            if (STAGE_CLUES.get(i).matcher(text).find()) {
                expected = CLUE_STAGES.get(i);
            }
        }
        assertThat(StageInference.fromText(text)).as(text).isEqualTo(expected);
    }
}
