package org.smtpdoctor.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An application's output piped in: each stack trace is one text, every other line a text of its own. */
class LoggedTextsTest {
    private static List<String> texts(String output) {
        List<String> texts = new ArrayList<>();
        new LoggedTexts(new BufferedReader(new StringReader(output))).forEachRemaining(texts::add);
        return texts;
    }

    @Test
    void aStackTraceWithCausesIsOneText() {
        String trace = """
                jakarta.mail.MessagingException: Could not connect to SMTP host: smtp.example.org, port: 465;
                  nested exception is:
                \tjava.net.ConnectException: Connection refused
                \tat org.eclipse.angus.mail.smtp.SMTPTransport.openServer(SMTPTransport.java:2258)
                \tat jakarta.mail.Service.connect(Service.java:345)
                \t... 3 more
                Caused by: java.net.ConnectException: Connection refused
                \tat java.base/sun.nio.ch.Net.connect0(Native Method)
                \t... 12 common frames omitted
                Suppressed: java.io.IOException: closing
                \tat x.Y.z(Y.java:1)""";
        List<String> texts = texts("2026-11-30 12:00:01 ERROR sending failed\n" + trace
                + "\n\n535 5.7.8 Error: authentication failed\n550 5.1.1 User unknown\n");
        assertThat(texts).containsExactly("2026-11-30 12:00:01 ERROR sending failed", trace,
                "535 5.7.8 Error: authentication failed", "550 5.1.1 User unknown");
    }

    @Test
    void plainLinesStayTextsOfTheirOwnAndBlankLinesAreNone() {
        assertThat(texts("  535 indented\n\n   \n  550 also indented\nat the end\n"))
                .containsExactly("  535 indented", "  550 also indented", "at the end");
        assertThat(texts("")).isEmpty();
        assertThat(texts("\n \n\t\n")).isEmpty();
    }

    @Test
    void anEndlessTraceIsBounded() {
        StringBuilder trace = new StringBuilder("java.lang.IllegalStateException: boom\n");
        String frame = "\tat a.very.long.package.name.SomeClass.someMethod(SomeClass.java:123)\n";
        trace.append(frame.repeat(20_000)).append("535 after the trace\n");
        List<String> texts = texts(trace.toString());
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).startsWith("java.lang.IllegalStateException: boom\n\tat ");
        assertThat(texts.get(0).length()).isLessThanOrEqualTo(LoggedTexts.MAX_TEXT_CHARS);
        assertThat(texts.get(1)).isEqualTo("535 after the trace");
    }
}
